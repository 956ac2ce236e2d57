// Every query of the audit trail. audit_logs is append-only for the app role (migration 0001).
import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { insertJsonRows } from '../../db/json-rows';
import { auditLogs } from '../../db/schema/index';

export type AuditRow = typeof auditLogs.$inferInsert;

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
] as const;

/** One statement however many rows (a 100,000-row import writes 2,000 a batch): a JSON recordset. */
export async function insertAudits(tx: Tx, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      tenant_id: r.tenantId,
      at: r.at ?? new Date(),
      actor_id: r.actorId ?? null,
      actor_login_id: r.actorLoginId ?? null,
      action: r.action,
      target_type: r.targetType,
      target_id: r.targetId ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
  );
  await insertJsonRows(tx, 'audit_logs', AUDIT_COLUMNS, json);
}

export async function findAuditPage(
  tx: Tx,
  f: { targetId?: string; action?: string; from?: string; to?: string; page: number; pageSize: number },
) {
  const where = and(
    f.targetId ? eq(auditLogs.targetId, f.targetId) : undefined,
    f.action ? eq(auditLogs.action, f.action) : undefined,
    f.from ? gte(auditLogs.at, sql`(${f.from}::date::timestamp at time zone 'Asia/Tokyo')`) : undefined,
    f.to ? sql`${auditLogs.at} < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Tokyo')` : undefined,
  );
  const items = await tx
    .select()
    .from(auditLogs)
    .where(where)
    .orderBy(desc(auditLogs.at))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [total] = await tx.select({ n: count() }).from(auditLogs).where(where);
  return { items, total: total?.n ?? 0 };
}
