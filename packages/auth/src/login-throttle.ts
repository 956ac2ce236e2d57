// The lockout rules of decision 004 ("Lockout"): pure functions over an account's throttle rows, and
// one password check that counts before and settles after. An attacker elsewhere locks only their own
// source; the account-wide hourly limit stops only sources the owner has never logged in from. The rows
// live in the app's own table (any schema): the app supplies a store over its transaction type.
import { isIPv6 } from 'node:net';

export const ACCOUNT_SOURCE = '*';

/** One row per (account, source); source ACCOUNT_SOURCE is the account-wide row. */
export type ThrottleRow = {
  source: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  lastSuccessAt: Date | null;
};
export type ThrottlePair = { pair: ThrottleRow; account: ThrottleRow };
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
  rows: ThrottlePair,
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
export function settleSuccess(rows: ThrottlePair, now: Date): ThrottlePair {
  return {
    pair: { ...rows.pair, failures: 0, lockedUntil: null, windowStartedAt: now, lastSuccessAt: now },
    account: { ...rows.account, failures: Math.max(rows.account.failures - 1, 0) },
  };
}

/** The password was wrong (already counted): lock the source when it has reached the threshold. */
export function settleFailure(
  rows: ThrottlePair,
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

/** The app's repository for its throttle table; `Tx` is its transaction (drizzle, raw client, …). */
export type ThrottleStore<Tx> = {
  /**
   * The account's row for the source and its account-wide row (inserted when missing), locked until
   * the transaction ends (`SELECT … FOR UPDATE`, one lock order), so that concurrent attempts on one
   * account — in any process — are counted one after the other.
   */
  lock(tx: Tx, userId: string, source: string): Promise<ThrottlePair>;
  save(tx: Tx, userId: string, row: ThrottleRow): Promise<void>;
  /**
   * Rows of sources that never logged in and are neither locked nor counting, after a quiet day.
   * Called after a wrong or refused attempt only (a successful login leaves no stale row).
   */
  deleteStale(tx: Tx, userId: string): Promise<void>;
};

export type LockEvent = { scope: 'source' | 'account'; lockedUntil: Date | null };

export type ThrottledCheck<Tx> = {
  store: ThrottleStore<Tx>;
  /** One transaction of the account's tenant. */
  transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  rules: ThrottleRules;
  userId: string;
  /** the client IP; grouped by sourceOf */
  ip: string;
  /** verifies the real hash (argon2, outside any transaction) */
  verify: () => Promise<boolean>;
  /** spends the same work on a dummy hash when the real one must not be checked */
  burnVerify: () => Promise<void>;
  /** a lock was set by this failure: the app writes its audit row in the same transaction */
  onLocked: (tx: Tx, lock: LockEvent) => Promise<void>;
};

/** What reserveAttempt decided, saved: the rows as counted, and whether the password may be checked. */
export type ReservedAttempt = ReturnType<typeof reserveAttempt>;

/**
 * The password check of a login, under the lockout: 'valid', or 'refused' for a wrong password and
 * for an attempt the lockout stopped alike (each spends exactly one verify). On 'valid' the caller
 * settles with settleLoginSuccess in the transaction that starts the session.
 */
export async function checkThrottledPassword<Tx>(c: ThrottledCheck<Tx>): Promise<'valid' | 'refused'> {
  const source = sourceOf(c.ip);
  const reserved = await c.transaction(async (tx) => {
    const attempt = reserveAttempt(await c.store.lock(tx, c.userId, source), c.rules, new Date());
    await c.store.save(tx, c.userId, attempt.pair);
    await c.store.save(tx, c.userId, attempt.account);
    return attempt;
  });
  return checkReservedPassword(c, reserved);
}

/**
 * The rest of checkThrottledPassword, for an app that reserved the attempt in its own round trip (its
 * rows locked, reserveAttempt applied and saved in one transaction, e.g. with the account lookup). The
 * success path writes nothing here; a wrong or refused attempt settles in one transaction of its own,
 * which also drops the account's stale rows (sources appear only through attempts, so they are swept
 * where failures are counted, not on every login).
 */
export async function checkReservedPassword<Tx>(
  c: ThrottledCheck<Tx>,
  reserved: ReservedAttempt,
): Promise<'valid' | 'refused'> {
  if (!reserved.isAllowed) {
    await c.burnVerify();
    await c.transaction((tx) => c.store.deleteStale(tx, c.userId));
    return 'refused';
  }
  if (await c.verify()) return 'valid';
  await c.transaction(async (tx) => {
    const rows = await c.store.lock(tx, c.userId, sourceOf(c.ip));
    const settled = settleFailure(rows, c.rules, new Date());
    if (settled.isPairLockedNow) {
      await c.store.save(tx, c.userId, settled.pair);
      await c.onLocked(tx, { scope: 'source', lockedUntil: settled.pair.lockedUntil });
    }
    if (reserved.account.failures === c.rules.accountHourlyLimit) {
      const account = lockAccountRow(rows.account);
      await c.store.save(tx, c.userId, account);
      await c.onLocked(tx, { scope: 'account', lockedUntil: account.lockedUntil });
    }
    await c.store.deleteStale(tx, c.userId);
  });
  return 'refused';
}

/** The password was right: called in the transaction that starts the session. */
export async function settleLoginSuccess<Tx>(store: ThrottleStore<Tx>, tx: Tx, userId: string, ip: string) {
  const settled = settleSuccess(await store.lock(tx, userId, sourceOf(ip)), new Date());
  await store.save(tx, userId, settled.pair);
  await store.save(tx, userId, settled.account);
}
