import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath: back to this site after login, never to another', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeReturnPath('/courses/1/sessions/2/apply')).toBe('/courses/1/sessions/2/apply');
    expect(safeReturnPath('/applications/new?session=abc')).toBe('/applications/new?session=abc');
    expect(safeReturnPath('/courses?q=%E7%A0%94%E4%BF%AE')).toBe('/courses?q=%E7%A0%94%E4%BF%AE');
    // an encoded newline or slash stays a segment of a path here
    expect(safeReturnPath('/%0a/evil.example')).toBe('/%0a/evil.example');
  });

  it('refuses other origins, schemes and look-alikes', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      'courses',
      '',
      '/login?redirect=/x',
      ' /courses',
      '/.//evil.example', // normalises to //evil.example (found by the property below)
      '/..//evil.example',
    ]) {
      expect(safeReturnPath(bad), bad).toBeNull();
    }
    expect(safeReturnPath(['/courses'])).toBeNull();
  });

  it('whatever it keeps resolves to this origin', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webPath(),
          fc.webPath().map((p) => `/.${p}`),
        ),
        (raw) => {
          const kept = safeReturnPath(raw);
          if (kept === null) return;
          expect(kept.startsWith('/')).toBe(true);
          expect(kept.startsWith('//')).toBe(false);
          expect(new URL(kept, 'https://other.invalid').origin).toBe('https://other.invalid');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
