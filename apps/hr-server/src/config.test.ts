// HR's part of the environment: where mail links point (decision 012).
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('JINJI_PUBLIC_URL', () => {
  it('defaults to the address the server listens on, and drops a trailing slash', () => {
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '4010' }).publicUrl).toBe('http://127.0.0.1:4010');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '3000' }).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ JINJI_PUBLIC_URL: 'https://jinji.example.jp/hr/' }).publicUrl).toBe(
      'https://jinji.example.jp/hr',
    );
  });

  it('refuses an address that is not http(s), naming the variable', () => {
    expect(() => loadConfig({ JINJI_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/JINJI_PUBLIC_URL/);
    expect(() => loadConfig({ JINJI_PUBLIC_URL: 'https://jinji.example.jp/?x=1' })).toThrow(/JINJI_PUBLIC_URL/);
  });
});
