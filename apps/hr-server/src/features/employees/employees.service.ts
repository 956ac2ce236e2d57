import type { TEmployeeListQuery, TEmployeeListResponse } from '@jinji/contracts/employees';
import type { Database } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { findEmployeesPage, insertEmployees, type NewEmployee } from './employees.repository';

export async function listEmployees(
  db: Database,
  ctx: AuthContext,
  query: TEmployeeListQuery,
): Promise<TEmployeeListResponse> {
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findEmployeesPage(tx, query.page, query.pageSize));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function createSampleEmployees(
  db: Database,
  tenantId: string,
  rows: Omit<NewEmployee, 'tenantId'>[],
): Promise<void> {
  await db.asTenant(tenantId, (tx) =>
    insertEmployees(
      tx,
      rows.map((r) => ({ ...r, tenantId })),
    ),
  );
}
