// Every query of the audit trail. audit_logs is append-only for the app role (migration 0001).
import type { TAuditLogFilter } from '@jinji/contracts/hr/audit';
import { currentTenantId, queryRows } from '@jinji/db/client';
import { insertJsonRowSets, type JsonRowSet, jsonArray, jsonArrayBuilder } from '@jinji/db/json-rows';
import { and, count, desc, eq, gte, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditLogs } from '../../db/schema/index';

export type AuditRow = typeof auditLogs.$inferInsert;
export type StoredAuditRow = typeof auditLogs.$inferSelect;

const AUDIT_COLUMNS = [
  'tenant_id',
  'at',
  'actor_id',
  'actor_login_id',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'is_sensitive',
] as const;

/** One audit_logs row keyed by column (AUDIT_COLUMNS), as json_populate_recordset reads it. */
const auditRecord = (r: AuditRow) => ({
  tenant_id: r.tenantId,
  at: r.at ?? new Date(),
  actor_id: r.actorId ?? null,
  actor_login_id: r.actorLoginId ?? null,
  action: r.action,
  target_type: r.targetType,
  target_id: r.targetId ?? null,
  before: r.before ?? null,
  after: r.after ?? null,
  is_sensitive: r.isSensitive ?? false,
});

/** The rows as one JSON recordset for `insertJsonRowSets`. */
export function auditRowSet(rows: AuditRow[], { binary = false } = {}): JsonRowSet {
  return { table: 'audit_logs', columns: AUDIT_COLUMNS, json: jsonArray(rows.map(auditRecord), binary) };
}

/** auditRowSet one row at a time (db/json-rows jsonArrayBuilder): a batch's rows, taken batch after batch. */
export function auditRowSetBuilder({ binary = false } = {}) {
  const builder = jsonArrayBuilder(binary);
  return {
    add: (row: AuditRow) => builder.push(auditRecord(row)),
    take: (): JsonRowSet => ({ table: 'audit_logs', columns: AUDIT_COLUMNS, json: builder.take() }),
    release: (set: JsonRowSet) => builder.release(set.json),
  };
}

/** One statement however many rows (a 100,000-row import writes 1,000 a batch): a JSON recordset. */
export async function insertAudits(tx: Tx, rows: AuditRow[], { binary = false } = {}): Promise<void> {
  if (rows.length === 0) return;
  await insertJsonRowSets(tx, [auditRowSet(rows, { binary })]);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filters as SQL; `employeeSearchForm` is `employee` in the search form of employees.search_text. */
export type AuditFilter = Omit<TAuditLogFilter, 'employee'> & { employee?: string; employeeSearchForm?: string };

function whereOf(f: AuditFilter): SQL | undefined {
  const employee = f.employee ? `%${escapeLike(f.employee)}%` : undefined;
  const actor = f.actor ? `%${escapeLike(f.actor)}%` : undefined;
  return and(
    // the surrounding asTenant() transaction's tenant (Citus co-location, docs/scale-out.md)
    eq(auditLogs.tenantId, currentTenantId()),
    f.targetId ? eq(auditLogs.targetId, f.targetId) : undefined,
    employee
      ? sql`${auditLogs.targetType} = 'employee' and ${auditLogs.targetId} in (
          select e.id from employees e
          where e.employee_number ilike ${employee}
             or e.search_text like ${`%${escapeLike(f.employeeSearchForm ?? '')}%`})`
      : undefined,
    actor
      ? sql`(${auditLogs.actorLoginId} ilike ${actor} or ${auditLogs.actorId} in (
          select u.id from user_accounts u where u.display_name ilike ${actor} or u.login_id ilike ${actor}))`
      : undefined,
    f.action ? eq(auditLogs.action, f.action) : undefined,
    f.from ? gte(auditLogs.at, sql`(${f.from}::date::timestamp at time zone 'Asia/Tokyo')`) : undefined,
    f.to ? sql`${auditLogs.at} < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Tokyo')` : undefined,
  );
}

export async function findAuditPage(tx: Tx, f: AuditFilter & { page: number; pageSize: number }) {
  const where = whereOf(f);
  const items = await tx
    .select()
    .from(auditLogs)
    .where(where)
    .orderBy(desc(auditLogs.at), desc(auditLogs.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await tx.select({ n: count() }).from(auditLogs).where(where);
  return { items, total: total?.n ?? 0 };
}

/**
 * Keyset batches, newest first, for the export: rows written meanwhile do not shift the next batch.
 * The key is cut to milliseconds because the cursor comes back as a JS Date.
 */
const msAt = sql`date_trunc('milliseconds', ${auditLogs.at})`;

export async function findAuditBatch(
  tx: Tx,
  f: AuditFilter,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<StoredAuditRow[]> {
  return tx
    .select()
    .from(auditLogs)
    .where(
      and(
        whereOf(f),
        after
          ? sql`(${msAt}, ${auditLogs.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(msAt), desc(auditLogs.id))
    .limit(limit);
}

export type NameRow = { id: string; type: 'employee' | 'master' | 'user'; a: string | null; b: string | null };

/**
 * One query for every name a page needs: employees (社員番号, 氏名), master rows (kind, name) and
 * accounts (ログインID, 表示名), each looked up by id.
 */
export async function findNames(
  tx: Tx,
  ids: { employees: string[]; masters: string[]; users: string[] },
): Promise<NameRow[]> {
  const arr = (xs: string[]) =>
    sql`array[${sql.join(xs.length > 0 ? xs.map((x) => sql`${x}`) : [sql`null`], sql`, `)}]::uuid[]`;
  const tenant = sql`${currentTenantId()}::uuid`;
  return queryRows<NameRow>(
    tx,
    sql`select id::text, 'employee' as type, employee_number as a, last_name || ' ' || first_name as b
          from employees where tenant_id = ${tenant} and id = any(${arr(ids.employees)})
        union all
        select id::text, 'master', kind, name from master_items where tenant_id = ${tenant} and id = any(${arr(ids.masters)})
        union all
        select id::text, 'user', login_id, display_name from user_accounts where tenant_id = ${tenant} and id = any(${arr(ids.users)})`,
  );
}
