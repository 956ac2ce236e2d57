// The training auth tables: users by login ID, sessions, login throttles and the one audit insert.
import type { ThrottleRow, ThrottleStore } from '@jinji/auth/login-throttle';
import { ACCOUNT_SOURCE } from '@jinji/auth/login-throttle';
import type { TSystemRole } from '@jinji/contracts/training/access';
import { currentTenantId, queryRows } from '@jinji/db/client';
import { and, eq, sql } from 'drizzle-orm';
import type { TrainingDb, TrainingTx } from '../../db/database';
import { loginThrottles, sessions, users } from '../../db/schema/index';

export type SessionMe = {
  id: string;
  loginId: string;
  displayName: string;
  email: string | null;
  systemRole: TSystemRole;
  organization: { id: string; code: string; name: string };
};

export async function organisationIdByCode(tx: TrainingTx, code: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string | null }>(tx, sql`select training.organisation_id_by_code(${code}) as id`);
  return row?.id ?? null;
}

export async function userByLoginId(tx: TrainingTx, loginId: string) {
  const [row] = await tx
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.organisationId, currentTenantId()), eq(users.loginId, loginId)));
  return row ?? null;
}

export async function sessionContext(db: TrainingDb, orgId: string, idHash: string, at: Record<string, Date>) {
  const { rows } = await db.requestStatement({
    name: 'jinji_training_session_context',
    text: 'select public.jinji_training_session_context($1, $2, $3, $4, $5) as me',
    values: [orgId, idHash, at.now, at.idleBefore, at.touchBefore],
  });
  return (rows[0] as { me: SessionMe | null } | undefined)?.me ?? null;
}

export async function insertSession(tx: TrainingTx, row: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(row);
}

export async function deleteSession(tx: TrainingTx, idHash: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.organisationId, currentTenantId()), eq(sessions.idHash, idHash)));
}

const throttleRow = {
  source: loginThrottles.source,
  failures: loginThrottles.failures,
  windowStartedAt: loginThrottles.windowStartedAt,
  lockedUntil: loginThrottles.lockedUntil,
  lastSuccessAt: loginThrottles.lastSuccessAt,
};

/** The kit's lockout over training.login_throttles, for one organisation. */
export const trainingThrottleStore = (organisationId: string): ThrottleStore<TrainingTx> => ({
  async lock(tx, userId, source) {
    const keys = [ACCOUNT_SOURCE, source];
    for (const s of keys) {
      await tx.insert(loginThrottles).values({ organisationId, userId, source: s }).onConflictDoNothing();
    }
    const found: ThrottleRow[] = await tx
      .select(throttleRow)
      .from(loginThrottles)
      .where(
        and(
          eq(loginThrottles.organisationId, organisationId),
          eq(loginThrottles.userId, userId),
          sql`${loginThrottles.source} in (${ACCOUNT_SOURCE}, ${source})`,
        ),
      )
      .orderBy(loginThrottles.source)
      .for('update');
    const of = (s: string) => found.find((r) => r.source === s)!;
    return { pair: of(source), account: of(ACCOUNT_SOURCE) };
  },
  async save(tx, userId, { source, ...row }) {
    await tx
      .update(loginThrottles)
      .set({ ...row, updatedAt: new Date() })
      .where(
        and(
          eq(loginThrottles.organisationId, organisationId),
          eq(loginThrottles.userId, userId),
          eq(loginThrottles.source, source),
        ),
      );
  },
  async deleteStale(tx, userId) {
    await tx.execute(sql`delete from training.login_throttles
      where organisation_id = ${organisationId} and user_id = ${userId} and source <> ${ACCOUNT_SOURCE} and last_success_at is null
        and updated_at < now() - interval '1 day' and (locked_until is null or locked_until < now())`);
  },
});
