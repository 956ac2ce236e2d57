// アクセス権限管理 (R-ROLE-1): the matrix is fixed (contracts/access.ts); membership is per tenant.
import { isAllowed, PERMISSION_KEYS, PERMISSIONS, type TMatrixResponse } from '@jinji/contracts/hr/access';
import { ADMIN_ROLES, ROLE_LABELS_JA, type TAdminRole } from '@jinji/contracts/hr/roles';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type AuditEntry, recordAudits } from '../audit/audit.service';
import { findLockStates } from '../auth/auth.service';
import {
  countMembersByRole,
  countRoleMembers,
  deleteRoleMembers,
  findExistingUserIds,
  findRoleMembersPage,
  findRolesOfUsers,
  insertRoleMembers,
  lockRoles,
  searchAccounts,
} from './access-control.repository';

export async function getMatrix(db: Database, ctx: Actor): Promise<TMatrixResponse> {
  const counts = await db.asTenant(ctx.tenantId, countMembersByRole);
  return {
    roles: ADMIN_ROLES.map((role) => ({ role, label: ROLE_LABELS_JA[role], memberCount: counts[role] ?? 0 })),
    rows: PERMISSION_KEYS.map((permission) => {
      const { group, subgroup, feature } = PERMISSIONS[permission];
      const allowed = Object.fromEntries(ADMIN_ROLES.map((r) => [r, isAllowed([r], permission)])) as Record<
        TAdminRole,
        boolean
      >;
      return { permission, group, subgroup, feature, allowed };
    }),
  };
}

export async function listRoleMembers(db: Database, ctx: Actor, role: TAdminRole, page: number, pageSize: number) {
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findRoleMembersPage(tx, role, page, pageSize));
  return {
    role,
    label: ROLE_LABELS_JA[role],
    items: items.map((i) => ({ ...i, addedAt: i.addedAt.toISOString() })),
    total,
    page,
    pageSize,
  };
}

/** 【更新】: additions and removals in one transaction; a tenant always keeps a システム管理者. */
export async function updateRoleMembers(
  db: Database,
  ctx: Actor,
  role: TAdminRole,
  change: { add: string[]; remove: string[] },
) {
  await db.asTenant(ctx.tenantId, async (tx) => {
    await lockRoles(tx, ctx.tenantId);
    const wanted = [...new Set(change.add)];
    const existing = await findExistingUserIds(tx, wanted);
    if (existing.length !== wanted.length) {
      throw new AppError('NOT_FOUND', '追加する対象者が見つかりません', [
        { path: 'add', message: '追加する対象者が見つかりません' },
      ]);
    }
    const touched = [...new Set([...existing, ...change.remove])];
    const before = await findRolesOfUsers(tx, touched);
    await insertRoleMembers(tx, ctx.tenantId, role, existing);
    await deleteRoleMembers(tx, role, change.remove);
    if (role === 'system_admin' && (await countRoleMembers(tx, role)) === 0) {
      throw new AppError('LAST_SYSTEM_ADMIN');
    }
    // one row per account whose roles changed: its roles before → after
    const after = await findRolesOfUsers(tx, touched);
    const entries: AuditEntry[] = touched.flatMap((userId) => {
      const b = before.get(userId) ?? [];
      const a = after.get(userId) ?? [];
      return b.join() === a.join()
        ? []
        : [
            {
              action: 'update',
              targetType: 'user_account',
              targetId: userId,
              before: { roles: b },
              after: { roles: a },
            },
          ];
    });
    await recordAudits(tx, ctx, entries);
  });
  return listRoleMembers(db, ctx, role, 1, 50);
}

export async function findAccounts(db: Database, ctx: Actor, query: { q: string; page: number; pageSize: number }) {
  const { items, roles, total } = await db.asTenant(ctx.tenantId, (tx) =>
    searchAccounts(tx, query.q, query.page, query.pageSize),
  );
  const lockedUntil = await findLockStates(
    db,
    ctx,
    items.map((i) => i.userId),
  );
  const rolesOf = (userId: string) =>
    roles
      .filter((r) => r.userId === userId && (ADMIN_ROLES as readonly string[]).includes(r.role))
      .map((r) => r.role as TAdminRole);
  return {
    items: items.map((i) => ({
      ...i,
      roles: rolesOf(i.userId),
      lockedUntil: lockedUntil.get(i.userId)?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
