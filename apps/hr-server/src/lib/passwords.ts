// Password hashing (argon2id, OWASP parameters) and the rules applied on top of any tenant policy.

import { checkPasswordRules, type TPasswordPolicy, type TPasswordViolation } from '@jinji/contracts/password-policy';
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

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

/** Everything except reuse (which needs the stored history). */
export function checkPassword(password: string, policy: TPasswordPolicy, loginId: string): TPasswordViolation[] {
  const violations = checkPasswordRules(password, policy, loginId);
  if (isCommonPassword(password)) {
    violations.push({ rule: 'common_password', message: 'よく使われているパスワードのため使用できません' });
  }
  return violations;
}
