// SECURITY.md: password storage and rules (ASVS 6.2, 11.4.2; NIST 800-63B).
import { DEFAULT_PASSWORD_POLICY, type TPasswordPolicy } from '@jinji/contracts/common/password-policy';
import { dictionary } from '@zxcvbn-ts/language-common';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMON_PASSWORD_COUNT,
  checkPassword,
  hashPassword,
  isCommonPassword,
  type PasswordOwner,
  verifyPassword,
} from './passwords';

const own = (loginId: string): PasswordOwner => ({ loginId, tenantCode: 'acme', tenantName: 'テスト株式会社 acme' });

const printable = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 8,
  maxLength: 128,
});

const anyPolicy: fc.Arbitrary<TPasswordPolicy> = fc.record({
  minLength: fc.integer({ min: 8, max: 64 }),
  minUppercase: fc.integer({ min: 0, max: 20 }),
  minLowercase: fc.integer({ min: 0, max: 20 }),
  minDigits: fc.integer({ min: 0, max: 20 }),
  minSymbols: fc.integer({ min: 0, max: 20 }),
  forbidLoginId: fc.boolean(),
  expiryDays: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
  reuseCount: fc.option(fc.integer({ min: 1, max: 24 }), { nil: null }),
});

describe('password storage', () => {
  it('stores argon2id with m ≥ 19 MiB, t ≥ 2, p = 1', async () => {
    const stored = await hashPassword('Kinmokusei-2026!');
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
    expect(match).not.toBeNull();
    const [, m, t, p] = match!.map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBe(1);
  });

  it('any allowed password up to 128 characters round-trips without truncation', async () => {
    await fc.assert(
      fc.asyncProperty(printable, async (pw) => {
        const stored = await hashPassword(pw);
        expect(await verifyPassword(stored, pw)).toBe(true);
        expect(await verifyPassword(stored, pw.slice(0, -1))).toBe(false);
        expect(await verifyPassword(stored, `${pw}x`)).toBe(false);
      }),
      { numRuns: 15 },
    );
  });

  it('accepts 64- and 128-character passwords under the default policy', () => {
    expect(checkPassword('aB3$'.repeat(16), DEFAULT_PASSWORD_POLICY, own('admin'))).toEqual([]);
    expect(checkPassword('Zq9!'.repeat(32), DEFAULT_PASSWORD_POLICY, own('admin'))).toEqual([]);
  });
});

describe('password rules', () => {
  it('bundles a list of common/breached passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThan(10_000);
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('PASSWORD')).toBe(true);
  });

  it('refuses a common password under every tenant policy', () => {
    const common = (dictionary['passwords-common'] as string[]).filter(
      (p) => p.length >= 8 && /^[\x21-\x7e]+$/.test(p),
    );
    fc.assert(
      fc.property(anyPolicy, fc.constantFrom(...common), (policy, pw) => {
        const rules = checkPassword(pw, policy, own('someone')).map((v) => v.rule);
        expect(rules).toContain('common_password');
      }),
    );
  });

  it('refuses full-width characters and spaces whatever else is right', () => {
    for (const pw of ['Ｐａｓｓｗｏｒｄ１２３４', 'Kinmoku sei-2026!', 'Kinmoku　sei-2026!', 'きんもくせい2026!!']) {
      const rules = checkPassword(pw, DEFAULT_PASSWORD_POLICY, own('admin')).map((v) => v.rule);
      expect(rules).toContain('invalid_characters');
    }
  });

  it('never accepts fewer than 8 characters, whatever the tenant sets', () => {
    fc.assert(
      fc.property(anyPolicy, fc.string({ minLength: 0, maxLength: 7 }), (policy, pw) => {
        expect(checkPassword(pw, policy, own('x')).map((v) => v.rule)).toContain('min_length');
      }),
    );
  });

  it('applies the seed sample policy (10 chars, 1 each of upper, lower, digit, symbol, no login ID)', () => {
    const policy: TPasswordPolicy = {
      ...DEFAULT_PASSWORD_POLICY,
      minLength: 10,
      minUppercase: 1,
      minLowercase: 1,
      minDigits: 1,
      minSymbols: 1,
    };
    const messages = (pw: string) => checkPassword(pw, policy, own('yamada')).map((v) => v.message);
    expect(messages('abcdefghij')).toEqual([
      '大文字を1文字以上含めてください',
      '数値を1文字以上含めてください',
      '記号を1文字以上含めてください',
    ]);
    expect(messages('Yamada-2026!x')).toEqual([
      'ログインIDを含むことはできません',
      '企業コード・会社名・ログインIDに数字や記号を付けただけのパスワードは使用できません',
    ]);
    expect(messages('Short1!')).toContain('10文字以上で入力してください');
    expect(messages('Tsukimi-2026!')).toEqual([]);
  });

  it('a password meeting the counts of any policy passes exactly when long enough', () => {
    fc.assert(
      fc.property(anyPolicy, (policy) => {
        const pw = `${'A'.repeat(policy.minUppercase)}${'b'.repeat(policy.minLowercase)}${'7'.repeat(policy.minDigits)}${'#'.repeat(policy.minSymbols)}`;
        const padded = `${pw.padEnd(policy.minLength, 'q')}Zx9#Jk`;
        const rules = checkPassword(padded, policy, own('loginid-not-inside')).map((v) => v.rule);
        expect(rules.filter((r) => r !== 'common_password' && r !== 'max_length')).toEqual([]);
      }),
    );
  });

  // issue #9 item 9: 'Password123!' passed a 10-character policy. The list is looked up with the
  // decorations removed: case, leet, digits and symbols around the word, the company and login names.
  const sample: TPasswordPolicy = DEFAULT_PASSWORD_POLICY;
  const commonRule = (pw: string) =>
    checkPassword(pw, sample, { loginId: 'yamada', tenantCode: 'acme', tenantName: 'Acme Trading 株式会社' }).filter(
      (v) => v.rule === 'common_password',
    );

  it.each([
    'Password123!',
    'P@ssw0rd2026',
    'Qwerty!!',
    'acmePassword1!',
    'ACME-Password-1',
    'Iloveyou2025?',
    'PASSWORD2026!!',
    'Passw0rd!',
    'Pa$$w0rd',
    'Dragon2026#',
    'Monkey123$',
    'L3tm31n!2026',
    'W3lc0me!',
    '$unshine99',
    'Sakura2026!',
    'Tokyo2026!!',
    '!!Qwerty123',
    'Football#1',
    'Admin@2026',
    'Baseball!23',
    'Trustno1!',
    '1qaz2wsx!',
    'Tradingpassword!1',
  ])('refuses the decorated common password %s', (pw) => {
    expect(commonRule(pw)).toEqual([
      {
        rule: 'common_password',
        message: 'よく使われているパスワード（数字・記号を付けたり文字を置き換えたりしたものを含む）は使用できません',
      },
    ]);
  });

  it.each(['Acme2026!!', 'yamada2026!@', 'ACME-yamada-1', 'Trading#2026'])(
    'refuses %s: only the company and login names with digits and symbols',
    (pw) => {
      expect(commonRule(pw).map((v) => v.message)).toEqual([
        '企業コード・会社名・ログインIDに数字や記号を付けただけのパスワードは使用できません',
      ]);
    },
  );

  it.each([
    'Kinmokusei-2026!',
    'Hagoromo-Sakura-77',
    'Tsukimi-2026!',
    'vX9#qL2@mZ7!',
    'Umeboshi&Natto-42',
    'Shinkansen-Nozomi-700',
    'Fuji3776m-Climb!',
    'Q7$kR2!vW9#z',
    'Kotatsu_Mikan_88',
    'Ryokan-Onsen-Hakone-5',
    'Gx!4tPz8@Lm2',
    'Acme-Kotatsu-Mikan-9',
  ])('accepts the strong password %s', (pw) => {
    expect(checkPassword(pw, sample, own('yamada'))).toEqual([]);
  });
});
