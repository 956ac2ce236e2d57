import { MASTER_KIND_INFO, type TMasterKind } from '@jinji/contracts/hr/masters';
import { currentTenantId, queryRows } from '@jinji/db/client';
import { containsPattern } from '@jinji/db/like';
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { masterItems } from '../../db/schema/index';

export type MasterRow = typeof masterItems.$inferSelect;
export type MasterValues = Pick<MasterRow, 'code' | 'name' | 'sortOrder' | 'isValid' | 'companyId' | 'parentId'>;

// Every column that points at a master row. A row referenced from any of them is "in use"
// (R-MST-2). Features that reference masters add their columns here.
const REFERENCES: { table: string; column: string }[] = [
  { table: 'master_items', column: 'company_id' },
  { table: 'master_items', column: 'parent_id' },
  ...['company_id', 'department_id', 'position_id', 'grade_id', 'job_type_id', 'location_id'].map((column) => ({
    table: 'employee_assignments',
    column,
  })),
  ...['employment_type_id', 'work_style_id', 'hiring_category_id'].map((column) => ({
    table: 'employee_contracts',
    column,
  })),
  { table: 'employee_licenses', column: 'license_id' },
  { table: 'employee_disabilities', column: 'disability_type_id' },
  { table: 'records', column: 'category_id' },
  { table: 'records', column: 'subcategory_id' },
];

/** the surrounding asTenant() transaction's tenant, named in every tenant query (Citus co-location, docs/scale-out.md) */
const ofTenant = () => eq(masterItems.tenantId, currentTenantId());

const inUseSql = (idColumn: SQL, tenantColumn: SQL) =>
  sql.join(
    REFERENCES.map(
      (r) =>
        sql`exists (select 1 from ${sql.identifier(r.table)} ref where ref.tenant_id = ${tenantColumn} and ref.${sql.identifier(r.column)} = ${idColumn})`,
    ),
    sql` or `,
  );

/**
 * A tree kind (部署) lists in tree order: each row after its parent, siblings by 並び順 then コード. The key
 * is the row's path of `sort_order:code` from its root, walked up per row (a few index lookups each;
 * the depth cap ends a cycle in bad data). Other kinds list by 並び順, コード.
 */
const treePath = () => sql<string[]>`(
  with recursive up(parent_id, part, n) as (
    select ${masterItems.parentId}, lpad(${masterItems.sortOrder}::text, 10, '0') || ':' || ${masterItems.code}, 0
    union all
    select p.parent_id, lpad(p.sort_order::text, 10, '0') || ':' || p.code, up.n + 1
    from up join master_items p on p.tenant_id = ${currentTenantId()}::uuid and p.id = up.parent_id where up.n < 30
  ) select array_agg(part order by n desc) from up)`;

export async function findMasterPage(
  tx: Tx,
  kind: TMasterKind,
  f: { companyId?: string; includeInvalid: boolean; q?: string; page: number; pageSize: number },
) {
  const isTree = MASTER_KIND_INFO[kind].parentKind === kind;
  const where = and(
    ofTenant(),
    eq(masterItems.kind, kind),
    f.companyId ? eq(masterItems.companyId, f.companyId) : undefined,
    f.includeInvalid ? undefined : eq(masterItems.isValid, true),
    f.q ? or(ilike(masterItems.code, containsPattern(f.q)), ilike(masterItems.name, containsPattern(f.q))) : undefined,
  );
  const items = await tx
    .select({
      id: masterItems.id,
      kind: masterItems.kind,
      code: masterItems.code,
      name: masterItems.name,
      sortOrder: masterItems.sortOrder,
      isValid: masterItems.isValid,
      companyId: masterItems.companyId,
      parentId: masterItems.parentId,
      updatedAt: masterItems.updatedAt,
      isInUse: sql<boolean>`(${inUseSql(sql`${masterItems.id}`, sql`${masterItems.tenantId}`)})`,
      path: isTree ? treePath().as('path') : sql<null>`null`.as('path'),
    })
    .from(masterItems)
    .where(where)
    .orderBy(...(isTree ? [sql`path`] : []), asc(masterItems.sortOrder), asc(masterItems.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await tx.select({ n: count() }).from(masterItems).where(where);
  return {
    items: items.map(({ path, ...row }) => ({ ...row, depth: path ? path.length - 1 : 0 })),
    total: total?.n ?? 0,
  };
}

export async function countMastersByKind(tx: Tx): Promise<Record<string, number>> {
  const rows = await tx
    .select({ kind: masterItems.kind, n: count() })
    .from(masterItems)
    .where(ofTenant())
    .groupBy(masterItems.kind);
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

export async function findMasterById(tx: Tx, id: string): Promise<MasterRow | null> {
  const rows = await tx
    .select()
    .from(masterItems)
    .where(and(ofTenant(), eq(masterItems.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findMastersByIds(tx: Tx, ids: string[]): Promise<MasterRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(masterItems)
    .where(and(ofTenant(), inArray(masterItems.id, ids)));
}

export async function findAllOfKind(tx: Tx, kind: TMasterKind): Promise<MasterRow[]> {
  return tx
    .select()
    .from(masterItems)
    .where(and(ofTenant(), eq(masterItems.kind, kind)))
    .orderBy(asc(masterItems.sortOrder), asc(masterItems.code));
}

export async function insertMaster(tx: Tx, tenantId: string, kind: TMasterKind, v: MasterValues): Promise<MasterRow> {
  const [row] = await tx
    .insert(masterItems)
    .values({ tenantId, kind, ...v })
    .returning();
  return row!;
}

export async function updateMaster(tx: Tx, id: string, v: Partial<MasterValues>): Promise<MasterRow> {
  const [row] = await tx
    .update(masterItems)
    .set({ ...v, updatedAt: new Date() })
    .where(and(ofTenant(), eq(masterItems.id, id)))
    .returning();
  return row!;
}

export async function deleteMaster(tx: Tx, id: string): Promise<void> {
  await tx.delete(masterItems).where(and(ofTenant(), eq(masterItems.id, id)));
}

export async function isMasterInUse(tx: Tx, id: string): Promise<boolean> {
  const rows = await queryRows<{ used: boolean }>(
    tx,
    sql`select (${inUseSql(sql`${id}::uuid`, sql`${currentTenantId()}::uuid`)}) as used`,
  );
  return rows[0]?.used === true;
}

/** The row and all rows below it (部署 subtree). */
export async function findSubtreeIds(tx: Tx, rootId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with recursive sub(id) as (
          select ${rootId}::uuid
          union
          select m.id from master_items m join sub on m.tenant_id = ${currentTenantId()}::uuid and m.parent_id = sub.id
        ) select id from sub`,
  );
  return rows.map((r) => r.id);
}

export async function setCompanyOfRows(tx: Tx, ids: string[], companyId: string | null): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(masterItems)
    .set({ companyId, updatedAt: new Date() })
    .where(and(ofTenant(), inArray(masterItems.id, ids)));
}

/** sort_order = position × 10, in one statement. */
export async function reorderMasters(tx: Tx, kind: TMasterKind, ids: string[]): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update master_items m set sort_order = o.pos * 10, updated_at = now()
        from unnest(array[${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}]) with ordinality as o(id, pos)
        where m.tenant_id = ${currentTenantId()}::uuid and m.id = o.id and m.kind = ${kind}
        returning m.id`,
  );
  return rows.length;
}

/** Serialises structural changes of one master kind within the tenant (tree moves, imports). */
export async function lockKind(tx: Tx, tenantId: string, kind: TMasterKind): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${tenantId}:${kind}`}))`);
}

/** Insert-or-update by code in one statement per 1,000 rows; tells which rows were new. */
export async function upsertMastersByCode(
  tx: Tx,
  tenantId: string,
  kind: TMasterKind,
  rows: (Omit<MasterValues, 'parentId'> & { parentId?: string | null })[],
): Promise<{ id: string; code: string; isNew: boolean }[]> {
  const out: { id: string; code: string; isNew: boolean }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const result = await tx
      .insert(masterItems)
      .values(chunk.map((r) => ({ tenantId, kind, ...r })))
      .onConflictDoUpdate({
        target: [masterItems.tenantId, masterItems.kind, masterItems.code],
        set: {
          name: sql`excluded.name`,
          sortOrder: sql`excluded.sort_order`,
          isValid: sql`excluded.is_valid`,
          companyId: sql`excluded.company_id`,
          updatedAt: sql`now()`,
        },
      })
      // xmax = 0 only on a freshly inserted row version
      .returning({ id: masterItems.id, code: masterItems.code, isNew: sql<boolean>`(xmax = 0)` });
    out.push(...result);
  }
  return out;
}

/** Sets parent_id of many rows in one statement per 1,000 rows. */
export async function setParents(tx: Tx, links: { id: string; parentId: string | null }[]): Promise<void> {
  for (let i = 0; i < links.length; i += 1000) {
    const chunk = links.slice(i, i + 1000);
    await tx.execute(sql`
      update master_items m set parent_id = v.parent_id, updated_at = now()
      from (values ${sql.join(
        chunk.map((l) => sql`(${l.id}::uuid, ${l.parentId}::uuid)`),
        sql`, `,
      )}) as v(id, parent_id)
      where m.tenant_id = ${currentTenantId()}::uuid and m.id = v.id`);
  }
}
