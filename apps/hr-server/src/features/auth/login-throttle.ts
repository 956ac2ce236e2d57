// The lockout rules of decision 004 ("Lockout"), as pure functions over the rows of login_throttles:
// an attacker elsewhere locks only their own source, and the account-wide hourly limit stops only
// sources the owner has never logged in from.
import { isIPv6 } from 'node:net';
import type { ThrottleRow } from './auth.repository';

export const ACCOUNT_SOURCE = '*';
const WINDOW_MS = 3_600_000;

export type ThrottleRules = {
  /** failures in a row from one source before that source is locked out of the account */
  lockThreshold: number;
  lockMs: number;
  /** failures per hour on the account, from all sources, after which unknown sources are stopped */
  accountHourlyLimit: number;
};

/** The source of an attempt: the IP, IPv6 by its /64 (one subscriber holds a whole /64). */
export function sourceOf(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const expired = (row: ThrottleRow, now: Date): ThrottleRow => {
  if (row.lockedUntil && row.lockedUntil <= now)
    return { ...row, failures: 0, lockedUntil: null, windowStartedAt: now };
  if (now.getTime() - row.windowStartedAt.getTime() >= WINDOW_MS) return { ...row, failures: 0, windowStartedAt: now };
  return row;
};

/**
 * Before the password check: either refuse the attempt (nothing is counted), or count it as a failure
 * in advance — so that attempts checked at the same moment cannot slip past the limits — and let it through.
 */
export function reserveAttempt(
  rows: { pair: ThrottleRow; account: ThrottleRow },
  rules: ThrottleRules,
  now: Date,
): { isAllowed: boolean; pair: ThrottleRow; account: ThrottleRow } {
  const pair = expired(rows.pair, now);
  const account = expired(rows.account, now);
  const isPairLocked = (pair.lockedUntil !== null && pair.lockedUntil > now) || pair.failures >= rules.lockThreshold;
  const isKnownSource = pair.lastSuccessAt !== null;
  if (isPairLocked || (account.failures >= rules.accountHourlyLimit && !isKnownSource)) {
    return { isAllowed: false, pair, account };
  }
  return {
    isAllowed: true,
    pair: { ...pair, failures: pair.failures + 1 },
    account: { ...account, failures: account.failures + 1 },
  };
}

/** The password was right: the source is known from now on and its count starts again. */
export function settleSuccess(rows: { pair: ThrottleRow; account: ThrottleRow }, now: Date) {
  return {
    pair: { ...rows.pair, failures: 0, lockedUntil: null, windowStartedAt: now, lastSuccessAt: now },
    account: { ...rows.account, failures: Math.max(rows.account.failures - 1, 0) },
  };
}

/** The password was wrong (already counted): lock the source when it has reached the threshold. */
export function settleFailure(
  rows: { pair: ThrottleRow; account: ThrottleRow },
  rules: ThrottleRules,
  now: Date,
): { pair: ThrottleRow; isPairLockedNow: boolean } {
  const isPairLockedNow = rows.pair.lockedUntil === null && rows.pair.failures >= rules.lockThreshold;
  return {
    pair: isPairLockedNow ? { ...rows.pair, lockedUntil: new Date(now.getTime() + rules.lockMs) } : rows.pair,
    isPairLockedNow,
  };
}

/**
 * What a システム管理者 sees: locked while any source is locked out or the hourly limit is reached
 * (the account row's lockedUntil is then the end of its hour). Returns when the last of them ends, or null.
 */
export function lockedUntilOf(rows: ThrottleRow[], now: Date): Date | null {
  let until: Date | null = null;
  for (const { lockedUntil } of rows) {
    if (lockedUntil && lockedUntil > now && (!until || lockedUntil > until)) until = lockedUntil;
  }
  return until;
}

/** The account row once the reserved failure that reached the hourly limit proved wrong. */
export function lockAccountRow(account: ThrottleRow): ThrottleRow {
  return { ...account, lockedUntil: new Date(account.windowStartedAt.getTime() + WINDOW_MS) };
}
