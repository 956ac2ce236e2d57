// Every query of the employee master. A list page is one statement: filter, capped count, page and
// the page's current 所属 and login IDs (employeeListStatement).
import type { TEmployeeListQuery, TEmploymentStatus } from '@jinji/contracts/hr/employees';
import { currentTenantId, queryRows } from '@jinji/db/client';
import { insertJsonRowSets, type JsonRowSet } from '@jinji/db/json-rows';
import { escapeLike } from '@jinji/db/like';
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableName,
  gt,
  inArray,
  isNotNull,
  isNull,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';

import type { Tx } from '../../db/client';
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
  where a.tenant_id = ${employees.tenantId} and a.employee_id = ${employees.id} and a.start_date <= ${today}::date
    and (a.end_date is null or a.end_date >= ${today}::date) and ${extra})`;

/** The list counts matches up to this many; beyond it the UI says 「10,000件以上」. */
export const TOTAL_CAP = 10_000;

export type EmployeeFilter = TEmployeeListQuery & { searchForm?: string; departmentIds?: string[] };

export function employeeFilter(f: EmployeeFilter, today: string): SQL | undefined {
  return and(
    // the partial match runs in jinji_employee_ids_matching (migration 0010): under RLS a LIKE here
    // could not use the trigram index, as LIKE is not leakproof (docs/decisions/008)
    f.searchForm ? sql`${employees.id} in (select id from jinji_employee_ids_matching(${f.searchForm}))` : undefined,
    f.employeeNumber ? sql`${employees.employeeNumber} ilike ${`%${escapeLike(f.employeeNumber)}%`}` : undefined,
    f.loginId
      ? sql`exists (select 1 from user_accounts u where u.tenant_id = ${employees.tenantId} and u.employee_id = ${employees.id} and u.login_id ilike ${`%${escapeLike(f.loginId)}%`})`
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
    f.startup === 'pending' ? sql`${employees.isStartupTarget}` : undefined,
    f.startup === 'done' ? isNotNull(employees.startupCompletedAt) : undefined,
    f.createdFrom
      ? sql`${employees.createdAt} >= (${f.createdFrom}::date::timestamp at time zone 'Asia/Tokyo')`
      : undefined,
    f.createdTo
      ? sql`${employees.createdAt} < ((${f.createdTo}::date + 1)::timestamp at time zone 'Asia/Tokyo')`
      : undefined,
  );
}

const SORT = {
  employeeNumber: sql.raw('employee_number'),
  kana: sql.raw('kana_sort'),
  hireDate: sql.raw('hire_date'),
  createdAt: sql.raw('created_at'),
} as const;

export type EmployeeListRow = {
  id: string;
  employeeNumber: string | null;
  lastName: string;
  firstName: string;
  lastNameKana: string;
  firstNameKana: string;
  hireDate: string;
  retirementDate: string | null;
  createdAt: Date;
  companyName: string | null;
  departmentName: string | null;
  departmentPath: string | null;
  loginId: string | null;
  isStartupTarget: boolean;
  startupCompletedAt: string | null;
  accountNotifiedAt: string | null;
};

/**
 * The list as ONE statement (the API runs it, bench:search runs its SQL raw). The filter runs once
 * into `capped` (at most TOTAL_CAP + 1 rows): that gives the capped count, and while it holds the
 * whole match the page is sorted from it. Only past the cap, where the match is too large to sort,
 * the page is read again in index order (the second branch; its one-time filter keeps it unexecuted
 * otherwise). The page's current company/department, 所属 path and login ID are joined in the same
 * statement. An empty match still returns one row, with the total and no employee.
 */
export function employeeListStatement(f: EmployeeFilter, today: string, tenantId = currentTenantId()): SQL {
  // every table is named by its tenant (Citus co-location, docs/scale-out.md); RLS isolates tenants anyway
  const tenant = sql`${tenantId}::uuid`;
  const where = and(sql`employees.tenant_id = ${tenant}`, employeeFilter(f, today))!;
  const key = SORT[f.sort];
  const dir = sql.raw(f.order === 'desc' ? 'desc' : 'asc');
  const limit = sql`limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`;
  return sql`with recursive capped as materialized (
      select employees.id, employees.${key} as k from employees where ${where} limit ${TOTAL_CAP + 1}
    ),
    counted as (select count(*)::int as n from capped),
    page as (
      (select c.id, c.k from capped c where (select n from counted) <= ${TOTAL_CAP}
        order by c.k ${dir}, c.id ${dir} ${limit})
      union all
      (select employees.id, employees.${key} from employees where (select n from counted) > ${TOTAL_CAP} and ${where}
        order by employees.${key} ${dir}, employees.id ${dir} ${limit})
    ),
    listed as (
      select p.k, e.id, e.employee_number, e.last_name, e.first_name, e.last_name_kana, e.first_name_kana,
        e.hire_date, e.retirement_date, e.created_at, e.is_startup_target, e.startup_completed_at,
        e.account_notified_at,
        cur.department_id, cur.company_name, cur.department_name, login.login_id
      from page p
      join employees e on e.tenant_id = ${tenant} and e.id = p.id
      left join lateral (
        select a.department_id, c.name as company_name, d.name as department_name
        from employee_assignments a
        left join master_items c on c.tenant_id = a.tenant_id and c.id = a.company_id
        left join master_items d on d.tenant_id = a.tenant_id and d.id = a.department_id
        where a.tenant_id = e.tenant_id and a.employee_id = e.id and a.start_date <= ${today}::date and (a.end_date is null or a.end_date >= ${today}::date)
        order by a.start_date desc limit 1
      ) cur on true
      left join lateral (select u.login_id from user_accounts u where u.tenant_id = e.tenant_id and u.employee_id = e.id limit 1) login on true
    ),
    ${departmentPathsCtes(sql`select department_id from listed`, tenant)}
    select counted.n as "total", r.id, r.employee_number as "employeeNumber", r.last_name as "lastName",
      r.first_name as "firstName", r.last_name_kana as "lastNameKana", r.first_name_kana as "firstNameKana",
      r.hire_date::text as "hireDate", r.retirement_date::text as "retirementDate", r.created_at as "createdAt",
      r.company_name as "companyName", r.department_name as "departmentName",
      ${departmentPathOf(sql`r.company_name`, sql`r.department_id`)} as "departmentPath", r.login_id as "loginId",
      coalesce(r.is_startup_target, false) as "isStartupTarget",
      to_char(r.startup_completed_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as "startupCompletedAt",
      to_char(r.account_notified_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') as "accountNotifiedAt"
    from counted
    left join listed r on true
    left join department_paths dp on dp.id = r.department_id
    order by r.k ${dir}, r.id ${dir}`;
}

/**
 * Two CTEs (inside a WITH RECURSIVE) giving `department_paths(id, path)`: each department of `ids`
 * with its ancestors from the top down, 「事業開発部 事業開発第二課」, in one recursive pass for a whole
 * page. Depth is bounded against a cycle.
 */
function departmentPathsCtes(ids: SQL, tenant: SQL): SQL {
  return sql`department_up(start_id, id, parent_id, name, depth) as (
      select m.id, m.id, m.parent_id, m.name, 0 from master_items m where m.tenant_id = ${tenant} and m.id in (${ids})
      union all
      select u.start_id, m.id, m.parent_id, m.name, u.depth + 1
      from department_up u join master_items m on m.tenant_id = ${tenant} and m.id = u.parent_id where u.depth < 32
    ),
    department_paths(id, path) as (
      select start_id, string_agg(name, ' ' order by depth desc) from department_up group by start_id
    )`;
}

/** 所属 as shown: 「会社 上位部署 … 部署」; null without a department (needs `department_paths dp`). */
const departmentPathOf = (companyName: SQL, departmentId: SQL) =>
  sql`case when ${departmentId} is null then null else concat_ws(' ', ${companyName}, dp.path) end`;

export async function findEmployeePage(tx: Tx, f: EmployeeFilter, today: string) {
  const result = await queryRows<EmployeeListRow & { total: number; createdAt: Date | string }>(
    tx,
    employeeListStatement(f, today),
  );
  const n = result[0]?.total ?? 0;
  const rows = result
    .filter((r) => r.id !== null)
    .map(({ total: _, ...r }) => ({ ...r, createdAt: new Date(r.createdAt) }) as EmployeeListRow);
  return { rows, total: Math.min(n, TOTAL_CAP), isTotalCapped: n > TOTAL_CAP };
}

/** A department and every department below it. */
export function departmentSubtreeQuery(departmentId: string, tenantId = currentTenantId()): SQL {
  return sql`with recursive sub(id) as (
          select id from master_items where tenant_id = ${tenantId}::uuid and id = ${departmentId}::uuid and kind = 'department'
          union select m.id from master_items m join sub on m.tenant_id = ${tenantId}::uuid and m.parent_id = sub.id)
        select id from sub`;
}

/**
 * One keyset page of the filtered employees in 社員番号 order, after `after`. An employee without 社員番号
 * cannot be found by an update file, so it is not in these pages.
 */
export async function findEmployeesByNumberAfter(
  tx: Tx,
  f: EmployeeFilter,
  today: string,
  after: string | null,
  limit: number,
): Promise<EmployeeRow[]> {
  return tx
    .select()
    .from(employees)
    .where(
      and(
        eq(employees.tenantId, currentTenantId()),
        employeeFilter(f, today),
        isNotNull(employees.employeeNumber),
        after ? gt(employees.employeeNumber, after) : undefined,
      ),
    )
    .orderBy(asc(employees.employeeNumber))
    .limit(limit);
}

export async function findDepartmentSubtree(tx: Tx, departmentId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(tx, departmentSubtreeQuery(departmentId));
  return rows.map((r) => r.id);
}

export async function findEmployeeById(tx: Tx, id: string): Promise<EmployeeRow | null> {
  const rows = await tx
    .select()
    .from(employees)
    .where(and(eq(employees.tenantId, currentTenantId()), eq(employees.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findLoginIdOf(tx: Tx, employeeId: string): Promise<string | null> {
  const rows = await tx
    .select({ loginId: userAccounts.loginId })
    .from(userAccounts)
    .where(and(eq(userAccounts.tenantId, currentTenantId()), eq(userAccounts.employeeId, employeeId)))
    .limit(1);
  return rows[0]?.loginId ?? null;
}

export async function updateEmployee(tx: Tx, id: string, values: Partial<NewEmployee>): Promise<EmployeeRow> {
  const [row] = await tx
    .update(employees)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(employees.tenantId, currentTenantId()), eq(employees.id, id)))
    .returning();
  return row!;
}

/** An account for an employee who starts using the system after registration (no password yet). */
export async function insertEmployeeAccount(
  tx: Tx,
  a: { tenantId: string; employeeId: string; loginId: string; email: string | null; displayName: string },
): Promise<void> {
  await tx.insert(userAccounts).values(a);
}

export async function updateEmployeeAccount(
  tx: Tx,
  employeeId: string,
  values: { email: string | null; displayName: string; loginId?: string },
): Promise<void> {
  await tx
    .update(userAccounts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(userAccounts.tenantId, currentTenantId()), eq(userAccounts.employeeId, employeeId)));
}

// ---- histories --------------------------------------------------------------------------------

/** The 所属 history, newest first, each period with its 所属 path (one query for all periods). */
export async function findAssignments(tx: Tx, employeeId: string) {
  const rows = await tx
    .select()
    .from(employeeAssignments)
    .where(and(eq(employeeAssignments.tenantId, currentTenantId()), eq(employeeAssignments.employeeId, employeeId)))
    .orderBy(desc(employeeAssignments.startDate));
  const paths = await queryRows<{ id: string; department_path: string | null }>(
    tx,
    sql`with recursive ${departmentPathsCtes(
      sql`select department_id from employee_assignments where tenant_id = ${currentTenantId()}::uuid and employee_id = ${employeeId}::uuid`,
      sql`${currentTenantId()}::uuid`,
    )}
    select a.id, ${departmentPathOf(sql`c.name`, sql`a.department_id`)} as department_path
    from employee_assignments a
    left join master_items c on c.tenant_id = a.tenant_id and c.id = a.company_id
    left join department_paths dp on dp.id = a.department_id
    where a.tenant_id = ${currentTenantId()}::uuid and a.employee_id = ${employeeId}::uuid`,
  );
  const pathOf = new Map(paths.map((p) => [p.id, p.department_path]));
  return rows.map((r) => ({ ...r, departmentPath: pathOf.get(r.id) ?? null }));
}

export async function findContracts(tx: Tx, employeeId: string) {
  return tx
    .select()
    .from(employeeContracts)
    .where(and(eq(employeeContracts.tenantId, currentTenantId()), eq(employeeContracts.employeeId, employeeId)))
    .orderBy(desc(employeeContracts.startDate));
}

type HistoryTable = typeof employeeAssignments | typeof employeeContracts;

/**
 * A new period from `startDate`: the open period before it ends the day before; a period starting on
 * the same day is replaced. Periods after the date are refused by the service.
 */
export async function closeOpenPeriod(tx: Tx, table: HistoryTable, employeeId: string, startDate: string) {
  await tx
    .delete(table)
    .where(
      and(eq(table.tenantId, currentTenantId()), eq(table.employeeId, employeeId), eq(table.startDate, startDate)),
    );
  await tx
    .update(table)
    .set({ endDate: sql`(${startDate}::date - 1)` })
    .where(
      and(
        eq(table.tenantId, currentTenantId()),
        eq(table.employeeId, employeeId),
        isNull(table.endDate),
        lte(table.startDate, startDate),
      ),
    );
}

/** closeOpenPeriod by table name, for the update file's 異動 (employee-writes closeOpenPeriods). */
export async function closeOpenPeriodOf(
  tx: Tx,
  table: 'employee_assignments' | 'employee_contracts',
  employeeId: string,
  startDate: string,
) {
  await closeOpenPeriod(
    tx,
    table === 'employee_assignments' ? employeeAssignments : employeeContracts,
    employeeId,
    startDate,
  );
}

/**
 * History writes of one employee run one at a time (the employee row is locked until commit), so the
 * same-day check and the end-date recompute never see a concurrent change half-way.
 */
export async function lockEmployeeHistory(tx: Tx, employeeId: string) {
  await tx.execute(
    sql`select 1 from employees where tenant_id = ${currentTenantId()}::uuid and id = ${employeeId}::uuid for update`,
  );
}

/** The row `historyId` of this employee, or null (another employee's or tenant's row is not found). */
export async function findHistoryRow(tx: Tx, table: HistoryTable, employeeId: string, historyId: string) {
  const rows = await tx
    .select()
    .from(table)
    .where(and(eq(table.tenantId, currentTenantId()), eq(table.employeeId, employeeId), eq(table.id, historyId)));
  return rows[0] ?? null;
}

/** Whether another row of this employee starts on `startDate` (`exceptId`: the row being corrected). */
export async function hasPeriodOn(
  tx: Tx,
  table: HistoryTable,
  employeeId: string,
  startDate: string,
  exceptId?: string,
) {
  const rows = await tx
    .select({ n: count() })
    .from(table)
    .where(
      and(
        eq(table.employeeId, employeeId),
        eq(table.startDate, startDate),
        exceptId ? sql`${table.id} <> ${exceptId}::uuid` : undefined,
      ),
    );
  return (rows[0]?.n ?? 0) > 0;
}

export async function updateHistoryRow(
  tx: Tx,
  table: HistoryTable,
  historyId: string,
  values: Partial<typeof employeeAssignments.$inferInsert> | Partial<typeof employeeContracts.$inferInsert>,
) {
  await tx
    .update(table)
    .set(values as never)
    .where(and(eq(table.tenantId, currentTenantId()), eq(table.id, historyId)));
}

export async function deleteHistoryRow(tx: Tx, table: HistoryTable, historyId: string) {
  await tx.delete(table).where(and(eq(table.tenantId, currentTenantId()), eq(table.id, historyId)));
}

/**
 * End dates are derived, never entered: each row ends the day before the next row's 適用日 and the
 * last one is open. One statement over the employee's rows, so any insert, correction or deletion
 * leaves no gap and no overlap.
 */
export async function recomputeEndDates(tx: Tx, table: HistoryTable, employeeId: string) {
  const name = sql.identifier(getTableName(table));
  await tx.execute(sql`
    update ${name} t set end_date = n.next_start - 1
    from (
      select tenant_id, id, lead(start_date) over (order by start_date) as next_start
      from ${name} where tenant_id = ${currentTenantId()}::uuid and employee_id = ${employeeId}::uuid
    ) n
    where t.tenant_id = n.tenant_id and t.id = n.id
      and t.end_date is distinct from n.next_start - 1`);
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
    .where(and(eq(masterItems.tenantId, currentTenantId()), inArray(masterItems.id, ids)));
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
  return tx
    .select()
    .from(t)
    .where(and(eq(t.tenantId, currentTenantId()), eq(t.employeeId, employeeId)))
    .orderBy(asc(t.position)) as unknown as Promise<T['$inferSelect'][]>;
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
  await tx.delete(table).where(and(eq(table.tenantId, currentTenantId()), eq(table.employeeId, employeeId)));
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
/** JSON arrays as text or UTF-8 bytes (db/json-rows jsonArray) */
export type NewEmployeeRowsJson = {
  employees: string | Buffer;
  accounts: string | Buffer | null;
  assignments: string | Buffer | null;
  contracts: string | Buffer | null;
};

/**
 * All tables in one statement (db/json-rows insertJsonRowSets), with `also` (the batch's audit rows):
 * one round trip per batch. Foreign keys are checked at the statement's end, so 所属 may reference
 * the employee inserted beside it.
 */
export async function insertNewEmployeeRows(tx: Tx, json: NewEmployeeRowsJson, also: JsonRowSet[] = []): Promise<void> {
  const sets: JsonRowSet[] = [{ table: 'employees', columns: NEW_EMPLOYEE_COLUMNS, json: json.employees }];
  if (json.accounts) sets.push({ table: 'user_accounts', columns: NEW_ACCOUNT_COLUMNS, json: json.accounts });
  if (json.assignments)
    sets.push({ table: 'employee_assignments', columns: NEW_ASSIGNMENT_COLUMNS, json: json.assignments });
  if (json.contracts) sets.push({ table: 'employee_contracts', columns: NEW_CONTRACT_COLUMNS, json: json.contracts });
  await insertJsonRowSets(tx, [...sets, ...also]);
}

// ---- アカウント通知 and スタートアップのリマインド: whom a mail goes to -----------------------------

export type MailTargetRow = {
  id: string;
  employeeNumber: string | null;
  lastName: string;
  firstName: string;
  isStartupTarget: boolean;
  accountNotifiedAt: Date | null;
  userId: string | null;
  loginId: string | null;
  email: string | null;
  displayName: string | null;
};

/** The selected employees with their accounts, in 社員番号 order; at most `limit` (the caller's cap + 1). */
export async function findMailTargets(
  tx: Tx,
  selection: { ids: string[] } | { filter: EmployeeFilter; today: string },
  limit: number,
): Promise<MailTargetRow[]> {
  return tx
    .select({
      id: employees.id,
      employeeNumber: employees.employeeNumber,
      lastName: employees.lastName,
      firstName: employees.firstName,
      isStartupTarget: employees.isStartupTarget,
      accountNotifiedAt: employees.accountNotifiedAt,
      userId: userAccounts.id,
      loginId: userAccounts.loginId,
      email: userAccounts.email,
      displayName: userAccounts.displayName,
    })
    .from(employees)
    .leftJoin(
      userAccounts,
      and(eq(userAccounts.tenantId, employees.tenantId), eq(userAccounts.employeeId, employees.id)),
    )
    .where(
      and(
        eq(employees.tenantId, currentTenantId()),
        'ids' in selection ? inArray(employees.id, selection.ids) : employeeFilter(selection.filter, selection.today),
      ),
    )
    .orderBy(asc(employees.employeeNumber), asc(employees.id))
    .limit(limit);
}

export async function setAccountNotifiedAt(tx: Tx, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(employees)
    .set({ accountNotifiedAt: at })
    .where(and(eq(employees.tenantId, currentTenantId()), inArray(employees.id, ids)));
}
