// Every query of the SCIM slice: its tokens, and the users it provisions (training.users, written here
// directly: the users slice owns the screens, SCIM the provisioning; both under the same constraints).

import { currentTenantId } from '@jinji/db/client';
import { and, count, desc, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { TrainingTx } from '../../db/database';
import { scimTokens, sessions, users } from '../../db/schema/index';
import type { ScimUserRow } from './scim-user';

// every statement names the organisation (Citus routes by it; RLS keeps organisations apart either way)
const ofTokens = () => eq(scimTokens.organisationId, currentTenantId());
const ofUsers = () => eq(users.organisationId, currentTenantId());
const ofSessions = () => eq(sessions.organisationId, currentTenantId());

// ---- tokens -------------------------------------------------------------------------------------

const tokenColumns = {
  id: scimTokens.id,
  label: scimTokens.label,
  createdAt: scimTokens.createdAt,
  lastUsedAt: scimTokens.lastUsedAt,
  revokedAt: scimTokens.revokedAt,
};
export type ScimTokenRow = {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The token of a hash (the unique index on organisation_id, token_hash), or null. */
export async function tokenByHash(tx: TrainingTx, tokenHash: string): Promise<ScimTokenRow | null> {
  const [row] = await tx
    .select(tokenColumns)
    .from(scimTokens)
    .where(and(ofTokens(), eq(scimTokens.tokenHash, tokenHash)));
  return row ?? null;
}

/** last_used_at, at most once a minute: the common request only reads. */
export async function touchToken(tx: TrainingTx, id: string, now: Date): Promise<void> {
  await tx
    .update(scimTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        ofTokens(),
        eq(scimTokens.id, id),
        or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}

export async function listTokens(tx: TrainingTx, page: number, pageSize: number) {
  const items = await tx
    .select(tokenColumns)
    .from(scimTokens)
    .where(eq(scimTokens.organisationId, currentTenantId()))
    .orderBy(sql`${scimTokens.revokedAt} is not null`, desc(scimTokens.createdAt), scimTokens.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx
    .select({ n: count() })
    .from(scimTokens)
    .where(eq(scimTokens.organisationId, currentTenantId()));
  return { items, total: total?.n ?? 0 };
}

export async function tokenById(tx: TrainingTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx
    .select(tokenColumns)
    .from(scimTokens)
    .where(and(eq(scimTokens.organisationId, currentTenantId()), eq(scimTokens.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertToken(tx: TrainingTx, row: typeof scimTokens.$inferInsert): Promise<ScimTokenRow> {
  const [created] = await tx.insert(scimTokens).values(row).returning(tokenColumns);
  return created!;
}

export async function revokeToken(tx: TrainingTx, id: string, at: Date): Promise<ScimTokenRow> {
  const [row] = await tx
    .update(scimTokens)
    .set({ revokedAt: at })
    .where(and(eq(scimTokens.organisationId, currentTenantId()), eq(scimTokens.id, id)))
    .returning(tokenColumns);
  return row!;
}

// ---- users --------------------------------------------------------------------------------------

const userColumns = {
  id: users.id,
  loginId: users.loginId,
  displayName: users.displayName,
  email: users.email,
  nameKana: users.nameKana,
  departmentName: users.departmentName,
  externalId: users.externalId,
  disabledAt: users.disabledAt,
  linkedAt: users.linkedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export type UserFilter = { attribute: 'userName' | 'externalId'; value: string } | null;

const whereOf = (filter: UserFilter) =>
  and(
    ofUsers(),
    filter === null
      ? undefined
      : filter.attribute === 'userName'
        ? eq(users.loginId, filter.value)
        : eq(users.externalId, filter.value),
  );

/** One page in creation order (stable for startIndex paging), and the count of all that match. */
export async function findUsers(tx: TrainingTx, filter: UserFilter, offset: number, limit: number) {
  const where = whereOf(filter);
  const rows: ScimUserRow[] =
    limit === 0
      ? []
      : await tx
          .select(userColumns)
          .from(users)
          .where(where)
          .orderBy(users.createdAt, users.id)
          .limit(limit)
          .offset(offset);
  const [total] = await tx.select({ n: count() }).from(users).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function userById(tx: TrainingTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx
    .select(userColumns)
    .from(users)
    .where(and(ofUsers(), eq(users.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return (row as ScimUserRow | undefined) ?? null;
}

/** Users holding any of these ログインID or externalIds (other than `exceptId`): who a write would clash with. */
export async function usersHolding(
  tx: TrainingTx,
  loginIds: string[],
  externalIds: string[],
  exceptId?: string,
): Promise<{ id: string; loginId: string; externalId: string | null }[]> {
  const holds = [
    loginIds.length ? inArray(users.loginId, loginIds) : undefined,
    externalIds.length ? inArray(users.externalId, externalIds) : undefined,
  ].filter((c) => c !== undefined);
  if (holds.length === 0) return [];
  return tx
    .select({ id: users.id, loginId: users.loginId, externalId: users.externalId })
    .from(users)
    .where(and(ofUsers(), or(...holds), exceptId ? ne(users.id, exceptId) : undefined));
}

export async function insertUsers(tx: TrainingTx, rows: (typeof users.$inferInsert)[]): Promise<ScimUserRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(users).values(rows).returning(userColumns);
}

/** Bulk's creates: the rows are known in full (ids made here), so nothing comes back. */
export async function insertUsersQuietly(tx: TrainingTx, rows: (typeof users.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(users).values(rows);
}

export async function updateUser(
  tx: TrainingTx,
  id: string,
  set: Partial<typeof users.$inferInsert>,
): Promise<ScimUserRow> {
  const [row] = await tx
    .update(users)
    .set(set)
    .where(and(ofUsers(), eq(users.id, id)))
    .returning(userColumns);
  return row!;
}

/** A disabled user's sessions end at once (the session lookup would refuse them anyway). */
export async function deleteSessionsOf(tx: TrainingTx, userId: string): Promise<void> {
  await tx.delete(sessions).where(and(ofSessions(), eq(sessions.userId, userId)));
}

export async function deleteUser(tx: TrainingTx, id: string): Promise<void> {
  await tx.execute(
    sql`delete from training.login_throttles where organisation_id = ${currentTenantId()} and user_id = ${id}`,
  );
  await tx.delete(sessions).where(and(ofSessions(), eq(sessions.userId, id)));
  await tx.delete(users).where(and(ofUsers(), eq(users.id, id)));
}
