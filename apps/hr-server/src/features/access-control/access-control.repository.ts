import { currentTenantId } from '@jinji/db/client';
import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { roleMembers, userAccounts } from '../../db/schema/index';

/** the surrounding asTenant() transaction's tenant, named in every tenant query (Citus co-location, docs/scale-out.md) */
const ofTenant = () => eq(roleMembers.tenantId, currentTenantId());
const accountsOfTenant = () => eq(userAccounts.tenantId, currentTenantId());

export async function countMembersByRole(tx: Tx): Promise<Record<string, number>> {
  const rows = await tx
    .select({ role: roleMembers.role, n: count() })
    .from(roleMembers)
    .where(ofTenant())
    .groupBy(roleMembers.role);
  return Object.fromEntries(rows.map((r) => [r.role, r.n]));
}

export async function findRoleMembersPage(tx: Tx, role: string, page: number, pageSize: number) {
  const where = and(ofTenant(), eq(roleMembers.role, role));
  const items = await tx
    .select({
      userId: roleMembers.userId,
      loginId: userAccounts.loginId,
      displayName: userAccounts.displayName,
      email: userAccounts.email,
      addedAt: roleMembers.createdAt,
    })
    .from(roleMembers)
    .innerJoin(
      userAccounts,
      and(eq(userAccounts.tenantId, roleMembers.tenantId), eq(userAccounts.id, roleMembers.userId)),
    )
    .where(where)
    .orderBy(desc(roleMembers.createdAt), asc(userAccounts.loginId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(roleMembers).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findExistingUserIds(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: userAccounts.id })
    .from(userAccounts)
    .where(and(accountsOfTenant(), inArray(userAccounts.id, ids)));
  return rows.map((r) => r.id);
}

export async function insertRoleMembers(tx: Tx, tenantId: string, role: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx
    .insert(roleMembers)
    .values(userIds.map((userId) => ({ tenantId, role, userId })))
    .onConflictDoNothing();
}

export async function deleteRoleMembers(tx: Tx, role: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.delete(roleMembers).where(and(ofTenant(), eq(roleMembers.role, role), inArray(roleMembers.userId, userIds)));
}

export async function countRoleMembers(tx: Tx, role: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(roleMembers)
    .where(and(ofTenant(), eq(roleMembers.role, role)));
  return row?.n ?? 0;
}

/** Membership changes of a tenant are serialised (so two admins cannot remove each other at once). */
export async function lockRoles(tx: Tx, tenantId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tenantId}:roles`}))`);
}

export async function searchAccounts(tx: Tx, q: string, page: number, pageSize: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(
    accountsOfTenant(),
    q
      ? or(
          ilike(userAccounts.loginId, pattern),
          ilike(userAccounts.displayName, pattern),
          ilike(userAccounts.email, pattern),
        )
      : undefined,
  );
  const items = await tx
    .select({
      userId: userAccounts.id,
      loginId: userAccounts.loginId,
      displayName: userAccounts.displayName,
      email: userAccounts.email,
    })
    .from(userAccounts)
    .where(where)
    .orderBy(asc(userAccounts.loginId))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(userAccounts).where(where);
  const roles =
    items.length === 0
      ? []
      : await tx
          .select({ userId: roleMembers.userId, role: roleMembers.role })
          .from(roleMembers)
          .where(
            and(
              ofTenant(),
              inArray(
                roleMembers.userId,
                items.map((i) => i.userId),
              ),
            ),
          );
  return { items, roles, total: total?.n ?? 0 };
}

/** The roles each of these accounts holds now (for the audit's before/after). */
export async function findRolesOfUsers(tx: Tx, userIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map(userIds.map((id) => [id, [] as string[]]));
  if (userIds.length === 0) return out;
  const rows = await tx
    .select({ userId: roleMembers.userId, role: roleMembers.role })
    .from(roleMembers)
    .where(and(ofTenant(), inArray(roleMembers.userId, userIds)))
    .orderBy(asc(roleMembers.role));
  for (const r of rows) out.get(r.userId)?.push(r.role);
  return out;
}
