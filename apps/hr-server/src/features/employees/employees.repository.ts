import { asc, count } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { employees } from '../../db/schema/index';

export type NewEmployee = typeof employees.$inferInsert;

export async function findEmployeesPage(tx: Tx, page: number, pageSize: number) {
  const items = await tx
    .select({
      id: employees.id,
      employeeNumber: employees.employeeNumber,
      lastName: employees.lastName,
      firstName: employees.firstName,
      lastNameKana: employees.lastNameKana,
      firstNameKana: employees.firstNameKana,
      hireDate: employees.hireDate,
      retirementDate: employees.retirementDate,
    })
    .from(employees)
    .orderBy(asc(employees.employeeNumber), asc(employees.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(employees);
  return { items, total: total?.n ?? 0 };
}

export async function insertEmployees(tx: Tx, rows: NewEmployee[]): Promise<void> {
  if (rows.length > 0) await tx.insert(employees).values(rows);
}
