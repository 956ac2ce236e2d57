// Every query of the audit trail. audit_logs is append-only for the app role (migration 0001).
import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditLogs } from '../../db/schema/index';

export type AuditRow = typeof auditLogs.$inferInsert;

export async function insertAudits(tx: Tx, rows: AuditRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(auditLogs).values(rows);
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
