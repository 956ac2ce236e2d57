// Every query of the employee master. Lists are paged in SQL; the page's extra columns (current
// department, login ID) come from one batched query per page, never one per row.
import type { TEmployeeListQuery, TEmploymentStatus } from '@jinji/contracts/employees';
import { and, asc, count, desc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../db/client';
import { insertJsonRows } from '../../db/json-rows';
import {
  employeeAssignments,
  employeeAwards,
  employeeContracts,
  employeeDisabilities,
  employeeEducation,
  employeeEmergencyContacts,
  employeeLicenses,
  employees,
  employeeWorkHistory,
  masterItems,
  userAccounts,
} from '../../db/schema/index';

export type EmployeeRow = typeof employees.$inferSelect;
export type NewEmployee = typeof employees.$inferInsert;

/** 在籍/退職/入社予定 from the dates and today, as SQL. */
export function statusCondition(status: TEmploymentStatus, today: string): SQL {
  if (status === 'upcoming') return sql`${employees.hireDate} > ${today}::date`;
  if (status === 'retired') return sql`${employees.retirementDate} < ${today}::date`;
  return sql`${employees.hireDate} <= ${today}::date and (${employees.retirementDate} is null or ${employees.retirementDate} >= ${today}::date)`;
}

const currentAssignment = (today: string, extra: SQL) => sql`exists (
  select 1 from employee_assignments a
  where a.employee_id = ${employees.id} and a.start_date <= ${today}::date
    and (a.end_date is null or a.end_date >= ${today}::date) and ${extra})`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list counts matches up to this many; beyond it the UI says 「10,000件以上」. */
export const TOTAL_CAP = 10_000;

export type EmployeeFilter = TEmployeeListQuery & { searchForm?: string; departmentIds?: string[] };

export function employeeFilter(f: EmployeeFilter, today: string): SQL | undefined {
  return and(
    f.searchForm ? sql`${employees.searchText} like ${`%${escapeLike(f.searchForm)}%`}` : undefined,
    f.employeeNumber ? sql`${employees.employeeNumber} ilike ${`%${escapeLike(f.employeeNumber)}%`}` : undefined,
    f.loginId
      ? sql`exists (select 1 from user_accounts u where u.employee_id = ${employees.id} and u.login_id ilike ${`%${escapeLike(f.loginId)}%`})`
      : undefined,
    f.companyId ? currentAssignment(today, sql`a.company_id = ${f.companyId}::uuid`) : undefined,
    // the subtree is resolved beforehand (findDepartmentSubtree): a literal list plans far better than a CTE
    f.departmentIds
      ? currentAssignment(
          today,
          f.departmentIds.length > 0
            ? sql`a.department_id in (${sql.join(
                f.departmentIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : sql`false`,
        )
      : undefined,
    f.status ? statusCondition(f.status, today) : undefined,
    f.createdFrom
      ? sql`${employees.createdAt} >= (${f.createdFrom}::date::timestamp at time zone 'Asia/Tokyo')`
      : undefined,
    f.createdTo
      ? sql`${employees.createdAt} < ((${f.createdTo}::date + 1)::timestamp at time zone 'Asia/Tokyo')`
      : undefined,
  );
}

const SORT = {
  employeeNumber: employees.employeeNumber,
  kana: employees.kanaSort,
  hireDate: employees.hireDate,
  createdAt: employees.createdAt,
} as const;

/** The list's two statements, unexecuted: the repository runs them, bench:search runs their SQL raw. */
export function employeePageQueries(db: Tx | Db, f: EmployeeFilter, today: string) {
  const where = employeeFilter(f, today);
  const dir = f.order === 'desc' ? desc : asc;
  const page = db
    .select({
      id: employees.id,
      employeeNumber: employees.employeeNumber,
      lastName: employees.lastName,
      firstName: employees.firstName,
      lastNameKana: employees.lastNameKana,
      firstNameKana: employees.firstNameKana,
      hireDate: employees.hireDate,
      retirementDate: employees.retirementDate,
      createdAt: employees.createdAt,
    })
    .from(employees)
    .where(where)
    .orderBy(dir(SORT[f.sort]), dir(employees.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  // Counting stops at TOTAL_CAP + 1: an exact count of a 100,000-row tenant costs more than the page.
  const total = db.select({ n: count() }).from(
    db
      .select({ one: sql`1` })
      .from(employees)
      .where(where)
      .limit(TOTAL_CAP + 1)
      .as('capped'),
  );
  return { page, total };
}

export async function findEmployeePage(tx: Tx, f: EmployeeFilter, today: string) {
  const q = employeePageQueries(tx, f, today);
  const rows = await q.page;
  const [total] = await q.total;
  const n = total?.n ?? 0;
  return { rows, total: Math.min(n, TOTAL_CAP), isTotalCapped: n > TOTAL_CAP };
}

/** The page's placement query (see findListExtras). */
export function placementQuery(ids: string[], today: string): SQL {
  return sql`select distinct on (a.employee_id) a.employee_id, c.name as company_name, d.name as department_name
        from employee_assignments a
        left join master_items c on c.id = a.company_id
        left join master_items d on d.id = a.department_id
        where a.employee_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and a.start_date <= ${today}::date and (a.end_date is null or a.end_date >= ${today}::date)
        order by a.employee_id, a.start_date desc`;
}

/** A department and every department below it. */
export function departmentSubtreeQuery(departmentId: string): SQL {
  return sql`with recursive sub(id) as (
          select id from master_items where id = ${departmentId}::uuid and kind = 'department'
          union select m.id from master_items m join sub on m.parent_id = sub.id)
        select id from sub`;
}

export async function findDepartmentSubtree(tx: Tx, departmentId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, departmentSubtreeQuery(departmentId));
  return rows.map((r) => r.id);
}

/** Current company/department names and login IDs of a page of employees, in two queries. */
export async function findListExtras(tx: Tx, ids: string[], today: string) {
  if (ids.length === 0) return { placement: [], logins: [] };
  const placement = await queryRows<{
    employee_id: string;
    company_name: string | null;
    department_name: string | null;
  }>(tx, placementQuery(ids, today));
  const logins = await tx
    .select({ employeeId: userAccounts.employeeId, loginId: userAccounts.loginId })
    .from(userAccounts)
    .where(inArray(userAccounts.employeeId, ids));
  return { placement, logins };
}

export async function findEmployeeById(tx: Tx, id: string): Promise<EmployeeRow | null> {
  const rows = await tx.select().from(employees).where(eq(employees.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findLoginIdOf(tx: Tx, employeeId: string): Promise<string | null> {
  const rows = await tx
    .select({ loginId: userAccounts.loginId })
    .from(userAccounts)
    .where(eq(userAccounts.employeeId, employeeId))
    .limit(1);
  return rows[0]?.loginId ?? null;
}

export async function updateEmployee(tx: Tx, id: string, values: Partial<NewEmployee>): Promise<EmployeeRow> {
  const [row] = await tx
    .update(employees)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(employees.id, id))
    .returning();
  return row!;
}

export async function updateEmployeeAccount(
  tx: Tx,
  employeeId: string,
  values: { email: string | null; displayName: string },
): Promise<void> {
  await tx
    .update(userAccounts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(userAccounts.employeeId, employeeId));
}

// ---- histories --------------------------------------------------------------------------------

export async function findAssignments(tx: Tx, employeeId: string) {
  return tx
    .select()
    .from(employeeAssignments)
    .where(eq(employeeAssignments.employeeId, employeeId))
    .orderBy(desc(employeeAssignments.startDate));
}

export async function findContracts(tx: Tx, employeeId: string) {
  return tx
    .select()
    .from(employeeContracts)
    .where(eq(employeeContracts.employeeId, employeeId))
    .orderBy(desc(employeeContracts.startDate));
}

type HistoryTable = typeof employeeAssignments | typeof employeeContracts;

/**
 * A new period from `startDate`: the open period before it ends the day before; a period starting on
 * the same day is replaced. Periods after the date are refused by the service.
 */
export async function closeOpenPeriod(tx: Tx, table: HistoryTable, employeeId: string, startDate: string) {
  await tx.delete(table).where(and(eq(table.employeeId, employeeId), eq(table.startDate, startDate)));
  await tx
    .update(table)
    .set({ endDate: sql`(${startDate}::date - 1)` })
    .where(and(eq(table.employeeId, employeeId), isNull(table.endDate), lte(table.startDate, startDate)));
}

export async function hasPeriodAfter(tx: Tx, table: HistoryTable, employeeId: string, startDate: string) {
  const rows = await tx
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.employeeId, employeeId), sql`${table.startDate} > ${startDate}::date`));
  return (rows[0]?.n ?? 0) > 0;
}

export async function insertAssignment(tx: Tx, row: typeof employeeAssignments.$inferInsert) {
  await tx.insert(employeeAssignments).values(row);
}

export async function insertContract(tx: Tx, row: typeof employeeContracts.$inferInsert) {
  await tx.insert(employeeContracts).values(row);
}

export async function findMastersByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({
      id: masterItems.id,
      kind: masterItems.kind,
      code: masterItems.code,
      name: masterItems.name,
      isValid: masterItems.isValid,
    })
    .from(masterItems)
    .where(inArray(masterItems.id, ids));
}

// ---- sub-records ------------------------------------------------------------------------------

type SubTable =
  | typeof employeeEmergencyContacts
  | typeof employeeEducation
  | typeof employeeWorkHistory
  | typeof employeeLicenses
  | typeof employeeDisabilities
  | typeof employeeAwards;

function rowsOf<T extends SubTable>(tx: Tx, table: T, employeeId: string): Promise<T['$inferSelect'][]> {
  const t = table as typeof employeeEducation; // every sub-table has employee_id and position
  return tx.select().from(t).where(eq(t.employeeId, employeeId)).orderBy(asc(t.position)) as unknown as Promise<
    T['$inferSelect'][]
  >;
}

export async function findSubRecords(tx: Tx, employeeId: string) {
  return {
    emergencyContacts: await rowsOf(tx, employeeEmergencyContacts, employeeId),
    education: await rowsOf(tx, employeeEducation, employeeId),
    workHistory: await rowsOf(tx, employeeWorkHistory, employeeId),
    licenses: await rowsOf(tx, employeeLicenses, employeeId),
    disabilities: await rowsOf(tx, employeeDisabilities, employeeId),
    awards: await rowsOf(tx, employeeAwards, employeeId),
  };
}

const SUB_TABLES = {
  emergencyContacts: employeeEmergencyContacts,
  education: employeeEducation,
  workHistory: employeeWorkHistory,
  licenses: employeeLicenses,
  disabilities: employeeDisabilities,
  awards: employeeAwards,
} as const;
export type SubRecordKind = keyof typeof SUB_TABLES;

/** Replaces a list section (the form sends the whole list). */
export async function replaceSubRecords(
  tx: Tx,
  kind: SubRecordKind,
  tenantId: string,
  employeeId: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  const table = SUB_TABLES[kind];
  await tx.delete(table).where(eq(table.employeeId, employeeId));
  if (rows.length > 0) {
    // biome-ignore lint/suspicious/noExplicitAny: the row shape matches the chosen table (validated by zod)
    await tx.insert(table).values(rows.map((r, position) => ({ ...r, tenantId, employeeId, position })) as any);
  }
}

// ---- many new employees at once (employee-writes.ts builds the rows) ---------------------------

export const NEW_EMPLOYEE_COLUMNS = [
  'tenant_id',
  'id',
  'employee_number',
  'last_name',
  'first_name',
  'last_name_kana',
  'first_name_kana',
  'business_last_name',
  'business_first_name',
  'birth_date',
  'gender',
  'hire_date',
  'retirement_date',
  'email',
  'system_use_start_date',
  'postal_code',
  'prefecture',
  'city',
  'street',
  'building',
  'phone',
  'mobile_phone',
  'is_startup_target',
  'search_text',
  'kana_sort',
  'created_at',
  'updated_at',
] as const;
export const NEW_ACCOUNT_COLUMNS = [
  'tenant_id',
  'id',
  'employee_id',
  'login_id',
  'email',
  'display_name',
  'created_at',
  'updated_at',
] as const;
export const NEW_ASSIGNMENT_COLUMNS = [
  'tenant_id',
  'id',
  'employee_id',
  'start_date',
  'end_date',
  'company_id',
  'department_id',
  'position_id',
  'grade_id',
  'job_type_id',
  'location_id',
  'created_at',
] as const;
export const NEW_CONTRACT_COLUMNS = [
  'tenant_id',
  'id',
  'employee_id',
  'start_date',
  'end_date',
  'employment_type_id',
  'work_style_id',
  'hiring_category_id',
  'created_at',
] as const;

/** JSON arrays of rows keyed by the column lists above; null when a table gets no rows. */
export type NewEmployeeRowsJson = {
  employees: string;
  accounts: string | null;
  assignments: string | null;
  contracts: string | null;
};

/** One statement per table; the order follows the foreign keys. */
export async function insertNewEmployeeRows(tx: Tx, json: NewEmployeeRowsJson): Promise<void> {
  await insertJsonRows(tx, 'employees', NEW_EMPLOYEE_COLUMNS, json.employees);
  if (json.accounts) await insertJsonRows(tx, 'user_accounts', NEW_ACCOUNT_COLUMNS, json.accounts);
  if (json.assignments) await insertJsonRows(tx, 'employee_assignments', NEW_ASSIGNMENT_COLUMNS, json.assignments);
  if (json.contracts) await insertJsonRows(tx, 'employee_contracts', NEW_CONTRACT_COLUMNS, json.contracts);
}
