// The employee master's field rules and normalisation, in one place. The form's zod schemas (the API
// and the web's live hints), the 新規登録 import and the 更新 import all call these functions, so a
// value gets the same verdict (same field, same message) and is stored the same way on every path.
// Only the input *format* of dates and flags differs by path (ISO/boolean in JSON, 和暦/1・0 in files).

import { isKana, toFullWidthKana } from '@jinji/ja/text';
import { z } from 'zod';
import { type ImportMessageCode, importMessage, importMessageJa, type TImportMessage } from './import-messages';

type TextKind = 'text' | 'kana' | 'email' | 'postal' | 'phone' | 'code';
type TextRule = { label: string; max: number; required: boolean; kind: TextKind };

const rule = (label: string, max: number, kind: TextKind = 'text', required = false): TextRule => ({
  label,
  max,
  kind,
  required,
});

/** Labels are the import files' column headers too, so an error names the same field on both paths. */
export const EMPLOYEE_TEXT_RULES = {
  employeeNumber: rule('社員番号', 30, 'code'),
  loginId: rule('ログインID', 128, 'code'),
  lastName: rule('本名(姓)', 50, 'text', true),
  firstName: rule('本名(名)', 50, 'text', true),
  lastNameKana: rule('本名(かな)(せい)', 50, 'kana', true),
  firstNameKana: rule('本名(かな)(めい)', 50, 'kana', true),
  businessLastName: rule('ビジネスネーム(姓)', 50),
  businessFirstName: rule('ビジネスネーム(名)', 50),
  email: rule('メールアドレス', 254, 'email'),
  postalCode: rule('郵便番号', 8, 'postal'),
  prefecture: rule('都道府県', 10),
  city: rule('市区町村', 100),
  street: rule('番地', 100),
  building: rule('建物', 100),
  phone: rule('電話番号', 20, 'phone'),
  mobilePhone: rule('携帯電話番号', 20, 'phone'),
  emergencyName: rule('緊急連絡先の氏名', 50, 'text', true),
  emergencyRelation: rule('続柄', 20),
  emergencyPhone: rule('緊急連絡先の電話番号', 20, 'phone', true),
} as const;
export type EmployeeTextField = keyof typeof EMPLOYEE_TEXT_RULES;

export const EMPLOYEE_FIELD_LABELS = {
  birthDate: '生年月日',
  hireDate: '入社日',
  retirementDate: '退職日',
  systemUseStartDate: 'システム利用開始日',
  gender: '性別',
  ...Object.fromEntries(Object.entries(EMPLOYEE_TEXT_RULES).map(([k, r]) => [k, r.label])),
} as Record<string, string>;

/**
 * `problem`: the import quotes the cell for format problems, not for missing or over-long ones.
 * `code`: the message as the import stores it (code and parameters); `message` is its Japanese.
 */
export type FieldVerdict =
  | { ok: true; value: string | null }
  | { ok: false; message: string; code: TImportMessage; problem: 'required' | 'format' | 'length' };

const fail = (
  code: ImportMessageCode,
  params: TImportMessage['params'],
  problem: 'required' | 'format' | 'length',
): FieldVerdict => {
  const m = importMessage(code, params);
  return { ok: false, message: importMessageJa(m), code: m, problem };
};

const nfkc = (s: string) => s.normalize('NFKC');

// every dash a Japanese keyboard or IME produces: ー (長音), － (全角), ‐ ‑ ‒ – — ― −
const DASHES = /[\u30FC\uFF70\uFF0D\u2010-\u2015\u2212]/g;

/** 郵便番号 as 123-4567 from any width, 〒 prefix and hyphenation; null when it is not a postal code. */
export function normalizePostalCode(s: string): string | null {
  const m = /^〒?\s*(\d{3})-?(\d{4})$/.exec(nfkc(s.trim()).replace(DASHES, '-'));
  return m ? `${m[1]}-${m[2]}` : null;
}

/** A phone number in half-width digits, hyphens, parentheses and a leading +; null when it is not one. */
export function normalizePhone(s: string): string | null {
  const v = nfkc(s.trim()).replace(DASHES, '-');
  if (!/^\+?[\d()-]+$/.test(v)) return null;
  return /\d.*\d.*\d/.test(v) ? v : null;
}

const EMAIL = z.regexes.email;

/** One text field: trimmed, normalised, checked. Empty is null (or an error when required). */
export function checkEmployeeText(key: EmployeeTextField, raw: string): FieldVerdict {
  const r: TextRule = EMPLOYEE_TEXT_RULES[key];
  let v = raw.trim();
  const field = r.label;
  if (v === '') return r.required ? fail('required', { field }, 'required') : { ok: true, value: null };
  switch (r.kind) {
    case 'kana':
      v = toFullWidthKana(v);
      if (!isKana(v)) return fail('kana', { field }, 'format');
      break;
    case 'email':
      v = nfkc(v);
      if (!EMAIL.test(v)) return fail('emailFormat', { field }, 'format');
      break;
    case 'code':
      v = nfkc(v);
      if (!/^[\x21-\x7e]+$/.test(v)) return fail('codeFormat', { field }, 'format');
      break;
    case 'postal': {
      const p = normalizePostalCode(v);
      if (p === null) return fail('postalFormat', { field }, 'format');
      v = p;
      break;
    }
    case 'phone': {
      const p = normalizePhone(v);
      if (p === null) return fail('phoneFormat', { field }, 'format');
      v = p;
      break;
    }
    default:
  }
  if (v.length > r.max) return fail('tooLong', { field, max: r.max }, 'length');
  return { ok: true, value: v };
}

/** `code`: the message as the import stores it; `message` its Japanese. */
export type RuleIssue = { field: string; message: string; code: TImportMessage };
const issue = (field: string, code: ImportMessageCode): RuleIssue => {
  const m = importMessage(code);
  return { field, message: importMessageJa(m), code: m };
};

export type EmployeeDates = {
  birthDate: string | null;
  hireDate: string | null;
  retirementDate: string | null;
};

/** The cross-field rules of 生年月日/入社日/退職日; `today` is Japan's (todayInJapan). */
export function checkEmployeeDates(v: EmployeeDates, today: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (v.birthDate && v.birthDate > today) issues.push(issue('birthDate', 'birthInFuture'));
  if (v.birthDate && v.hireDate && v.birthDate >= v.hireDate) issues.push(issue('hireDate', 'hireBeforeBirth'));
  if (v.retirementDate && v.hireDate && v.retirementDate < v.hireDate)
    issues.push(issue('retirementDate', 'retirementBeforeHire'));
  return issues;
}

/**
 * System use (decision 006): an employee uses the system when they have — or are given — a ログインID,
 * or a システム利用開始日 is set. Then a メールアドレス is required (the account notice goes there).
 */
export function checkSystemUse(v: {
  hasLogin: boolean;
  systemUseStartDate: string | null;
  email: string | null;
}): RuleIssue[] {
  if ((v.hasLogin || v.systemUseStartDate) && !v.email) return [issue('email', 'emailForSystemUse')];
  return [];
}

/**
 * Since when the current period's value has been the same: the start of the oldest unbroken run of periods
 * (by start date) sharing `keyOf` with `current`, e.g. 役職 unchanged by a 部署 異動. The detail screen and the
 * profile sheet print it as 「[現在] 2022/02/20 (3年1か月)」.
 */
export function currentValueSince<T extends { startDate: string }>(
  periods: readonly T[],
  current: T,
  keyOf: (p: T) => string | null | undefined,
): string {
  const newestFirst = [...periods].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const key = keyOf(current) ?? null;
  let since = current.startDate;
  for (const p of newestFirst.slice(newestFirst.indexOf(current) + 1)) {
    if ((keyOf(p) ?? null) !== key) break;
    since = p.startDate;
  }
  return since;
}
