import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client';
import { passwordHistory, roleMembers, sessions, userAccounts } from '../../db/schema/index';

export type LoginCandidate = {
  id: string;
  loginId: string;
  passwordHash: string | null;
  passwordChangedAt: Date | null;
  isDisabled: boolean;
  lockedUntil: Date | null;
};

export async function findUserByLoginId(tx: Tx, loginId: string): Promise<LoginCandidate | null> {
  const rows = await tx
    .select({
      id: userAccounts.id,
      loginId: userAccounts.loginId,
      passwordHash: userAccounts.passwordHash,
      passwordChangedAt: userAccounts.passwordChangedAt,
      isDisabled: userAccounts.isDisabled,
      lockedUntil: userAccounts.lockedUntil,
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

/** One atomic step: count the failure and lock when the threshold is reached. Returns the lock end, if locked. */
export async function recordLoginFailure(
  tx: Tx,
  userId: string,
  threshold: number,
  lockMs: number,
): Promise<Date | null> {
  const rows = await queryRows<{ locked_until: string | Date | null }>(
    tx,
    sql`
    update user_accounts set
      locked_until = case when failed_login_count + 1 >= ${threshold}
        then now() + make_interval(secs => ${lockMs / 1000}) else locked_until end,
      failed_login_count = case when failed_login_count + 1 >= ${threshold} then 0 else failed_login_count + 1 end
    where id = ${userId}
    returning locked_until`,
  );
  const until = rows[0]?.locked_until;
  if (!until) return null;
  const date = new Date(until);
  return date.getTime() > Date.now() ? date : null;
}

export async function recordLoginSuccess(tx: Tx, userId: string, mustChangePassword: boolean): Promise<void> {
  await tx
    .update(userAccounts)
    .set({
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: new Date(),
      ...(mustChangePassword ? { mustChangePassword: true } : {}),
    })
    .where(eq(userAccounts.id, userId));
}

export async function insertSession(
  tx: Tx,
  s: { tenantId: string; idHash: string; userId: string; expiresAt: Date; ip: string; userAgent: string | null },
): Promise<void> {
  await tx.insert(sessions).values(s);
}

export type SessionRow = {
  userId: string;
  loginId: string;
  displayName: string;
  email: string | null;
  isDisabled: boolean;
  mustChangePassword: boolean;
  lastSeenAt: Date;
  expiresAt: Date;
};

export async function findSession(tx: Tx, idHash: string): Promise<SessionRow | null> {
  const rows = await tx
    .select({
      userId: sessions.userId,
      loginId: userAccounts.loginId,
      displayName: userAccounts.displayName,
      email: userAccounts.email,
      isDisabled: userAccounts.isDisabled,
      mustChangePassword: userAccounts.mustChangePassword,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(userAccounts, and(eq(userAccounts.tenantId, sessions.tenantId), eq(userAccounts.id, sessions.userId)))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(tx: Tx, idHash: string): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.idHash, idHash));
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

export async function listRoles(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.select({ role: roleMembers.role }).from(roleMembers).where(eq(roleMembers.userId, userId));
  return rows.map((r) => r.role);
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
  a: { tenantId: string; loginId: string; displayName: string; email: string | null; passwordHash: string },
): Promise<string> {
  const [row] = await tx
    .insert(userAccounts)
    .values({ ...a, passwordChangedAt: new Date() })
    .returning({ id: userAccounts.id });
  await tx.insert(passwordHistory).values({ tenantId: a.tenantId, userId: row!.id, passwordHash: a.passwordHash });
  return row!.id;
}
