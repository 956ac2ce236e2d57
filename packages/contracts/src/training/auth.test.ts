import { describe, expect, it } from 'vitest';
import { ZTrainingLoginRequest, ZTrainingSessionResponse } from './auth';

describe('ZTrainingLoginRequest', () => {
  it('names the 契約組織 field 組織コード in its messages', () => {
    const result = ZTrainingLoginRequest.safeParse({ organizationCode: ' ', loginId: '', password: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['organizationCode', '組織コードを入力してください'],
      ['loginId', 'ログインIDを入力してください'],
      ['password', 'パスワードを入力してください'],
    ]);
  });

  it('trims the codes, never the password', () => {
    expect(ZTrainingLoginRequest.parse({ organizationCode: ' demo ', loginId: ' admin ', password: ' p ' })).toEqual({
      organizationCode: 'demo',
      loginId: 'admin',
      password: ' p ',
    });
  });
});

describe('ZTrainingSessionResponse', () => {
  it('answers null for a signed-out visitor', () => {
    expect(ZTrainingSessionResponse.parse({ me: null })).toEqual({ me: null });
  });
});
