// 勤怠実績 queries: the import's employee lookup and upsert, and the detail page's months.
import { currentTenantId } from '@jinji/db/client';
import { and, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { employeeAttendance, employees } from '../../db/schema/index';

export type NewAttendance = typeof employeeAttendance.$inferInsert;

/** 社員番号 → employee id for the numbers that exist (one query per batch). */
export async function findEmployeeIdsByNumber(tx: Tx, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await tx
    .select({ id: employees.id, employeeNumber: employees.employeeNumber })
    .from(employees)
    .where(
      and(
        eq(employees.tenantId, currentTenantId()),
        isNotNull(employees.employeeNumber),
        inArray(employees.employeeNumber, numbers),
      ),
    );
  return new Map(rows.map((r) => [r.employeeNumber!, r.id]));
}

/** One month per employee: a second import of the same month replaces its values. */
export async function upsertAttendance(tx: Tx, rows: NewAttendance[]): Promise<void> {
  if (rows.length === 0) return;
  const t = employeeAttendance;
  await tx
    .insert(t)
    .values(rows)
    .onConflictDoUpdate({
      target: [t.tenantId, t.employeeId, t.month],
      set: {
        workedMinutes: sql`excluded.worked_minutes`,
        overtimeMinutes: sql`excluded.overtime_minutes`,
        lateEarlyCount: sql`excluded.late_early_count`,
        absenceDays: sql`excluded.absence_days`,
        holidayDays: sql`excluded.holiday_days`,
        paidLeaveRemaining: sql`excluded.paid_leave_remaining`,
        updatedAt: sql`now()`,
      },
    });
}

export async function employeeExists(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.tenantId, currentTenantId()), eq(employees.id, id)))
    .limit(1);
  return rows.length > 0;
}

/** Newest first; `limit` only when no lower bound is given. */
export async function findAttendanceMonths(
  tx: Tx,
  employeeId: string,
  range: { from?: string; to?: string; limit?: number },
) {
  const t = employeeAttendance;
  const query = tx
    .select({
      month: t.month,
      workedMinutes: t.workedMinutes,
      overtimeMinutes: t.overtimeMinutes,
      lateEarlyCount: t.lateEarlyCount,
      absenceDays: t.absenceDays,
      holidayDays: t.holidayDays,
      paidLeaveRemaining: t.paidLeaveRemaining,
    })
    .from(t)
    .where(
      and(
        eq(t.employeeId, employeeId),
        range.from ? gte(t.month, range.from) : undefined,
        range.to ? lte(t.month, range.to) : undefined,
      ),
    )
    .orderBy(desc(t.month));
  return range.limit ? query.limit(range.limit) : query;
}
