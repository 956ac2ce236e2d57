// The tenant password policy of the seed's 初期設定(1), and the rules applied on top of it always.
import { z } from 'zod';
import { zString } from './common';

/** Absolute floor and ceiling, whatever the tenant sets (NIST 800-63B / ASVS 6.2). */
export const PASSWORD_MIN_LENGTH_FLOOR = 8;
export const PASSWORD_MAX_LENGTH = 128;

const count = (label: string, max: number) =>
  z
    .number({ error: `${label}は半角数字で入力してください` })
    .int({ error: `${label}は整数で入力してください` })
    .min(0, { error: `${label}は0以上で入力してください` })
    .max(max, { error: `${label}は${max}以下で入力してください` });

export const ZPasswordPolicy = z.object({
  minLength: z
    .number({ error: '最小文字数は半角数字で入力してください' })
    .int({ error: '最小文字数は整数で入力してください' })
    .min(PASSWORD_MIN_LENGTH_FLOOR, { error: `最小文字数は${PASSWORD_MIN_LENGTH_FLOOR}以上で入力してください` })
    .max(64, { error: '最小文字数は64以下で入力してください' }),
  minUppercase: count('大文字の最小使用数', 20),
  minLowercase: count('小文字の最小使用数', 20),
  minDigits: count('数値の最小使用数', 20),
  minSymbols: count('記号の最小使用数', 20),
  forbidLoginId: z.boolean(),
  /** null = 定期的な更新なし */
  expiryDays: z
    .number({ error: '更新頻度は半角数字で入力してください' })
    .int({ error: '更新頻度は整数で入力してください' })
    .min(1, { error: '更新頻度は1日以上で入力してください' })
    .max(3650, { error: '更新頻度は3650日以下で入力してください' })
    .nullable(),
  /** null = 再利用の制限なし; N = 直近N世代のパスワードは使用不可 */
  reuseCount: z
    .number({ error: '再利用禁止の世代数は半角数字で入力してください' })
    .int({ error: '再利用禁止の世代数は整数で入力してください' })
    .min(1, { error: '再利用禁止の世代数は1以上で入力してください' })
    .max(24, { error: '再利用禁止の世代数は24以下で入力してください' })
    .nullable(),
});
export type TPasswordPolicy = z.infer<typeof ZPasswordPolicy>;

/** 設定されていない場合は既定値（各項目の最小値）が有効 (seed). */
export const DEFAULT_PASSWORD_POLICY: TPasswordPolicy = {
  minLength: PASSWORD_MIN_LENGTH_FLOOR,
  minUppercase: 0,
  minLowercase: 0,
  minDigits: 0,
  minSymbols: 0,
  forbidLoginId: true,
  expiryDays: null,
  reuseCount: null,
};

export const ZPasswordPolicyResponse = z.object({
  policy: ZPasswordPolicy,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TPasswordPolicyResponse = z.infer<typeof ZPasswordPolicyResponse>;

export const PASSWORD_RULES = [
  'invalid_characters',
  'min_length',
  'max_length',
  'min_uppercase',
  'min_lowercase',
  'min_digits',
  'min_symbols',
  'contains_login_id',
  'common_password',
  'reused',
] as const;
export type TPasswordRule = (typeof PASSWORD_RULES)[number];
export const ZPasswordViolation = z.object({ rule: z.enum(PASSWORD_RULES), message: z.string() });
export type TPasswordViolation = z.infer<typeof ZPasswordViolation>;

// Only printable ASCII without space: full-width characters and spaces (half or full) are refused.
const ALLOWED = /^[\x21-\x7e]*$/;
const count_ = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/**
 * The rules that need no server data (the common list and reuse are checked by the server).
 * Shared so that the change-password page can show violations as the user types.
 */
export function checkPasswordRules(password: string, policy: TPasswordPolicy, loginId: string): TPasswordViolation[] {
  const v: TPasswordViolation[] = [];
  const chars = [...password];
  if (!ALLOWED.test(password)) {
    v.push({ rule: 'invalid_characters', message: '使用できない文字（全角文字、全角・半角スペース）が含まれています' });
  }
  const minLength = Math.max(policy.minLength, PASSWORD_MIN_LENGTH_FLOOR);
  if (chars.length < minLength) v.push({ rule: 'min_length', message: `${minLength}文字以上で入力してください` });
  if (chars.length > PASSWORD_MAX_LENGTH) {
    v.push({ rule: 'max_length', message: `${PASSWORD_MAX_LENGTH}文字以内で入力してください` });
  }
  if (count_(password, /[A-Z]/g) < policy.minUppercase) {
    v.push({ rule: 'min_uppercase', message: `大文字を${policy.minUppercase}文字以上含めてください` });
  }
  if (count_(password, /[a-z]/g) < policy.minLowercase) {
    v.push({ rule: 'min_lowercase', message: `小文字を${policy.minLowercase}文字以上含めてください` });
  }
  if (count_(password, /[0-9]/g) < policy.minDigits) {
    v.push({ rule: 'min_digits', message: `数値を${policy.minDigits}文字以上含めてください` });
  }
  if (count_(password, /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/g) < policy.minSymbols) {
    v.push({ rule: 'min_symbols', message: `記号を${policy.minSymbols}文字以上含めてください` });
  }
  if (policy.forbidLoginId && loginId.length > 0 && password.toLowerCase().includes(loginId.toLowerCase())) {
    v.push({ rule: 'contains_login_id', message: 'ログインIDを含むことはできません' });
  }
  return v;
}

/** The lines of the seed's パスワード要件 box, e.g. 「最小文字数：10文字以上」. */
export function describePolicy(policy: TPasswordPolicy): string[] {
  const lines = [`最小文字数：${Math.max(policy.minLength, PASSWORD_MIN_LENGTH_FLOOR)}文字以上`];
  if (policy.minUppercase > 0) lines.push(`大文字：${policy.minUppercase}文字以上`);
  if (policy.minLowercase > 0) lines.push(`小文字：${policy.minLowercase}文字以上`);
  if (policy.minDigits > 0) lines.push(`数値：${policy.minDigits}文字以上`);
  if (policy.minSymbols > 0) lines.push(`記号：${policy.minSymbols}文字以上`);
  if (policy.reuseCount !== null) lines.push(`直近${policy.reuseCount}回分のパスワードは再利用できません`);
  if (policy.expiryDays !== null) lines.push(`${policy.expiryDays}日ごとに変更が必要です`);
  return lines;
}

export const ZChangePasswordRequest = z.object({
  currentPassword: zString('現在のパスワード').min(1, { error: '現在のパスワードを入力してください' }).max(1024),
  newPassword: zString('新しいパスワード').min(1, { error: '新しいパスワードを入力してください' }).max(1024),
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
