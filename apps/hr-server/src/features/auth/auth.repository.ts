import {
  ACCOUNT_SOURCE,
  type ReservedAttempt,
  type ThrottlePair,
  type ThrottleRow,
  type ThrottleStore,
} from '@jinji/auth/login-throttle';
import { currentTenantId } from '@jinji/db/client';
import { passwordLinkStore } from '@jinji/db/password-link-store';
import { and, desc, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client';
import { loginThrottles, passwordHistory, passwordLinks, sessions, userAccounts } from '../../db/schema/index';

export type LoginCandidate = {
  id: string;
  loginId: string;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  isDisabled: boolean;
};

export async function findUserByLoginId(tx: Tx, loginId: string): Promise<LoginCandidate | null> {
  const rows = await tx
    .select({
      id: userAccounts.id,
      loginId: userAccounts.loginId,
      passwordHash: userAccounts.passwordHash,
      passwordChangedAt: userAccounts.passwordChangedAt,
      isDisabled: userAccounts.isDisabled,
    })
    .from(userAccounts)
    .where(eq(userAccounts.loginId, loginId))
    .limit(1);
  return rows[0] ?? null;
}

export async function getUserPassword(
  tx: Tx,
  userId: string,
): Promise<{ loginId: string; passwordHash: string | null } | null> {
  const rows = await tx
    .select({ loginId: userAccounts.loginId, passwordHash: userAccounts.passwordHash })
    .from(userAccounts)
    .where(eq(userAccounts.id, userId));
  return rows[0] ?? null;
}

export type SessionContext = {
  userId: string;
  loginId: string;
  displayName: string;
  email: string | null;
  mustChangePassword: boolean;
  roles: string[];
  tenant: { id: string; code: string; name: string };
};

/**
 * The request path's one round trip (migration 0015): tenant and role set, session + user + roles +
 * tenant read under RLS, an ended session deleted and a stale one touched, by one prepared statement.
 */
export async function findSessionContext(
  db: Database,
  tenantId: string,
  idHash: string,
  at: { now: Date; idleBefore: Date; touchBefore: Date },
): Promise<SessionContext | null> {
  const { rows } = await db.requestStatement({
    name: 'jinji_session_context',
    text: 'select jinji_session_context($1, $2, $3, $4, $5) as ctx',
    values: [tenantId, idHash, at.now, at.idleBefore, at.touchBefore],
  });
  return (rows[0] as { ctx: SessionContext | null } | undefined)?.ctx ?? null;
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.tenantId, currentTenantId()), eq(sessions.idHash, idHash)));
}

export async function deleteOtherSessions(tx: Tx, userId: string, keepIdHash: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)));
}

export async function deleteUserSessions(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function setUserDisabled(tx: Tx, userId: string, isDisabled: boolean): Promise<void> {
  await tx.update(userAccounts).set({ isDisabled, updatedAt: new Date() }).where(eq(userAccounts.id, userId));
}

export async function listRecentPasswordHashes(tx: Tx, userId: string, count: number): Promise<string[]> {
  const rows = await tx
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(count);
  return rows.map((r) => r.hash);
}

const HISTORY_KEPT = 24; // the policy allows reuseCount ≤ 24

export async function updatePassword(tx: Tx, tenantId: string, userId: string, passwordHash: string): Promise<void> {
  const now = new Date();
  await tx
    .update(userAccounts)
    .set({ passwordHash, passwordChangedAt: now, mustChangePassword: false, updatedAt: now })
    .where(eq(userAccounts.id, userId));
  await tx.insert(passwordHistory).values({ tenantId, userId, passwordHash, createdAt: now });
  await tx.execute(sql`
    delete from password_history where user_id = ${userId} and id not in (
      select id from password_history where user_id = ${userId} order by created_at desc limit ${HISTORY_KEPT})`);
}

export async function deleteExpiredSessions(tx: Tx, idleBefore: Date): Promise<void> {
  await tx.delete(sessions).where(gt(sql`${idleBefore}::timestamptz`, sessions.lastSeenAt));
}

export async function insertAccount(
  tx: Tx,
  a: {
    tenantId: string;
    loginId: string;
    displayName: string;
    email: string | null;
    passwordHash: string;
    employeeId?: string | null;
  },
): Promise<string> {
  const [row] = await tx
    .insert(userAccounts)
    .values({ ...a, passwordChangedAt: new Date() })
    .returning({ id: userAccounts.id });
  await tx.insert(passwordHistory).values({ tenantId: a.tenantId, userId: row!.id, passwordHash: a.passwordHash });
  return row!.id;
}

const throttleColumns = {
  source: loginThrottles.source,
  failures: loginThrottles.failures,
  windowStartedAt: loginThrottles.windowStartedAt,
  lockedUntil: loginThrottles.lockedUntil,
  lastSuccessAt: loginThrottles.lastSuccessAt,
};

/**
 * The account's row for this source and its account-wide row, locked until the transaction ends so
 * that concurrent attempts on one account are counted one after the other (in any app process).
 */
export async function lockLoginThrottles(
  tx: Tx,
  tenantId: string,
  userId: string,
  source: string,
  accountSource: string,
): Promise<{ pair: ThrottleRow; account: ThrottleRow }> {
  await tx
    .insert(loginThrottles)
    .values([
      { tenantId, userId, source: accountSource },
      { tenantId, userId, source },
    ])
    .onConflictDoNothing();
  const rows = await tx
    .select(throttleColumns)
    .from(loginThrottles)
    .where(
      and(
        eq(loginThrottles.tenantId, tenantId),
        eq(loginThrottles.userId, userId),
        inArray(loginThrottles.source, [source, accountSource]),
      ),
    )
    .orderBy(loginThrottles.source) // one lock order for every caller
    .for('update');
  const pair = rows.find((r) => r.source === source);
  const account = rows.find((r) => r.source === accountSource);
  if (!pair || !account) throw new Error('login throttle rows missing after insert');
  return { pair, account };
}

export async function saveLoginThrottle(tx: Tx, tenantId: string, userId: string, row: ThrottleRow): Promise<void> {
  await tx
    .update(loginThrottles)
    .set({
      failures: row.failures,
      windowStartedAt: row.windowStartedAt,
      lockedUntil: row.lockedUntil,
      lastSuccessAt: row.lastSuccessAt,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(loginThrottles.tenantId, tenantId),
        eq(loginThrottles.userId, userId),
        eq(loginThrottles.source, row.source),
      ),
    );
}

/** login_throttles as the auth kit's lockout store, for one tenant's accounts. */
export const loginThrottleStore = (tenantId: string): ThrottleStore<Tx> => ({
  lock: (tx, userId, source) => lockLoginThrottles(tx, tenantId, userId, source, ACCOUNT_SOURCE),
  save: (tx, userId, row) => saveLoginThrottle(tx, tenantId, userId, row),
  deleteStale: (tx, userId) => deleteStaleLoginThrottles(tx, tenantId, userId, ACCOUNT_SOURCE),
});

/** Rows of sources that never logged in and are neither locked nor counting: kept a day, then dropped. */
export async function deleteStaleLoginThrottles(
  tx: Tx,
  tenantId: string,
  userId: string,
  accountSource: string,
): Promise<void> {
  await tx.execute(sql`
    delete from login_throttles where tenant_id = ${tenantId}::uuid and user_id = ${userId} and source <> ${accountSource}
      and last_success_at is null and updated_at < now() - interval '1 day'
      and (locked_until is null or locked_until < now())`);
}

export async function listLoginThrottles(tx: Tx, userIds: string[]): Promise<(ThrottleRow & { userId: string })[]> {
  if (userIds.length === 0) return [];
  return tx
    .select({ userId: loginThrottles.userId, ...throttleColumns })
    .from(loginThrottles)
    .where(and(eq(loginThrottles.tenantId, currentTenantId()), inArray(loginThrottles.userId, userIds)));
}

/** ロック解除: every count of the account back to zero; the sources it logged in from stay known. */
export async function resetLoginThrottles(tx: Tx, userId: string): Promise<void> {
  await tx
    .update(loginThrottles)
    .set({ failures: 0, lockedUntil: null, windowStartedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(loginThrottles.tenantId, currentTenantId()), eq(loginThrottles.userId, userId)));
}

export async function findAccountSummary(
  tx: Tx,
  userId: string,
): Promise<{ id: string; loginId: string; isDisabled: boolean } | null> {
  const rows = await tx
    .select({ id: userAccounts.id, loginId: userAccounts.loginId, isDisabled: userAccounts.isDisabled })
    .from(userAccounts)
    .where(and(eq(userAccounts.tenantId, currentTenantId()), eq(userAccounts.id, userId)));
  return rows[0] ?? null;
}

export type LoginAttempt = {
  tenantId: string;
  userId: string;
  passwordHash: string;
  passwordChangedAt: Date | null;
  isDisabled: boolean;
  /** the tenant's password policy's expiry (null: none, or no policy) */
  expiryDays: number | null;
  reserved: ReservedAttempt;
};

type RawThrottle = Omit<ThrottleRow, 'windowStartedAt' | 'lockedUntil' | 'lastSuccessAt'> & {
  windowStartedAt: string;
  lockedUntil: string | null;
  lastSuccessAt: string | null;
  /** the row's xmin: what jinji_login_reserve compares before it writes */
  version: string;
};
const toThrottleRow = (r: RawThrottle): ThrottleRow => ({
  source: r.source,
  failures: r.failures,
  windowStartedAt: new Date(r.windowStartedAt),
  lockedUntil: r.lockedUntil === null ? null : new Date(r.lockedUntil),
  lastSuccessAt: r.lastSuccessAt === null ? null : new Date(r.lastSuccessAt),
});
const dateOrNull = (d: string | null) => (d === null ? null : new Date(d));

type RawAttempt = {
  tenantId: string;
  userId: string;
  passwordHash: string;
  passwordChangedAt: string | null;
  isDisabled: boolean;
  expiryDays: number | null;
  throttles: RawThrottle[];
};
type Query = (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }>;

/** The login route's own rate-limit hit, counted by the attempt read (migration 0026). */
export type LoginRateLimit = {
  keyHash: Buffer;
  windowMs: number;
  max: number;
  /** the hits so far in the window and the ms it has left; throws past the limit (nothing else is read) */
  settle(hit: { hits: number; ttlMs: number }): void;
};

const readAttempt = async (
  query: Query,
  input: { tenantCode: string; loginId: string; source: string },
  lock: boolean,
  rateLimit: LoginRateLimit | null,
): Promise<RawAttempt | null> => {
  const { rows } = await query({
    name: 'jinji_login_attempt',
    text: 'select jinji_login_attempt($1, $2, $3, $4, $5, $6, $7, $8) as a',
    values: [
      input.tenantCode,
      input.loginId,
      input.source,
      ACCOUNT_SOURCE,
      lock,
      rateLimit?.keyHash ?? null,
      rateLimit?.windowMs ?? null,
      rateLimit?.max ?? null,
    ],
  });
  const read = (rows[0] as { a: { hits: number | null; ttlMs: number | null; attempt: RawAttempt | null } }).a;
  if (rateLimit) {
    // a hit asked for is always counted: no count must never read as "under the limit"
    if (read.hits === null || read.ttlMs === null) throw new Error('login rate-limit hit not counted');
    rateLimit.settle({ hits: read.hits, ttlMs: read.ttlMs });
  }
  return read.attempt;
};

const throttlePair = (a: RawAttempt, source: string) => {
  const pair = a.throttles.find((r) => r.source === source);
  const account = a.throttles.find((r) => r.source === ACCOUNT_SOURCE);
  if (!pair || !account) throw new Error('login throttle rows missing after insert');
  return { pair, account };
};

const SAVE_THROTTLES = `update login_throttles t set failures = v.failures, window_started_at = v.window_started_at,
    locked_until = v.locked_until, last_success_at = v.last_success_at, updated_at = now()
  from (values ($2::text, $3::int, $4::timestamptz, $5::timestamptz, $6::timestamptz),
               ($7::text, $8::int, $9::timestamptz, $10::timestamptz, $11::timestamptz))
    as v(source, failures, window_started_at, locked_until, last_success_at)
  where t.tenant_id = $12::uuid and t.user_id = $1::uuid and t.source = v.source`;
const throttleValues = (r: ThrottleRow) => [r.source, r.failures, r.windowStartedAt, r.lockedUntil, r.lastSuccessAt];

/** Compare-and-set attempts before the locking transaction takes over (a burst on one account and source). */
const OPTIMISTIC_TRIES = 3;

/**
 * A login attempt's reservation (migrations 0025 and 0026): the route's rate-limit hit (past the limit,
 * `settle` throws and nothing else is read), the tenant by code, the account, the policy's expiry and the
 * throttle rows with their versions, read in one prepared statement that writes no throttle row (they
 * exist after the first attempt from a source); the kit's decision on them (`reserve`); then both rows
 * saved in one statement only if neither changed since (jinji_login_reserve). Two round trips, one commit.
 * When another attempt on the same rows got there first, read and decide again; after a few such
 * conflicts, one transaction that locks the rows across the decision (as before 0025). Either way the
 * attempt is counted on the rows as the previous attempt left them. Null for an unknown tenant or account
 * (nothing written).
 */
export async function reserveLoginAttempt(
  db: Database,
  input: { tenantCode: string; loginId: string; source: string; rateLimit: LoginRateLimit },
  reserve: (rows: ThrottlePair) => ReservedAttempt,
): Promise<LoginAttempt | null> {
  const result = (a: RawAttempt, reserved: ReservedAttempt): LoginAttempt => ({
    tenantId: a.tenantId,
    userId: a.userId,
    passwordHash: a.passwordHash,
    passwordChangedAt: dateOrNull(a.passwordChangedAt),
    isDisabled: a.isDisabled,
    expiryDays: a.expiryDays,
    reserved,
  });
  const statement: Query = (q) => db.requestStatement(q);
  for (let i = 0; i < OPTIMISTIC_TRIES; i++) {
    // the request's rate-limit hit rides on its first read; a retry is the same request
    const a = await readAttempt(statement, input, false, i === 0 ? input.rateLimit : null);
    if (!a) return null;
    const read = throttlePair(a, input.source);
    const reserved = reserve({ pair: toThrottleRow(read.pair), account: toThrottleRow(read.account) });
    const { rows } = await statement({
      name: 'jinji_login_reserve',
      text: 'select jinji_login_reserve($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) as ok',
      values: [
        a.tenantId,
        a.userId,
        ...throttleValues(reserved.pair),
        read.pair.version,
        ...throttleValues(reserved.account),
        read.account.version,
      ],
    });
    if ((rows[0] as { ok: boolean } | undefined)?.ok) return result(a, reserved);
  }
  return db.requestTransaction(async (query) => {
    const a = await readAttempt(query, input, true, null);
    if (!a) return null;
    const read = throttlePair(a, input.source);
    const reserved = reserve({ pair: toThrottleRow(read.pair), account: toThrottleRow(read.account) });
    await query({
      name: 'jinji_login_throttles_save',
      text: SAVE_THROTTLES,
      values: [a.userId, ...throttleValues(reserved.pair), ...throttleValues(reserved.account), a.tenantId],
    });
    return result(a, reserved);
  });
}

/**
 * After a right password, one prepared round trip (jinji_login_success, migrations 0016 and 0025): the
 * throttle settled as the kit's settleSuccess does, the last login, the new session; what /auth/me shows,
 * from the rows just written. Its commit does not wait for the WAL flush (0025: a crash loses the session,
 * and keeps the reserved failure counted).
 */
export async function startLoginSession(
  db: Database,
  s: {
    tenantId: string;
    userId: string;
    source: string;
    idHash: string;
    now: Date;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
    isPasswordExpired: boolean;
  },
): Promise<SessionContext | null> {
  const { rows } = await db.requestStatement({
    name: 'jinji_login_success',
    text: 'select jinji_login_success($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) as me',
    values: [
      s.tenantId,
      s.userId,
      s.source,
      ACCOUNT_SOURCE,
      s.idHash,
      s.now,
      s.expiresAt,
      s.ip,
      s.userAgent,
      s.isPasswordExpired,
    ],
  });
  return (rows[0] as { me: SessionContext | null } | undefined)?.me ?? null;
}

/** The employee an account belongs to (user_accounts.employee_id); null for an account without one. */
export async function findEmployeeIdOfUser(tx: Tx, userId: string): Promise<string | null> {
  const rows = await tx
    .select({ employeeId: userAccounts.employeeId })
    .from(userAccounts)
    .where(and(eq(userAccounts.tenantId, currentTenantId()), eq(userAccounts.id, userId)))
    .limit(1);
  return rows[0]?.employeeId ?? null;
}

// ---- one-time password links (decision 012) -----------------------------------------------------

/** The kit's password-link queries over password_links and user_accounts. */
export const hrPasswordLinkStore = passwordLinkStore(
  passwordLinks,
  { table: userAccounts, id: userAccounts.id, loginId: userAccounts.loginId, isDisabled: userAccounts.isDisabled },
  'tenantId',
);

/** パスワードを忘れた方: the accounts a ログインID or メールアドレス names (an address may be on several). */
export async function findAccountsForReset(tx: Tx, loginIdOrEmail: string) {
  return tx
    .select({
      id: userAccounts.id,
      loginId: userAccounts.loginId,
      email: userAccounts.email,
      displayName: userAccounts.displayName,
      isDisabled: userAccounts.isDisabled,
    })
    .from(userAccounts)
    .where(or(eq(userAccounts.loginId, loginIdOrEmail), sql`lower(${userAccounts.email}) = lower(${loginIdOrEmail})`))
    .orderBy(userAccounts.loginId)
    .limit(5);
}
