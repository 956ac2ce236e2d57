// Password hashing (argon2id, OWASP parameters) and the rules applied on top of any tenant policy.
// The owner names (login ID, tenant code and name) are taken out before the common-password lookup.

import {
  checkPasswordRules,
  type TPasswordPolicy,
  type TPasswordViolation,
} from '@jinji/contracts/common/password-policy';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// Algorithm 2 = Argon2id. m = 19 MiB, t = 2, p = 1 (ASVS 11.4.2).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Spent on unknown login IDs so that timing does not tell which IDs exist.
let dummyHash: Promise<string> | undefined;
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('jinji-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

// zxcvbn-ts' list of common passwords (breach corpora), bundled from npm.
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
export const COMMON_PASSWORD_COUNT = common.size;

/** Who the password is for: their own names are as guessable as a common password. */
export type PasswordOwner = { loginId: string; tenantCode: string; tenantName: string };

// People decorate a common word to satisfy the rules: 'P@ssw0rd2026', 'Qwerty!!', 'acmePassword1!'.
// Undo the usual decorations and look the core up. '1' and '!' stand for i or l, so both are tried.
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '6': 'g', '9': 'g', '0': 'o' };
const LEET_S: Record<string, string> = { $: 's', '5': 's', '7': 't', '+': 't', '|': 'l' };
const leets = (s: string): string[] => {
  const base = [...s].map((c) => LEET[c] ?? LEET_S[c] ?? c).join('');
  return [s, base.replace(/[1!]/g, 'i'), base.replace(/[1!]/g, 'l')];
};
const DECORATION = /^[^a-z]+|[^a-z]+$/g; // digits and symbols before and after the word
const DECORATION_END = /[^a-z]+$/;
const SYMBOLS_END = /[^a-z0-9]+$/; // 'trustno1!' is 'trustno1' decorated
const MIN_CORE = 4; // shorter cores (after removing the decorations) are not looked up
const ownWords = (owner: PasswordOwner): string[] =>
  [owner.loginId, owner.tenantCode, ...owner.tenantName.split(/[^A-Za-z0-9]+/)]
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3);

/** The cores a password may be a decoration of (lower case), and whether it is only the owner's own names. */
function coresOf(password: string, owner: PasswordOwner | null): { cores: Set<string>; isOwnNamesOnly: boolean } {
  const lower = password.toLowerCase();
  let withoutOwn = lower;
  for (const w of owner ? ownWords(owner) : []) withoutOwn = withoutOwn.split(w).join('');
  const cores = new Set<string>();
  for (const base of new Set([lower, withoutOwn])) {
    for (const stripped of new Set([
      base,
      ...[DECORATION, DECORATION_END, SYMBOLS_END].map((d) => base.replace(d, '')),
    ])) {
      for (const plain of leets(stripped)) {
        for (const core of [plain, ...[DECORATION, DECORATION_END, SYMBOLS_END].map((d) => plain.replace(d, ''))]) {
          if (core.length >= MIN_CORE) cores.add(core);
        }
      }
    }
  }
  const isOwnNamesOnly = withoutOwn !== lower && withoutOwn.replace(DECORATION, '').length < MIN_CORE;
  return { cores, isOwnNamesOnly };
}

/** A common password, also in upper case, leet and with digits or symbols around it. */
export function isCommonPassword(password: string, owner: PasswordOwner | null = null): boolean {
  const { cores, isOwnNamesOnly } = coresOf(password, owner);
  return isOwnNamesOnly || [...cores].some((c) => common.has(c));
}

/**
 * Everything except reuse (which needs the stored history). Every path that sets a password calls
 * this — 初期設定, パスワード変更, the CLI, later resets — as the server's judgement on top of the
 * live hints of checkPasswordRules.
 */
export function checkPassword(password: string, policy: TPasswordPolicy, owner: PasswordOwner): TPasswordViolation[] {
  const violations = checkPasswordRules(password, policy, owner.loginId);
  const { cores, isOwnNamesOnly } = coresOf(password, owner);
  if (isOwnNamesOnly) {
    violations.push({
      rule: 'common_password',
      message: '企業コード・会社名・ログインIDに数字や記号を付けただけのパスワードは使用できません',
    });
  } else if ([...cores].some((c) => common.has(c))) {
    violations.push({
      rule: 'common_password',
      message: 'よく使われているパスワード（数字・記号を付けたり文字を置き換えたりしたものを含む）は使用できません',
    });
  }
  return violations;
}
