// 勤怠実績 (R-IMP-6) on the employee detail page.
import type { TAttendanceListResponse, TAttendanceQuery } from '@jinji/contracts/hr/attendance';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { employeeExists, findAttendanceMonths } from './attendance.repository';

/** Without 'from', the 12 newest months present (up to 'to'); with it, every month in the range. */
export const DEFAULT_MONTHS = 12;

export async function listAttendance(
  db: Database,
  ctx: Actor,
  employeeId: string,
  query: TAttendanceQuery,
): Promise<TAttendanceListResponse> {
  return db.asTenant(ctx.tenantId, async (tx) => {
    if (!(await employeeExists(tx, employeeId))) throw new AppError('NOT_FOUND', '従業員が見つかりません');
    const items = await findAttendanceMonths(tx, employeeId, {
      from: query.from,
      to: query.to,
      limit: query.from ? undefined : DEFAULT_MONTHS,
    });
    return { items };
  });
}

/** The months of `from`…`to` (YYYY-MM) present, newest first, in the caller's transaction (the profile sheet). */
export function findAttendanceMonthsIn(tx: Tx, employeeId: string, from: string, to: string) {
  return findAttendanceMonths(tx, employeeId, { from, to });
}
