import { RECORD_CATEGORIES_SEED } from '@jinji/contracts/hr/masters';
import { queryRows } from '@jinji/db/client';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { masterItems, passwordHistory, roleMembers, tenants, userAccounts } from '../../db/schema/index';

export type NewTenant = {
  code: string;
  name: string;
  admin: { loginId: string; email: string; displayName: string; passwordHash: string };
};

/**
 * Creates the tenant and its システム管理者 in one transaction. The tenant row is written as owner;
 * everything after it as jinji_app inside the new tenant's context, like any request.
 * `requireEmpty` makes it the first-run setup: refused if any tenant exists (table lock against races).
 */
export async function insertTenantWithAdmin(
  owner: Db,
  input: NewTenant,
  requireEmpty: boolean,
): Promise<{ tenantId: string; userId: string } | 'not_empty' | 'code_taken'> {
  return owner.transaction(async (tx) => {
    if (requireEmpty) {
      await tx.execute(sql`lock table tenants in share row exclusive mode`);
      const rows = await tx.select({ id: tenants.id }).from(tenants).limit(1);
      if (rows.length > 0) return 'not_empty' as const;
    }
    const inserted = await tx
      .insert(tenants)
      .values({ code: input.code, name: input.name })
      .onConflictDoNothing({ target: tenants.code })
      .returning({ id: tenants.id });
    const tenantId = inserted[0]?.id;
    if (!tenantId) return 'code_taken' as const;
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    await tx.execute(sql`set local role jinji_app`);
    const [user] = await tx
      .insert(userAccounts)
      .values({
        tenantId,
        loginId: input.admin.loginId,
        email: input.admin.email,
        displayName: input.admin.displayName,
        passwordHash: input.admin.passwordHash,
        passwordChangedAt: new Date(),
      })
      .returning({ id: userAccounts.id });
    const userId = user!.id;
    await tx.insert(roleMembers).values({ tenantId, role: 'system_admin', userId });
    await tx.insert(passwordHistory).values({ tenantId, userId, passwordHash: input.admin.passwordHash });
    await tx.insert(masterItems).values(
      RECORD_CATEGORIES_SEED.map(([code, name], i) => ({
        tenantId,
        kind: 'record_category',
        code,
        name,
        sortOrder: (i + 1) * 10,
      })),
    );
    return { tenantId, userId };
  });
}

export async function findTenantIdByCode(tx: Tx, code: string): Promise<string | null> {
  const rows = await queryRows<{ id: string | null }>(tx, sql`select jinji_tenant_id_by_code(${code}) as id`);
  return rows[0]?.id ?? null;
}

export async function hasAnyTenant(tx: Tx): Promise<boolean> {
  const rows = await queryRows<{ has: boolean }>(tx, sql`select jinji_has_tenant() as has`);
  return rows[0]?.has === true;
}

export async function getCurrentTenant(tx: Tx): Promise<{ id: string; code: string; name: string } | null> {
  const rows = await tx.select({ id: tenants.id, code: tenants.code, name: tenants.name }).from(tenants).limit(1);
  return rows[0] ?? null;
}
