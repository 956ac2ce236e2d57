// The one way new employees are written — the form (one row), 新規登録 imports (1,000 rows a batch)
// and the demo: rows already validated go in as one statement for all tables (employees,
// user_accounts, 所属, 契約, audit_logs). Preparing (rows → JSON text) is split from executing so an import can build
// its next batch while the database runs this one.
import { randomUUID } from 'node:crypto';
import type { JsonRowSet } from '@jinji/db/json-rows';
import { type JsonArrayBuilder, jsonArrayBuilder } from '@jinji/db/json-rows';
import { toSearchForm } from '@jinji/ja/text';
import type { Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { auditBatch } from '../audit/audit.service';
import { closeOpenPeriodOf, insertNewEmployeeRows, type NewEmployeeRowsJson } from './employees.repository';

/** The normalised forms stored for search and kana sort. Fields are joined with | so a match cannot span them. */
export function searchColumns(
  e: Pick<
    EmployeeBasicValues,
    'lastName' | 'firstName' | 'lastNameKana' | 'firstNameKana' | 'businessLastName' | 'businessFirstName'
  >,
) {
  const kana = toSearchForm(`${e.lastNameKana}${e.firstNameKana}`);
  return {
    searchText: [
      toSearchForm(`${e.lastName}${e.firstName}`),
      kana,
      toSearchForm(`${e.businessLastName ?? ''}${e.businessFirstName ?? ''}`),
    ].join('|'),
    kanaSort: kana,
  };
}

/** The employees columns a person fills in (the form's 基本情報, an import row's basic columns). */
export type EmployeeBasicValues = {
  lastName: string;
  firstName: string;
  lastNameKana: string;
  firstNameKana: string;
  businessLastName?: string | null;
  businessFirstName?: string | null;
  birthDate: string;
  gender: string;
  hireDate: string;
  retirementDate?: string | null;
  email?: string | null;
  systemUseStartDate?: string | null;
  postalCode?: string | null;
  prefecture?: string | null;
  city?: string | null;
  street?: string | null;
  building?: string | null;
  phone?: string | null;
  mobilePhone?: string | null;
  isStartupTarget?: boolean;
};

export type AssignmentPeriod = {
  startDate: string;
  endDate?: string | null;
  companyId?: string | null;
  departmentId?: string | null;
  positionId?: string | null;
  gradeId?: string | null;
  jobTypeId?: string | null;
  locationId?: string | null;
};

export type ContractPeriod = {
  startDate: string;
  endDate?: string | null;
  employmentTypeId?: string | null;
  workStyleId?: string | null;
  hiringCategoryId?: string | null;
};

export type NewEmployeeWrite = {
  basic: EmployeeBasicValues;
  /** after コード設定 (generateCodes) */
  employeeNumber: string | null;
  /** an account to sign in with; its email is the employee's */
  loginId: string | null;
  assignments?: AssignmentPeriod[];
  contracts?: ContractPeriod[];
  /** the demo back-dates 従業員データ作成日; otherwise the time of the write */
  createdAt?: string;
  /** the `after` of the row's 'create' audit entry */
  audit: unknown;
};

export type PreparedEmployeeWrites = {
  ids: string[];
  json: NewEmployeeRowsJson;
  /** the rows' 'create' audit rows, prepared with them (not on the database's critical path) */
  audits: JsonRowSet;
  /** after the insert: the batch's bytes go back to the builders it came from (newEmployeeBatch) */
  release(): void;
};

/**
 * Pure CPU: ids, search columns and the JSON text of every table's rows and of their audit rows.
 * `binary` (PostgreSQL only): the JSON as UTF-8 bytes, so a large batch makes no multi-megabyte
 * string (db/json-rows jsonArray).
 */
export function prepareNewEmployees(
  actor: Actor,
  rows: readonly NewEmployeeWrite[],
  at = new Date(),
  options: { binary?: boolean } = {},
): PreparedEmployeeWrites {
  const batch = newEmployeeBatch(actor, at, options);
  for (const r of rows) batch.add(r);
  return batch.take();
}

/**
 * prepareNewEmployees one row at a time: each row becomes JSON as it is added, so a caller that
 * builds its rows as it reads them (a bulk import) holds a batch as bytes, not as objects. `take`
 * gives the batch so far and starts the next one; the builders' space is reused (jsonArrayBuilder).
 */
export function newEmployeeBatch(actor: Actor, at = new Date(), { binary = false }: { binary?: boolean } = {}) {
  const tenantId = actor.tenantId;
  const now = at.toISOString();
  let ids: string[] = [];
  const employees = jsonArrayBuilder(binary);
  const accounts = jsonArrayBuilder(binary);
  const assignments = jsonArrayBuilder(binary);
  const contracts = jsonArrayBuilder(binary);
  const audits = auditBatch(actor, at, { binary });
  const add = (r: NewEmployeeWrite): void => {
    const b = r.basic;
    const id = randomUUID();
    const created = r.createdAt ?? now;
    const { searchText, kanaSort } = searchColumns(b);
    ids.push(id);
    // literal objects of one shape (no per-row key mapping): the keys are NEW_EMPLOYEE_COLUMNS
    employees.push({
      tenant_id: tenantId,
      id,
      employee_number: r.employeeNumber,
      last_name: b.lastName,
      first_name: b.firstName,
      last_name_kana: b.lastNameKana,
      first_name_kana: b.firstNameKana,
      business_last_name: b.businessLastName ?? null,
      business_first_name: b.businessFirstName ?? null,
      birth_date: b.birthDate,
      gender: b.gender,
      hire_date: b.hireDate,
      retirement_date: b.retirementDate ?? null,
      email: b.email ?? null,
      system_use_start_date: b.systemUseStartDate ?? null,
      postal_code: b.postalCode ?? null,
      prefecture: b.prefecture ?? null,
      city: b.city ?? null,
      street: b.street ?? null,
      building: b.building ?? null,
      phone: b.phone ?? null,
      mobile_phone: b.mobilePhone ?? null,
      is_startup_target: b.isStartupTarget ?? false,
      search_text: searchText,
      kana_sort: kanaSort,
      created_at: created,
      updated_at: created,
    });
    if (r.loginId)
      accounts.push({
        tenant_id: tenantId,
        id: randomUUID(),
        employee_id: id,
        login_id: r.loginId,
        email: b.email ?? null,
        display_name: `${b.lastName} ${b.firstName}`,
        created_at: now,
        updated_at: now,
      });
    for (const a of r.assignments ?? [])
      assignments.push({
        tenant_id: tenantId,
        id: randomUUID(),
        employee_id: id,
        start_date: a.startDate,
        end_date: a.endDate ?? null,
        company_id: a.companyId ?? null,
        department_id: a.departmentId ?? null,
        position_id: a.positionId ?? null,
        grade_id: a.gradeId ?? null,
        job_type_id: a.jobTypeId ?? null,
        location_id: a.locationId ?? null,
        created_at: now,
      });
    for (const c of r.contracts ?? [])
      contracts.push({
        tenant_id: tenantId,
        id: randomUUID(),
        employee_id: id,
        start_date: c.startDate,
        end_date: c.endDate ?? null,
        employment_type_id: c.employmentTypeId ?? null,
        work_style_id: c.workStyleId ?? null,
        hiring_category_id: c.hiringCategoryId ?? null,
        created_at: now,
      });
    audits.add({ action: 'create', targetType: 'employee', targetId: id, after: r.audit });
  };
  const take = (): PreparedEmployeeWrites => {
    const taken = ids;
    ids = [];
    const text = (rows: JsonArrayBuilder) => (rows.size > 0 ? rows.take() : null);
    const json = {
      employees: employees.take(),
      accounts: text(accounts),
      assignments: text(assignments),
      contracts: text(contracts),
    };
    const auditRows = audits.take();
    return {
      ids: taken,
      json,
      audits: auditRows,
      release: () => {
        employees.release(json.employees);
        if (json.accounts) accounts.release(json.accounts);
        if (json.assignments) assignments.release(json.assignments);
        if (json.contracts) contracts.release(json.contracts);
        audits.release(auditRows);
      },
    };
  };
  return {
    add,
    take,
    get size() {
      return ids.length;
    },
  };
}

/** The prepared rows and their audit rows, one statement for all tables, in the caller's transaction. */
export async function insertPreparedEmployees(tx: Tx, prepared: PreparedEmployeeWrites): Promise<void> {
  if (prepared.ids.length === 0) return;
  await insertNewEmployeeRows(tx, prepared.json, [prepared.audits]);
  prepared.release(); // the statement has run: nothing reads these bytes any more
}

/** Writes validated new employees; returns their ids in the order given. */
export async function writeNewEmployees(
  tx: Tx,
  actor: Actor,
  rows: readonly NewEmployeeWrite[],
  at = new Date(),
): Promise<string[]> {
  const prepared = prepareNewEmployees(actor, rows, at);
  await insertPreparedEmployees(tx, prepared);
  return prepared.ids;
}

/** 異動 from an update file: the same rule as the detail page (employees.repository closeOpenPeriod). */
export async function closeOpenPeriods(
  tx: Tx,
  table: 'employee_assignments' | 'employee_contracts',
  employeeId: string,
  startDate: string,
): Promise<void> {
  await closeOpenPeriodOf(tx, table, employeeId, startDate);
}
