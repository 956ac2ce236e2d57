import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorText, groupFieldErrors, validate } from './validation';

describe('validate', () => {
  const schema = z.object({
    code: z.string().min(1, { error: 'コードを入力してください' }),
    rule: z.object({ width: z.number({ error: '数値で入力してください' }) }),
  });

  it('returns the parsed value when valid', () => {
    expect(validate(schema, { code: 'a', rule: { width: 3 } })).toEqual({
      data: { code: 'a', rule: { width: 3 } },
      errors: null,
    });
  });

  it('keys messages like the server does, nested paths joined with dots', () => {
    expect(validate(schema, { code: '', rule: { width: 'x' } }).errors).toEqual({
      code: ['コードを入力してください'],
      'rule.width': ['数値で入力してください'],
    });
  });
});

describe('groupFieldErrors and errorText', () => {
  it('keeps every message of a field, and shows one under the input: the first check that failed', () => {
    const errors = groupFieldErrors([
      { path: 'code', message: 'コードを入力してください' },
      { path: 'code', message: 'コードは半角英数字・-_ の20文字以内で入力してください' },
    ]);
    expect(errors.code).toHaveLength(2);
    expect(errorText(errors.code)).toBe('コードを入力してください');
    expect(errorText(errors.loginId)).toBeUndefined();
  });
});
