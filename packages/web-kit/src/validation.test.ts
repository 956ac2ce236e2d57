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
  it('joins several messages of one field with a full-width slash', () => {
    const errors = groupFieldErrors([
      { path: 'password', message: '8文字以上' },
      { path: 'password', message: '英字を含む' },
    ]);
    expect(errorText(errors.password)).toBe('8文字以上／英字を含む');
    expect(errorText(errors.loginId)).toBeUndefined();
  });
});
