import type { TImportError } from '@jinji/contracts/hr/imports';
import { currentTenantId } from '@jinji/db/client';
import { insertJsonObjects } from '@jinji/db/json-rows';
import type { TMessageParam } from '@jinji/ja/messages';
import { and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import {
  employeeAssignments,
  employeeContracts,
  employees,
  importErrors,
  importFileChunks,
  importJobs,
  masterItems,
  userAccounts,
} from '../../db/schema/index';

export type ImportJobRow = typeof importJobs.$inferSelect;
const jobColumns = {
  id: importJobs.id,
  kind: importJobs.kind,
  fileName: importJobs.fileName,
  status: importJobs.status,
  startedAt: importJobs.startedAt,
  finishedAt: importJobs.finishedAt,
  actorId: importJobs.actorId,
  actorLoginId: importJobs.actorLoginId,
  rowsTotal: importJobs.rowsTotal,
  rowsValidated: importJobs.rowsValidated,
  rowsWritten: importJobs.rowsWritten,
  errorCount: importJobs.errorCount,
  log: importJobs.log,
  logCode: importJobs.logCode,
  logParams: importJobs.logParams,
};
export type ImportJobView = { [K in keyof typeof jobColumns]: ImportJobRow[K] } & { actorName?: string | null };
// 実行者 as people know them; the login id stays for accounts deleted since
const withActorName = {
  ...jobColumns,
  actorName: sql<
    string | null
  >`(select u.display_name from user_accounts u where u.tenant_id = import_jobs.tenant_id and u.id = import_jobs.actor_id)`,
};

/** the surrounding asTenant() transaction's tenant, named in every tenant query (Citus co-location, docs/scale-out.md) */
const ofTenant = () => eq(importJobs.tenantId, currentTenantId());

export async function insertJob(tx: Tx, row: typeof importJobs.$inferInsert): Promise<ImportJobView> {
  const [job] = await tx.insert(importJobs).values(row).returning(jobColumns);
  return job!;
}

export async function findJob(tx: Tx, id: string): Promise<ImportJobView | null> {
  const rows = await tx
    .select(withActorName)
    .from(importJobs)
    .where(and(ofTenant(), eq(importJobs.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the job row: two runners of one job serialise here. */
export async function findJobForUpdate(tx: Tx, id: string): Promise<{ status: string } | null> {
  const rows = await tx
    .select({ status: importJobs.status })
    .from(importJobs)
    .where(and(ofTenant(), eq(importJobs.id, id)))
    .limit(1)
    .for('update');
  return rows[0] ?? null;
}

/** As owner, across tenants: jobs left 処理中 by a process that stopped. */
export async function findProcessingJobs(db: Db): Promise<{ tenantId: string; id: string }[]> {
  return db
    .select({ tenantId: importJobs.tenantId, id: importJobs.id })
    .from(importJobs)
    .where(eq(importJobs.status, 'processing'));
}

/**
 * 処理中 jobs that no pg-boss job will run: none queued, retrying or active in `jobsSchema` (the upload's
 * send failed after its commit, a database outage used up a run's retries). Older than `minAgeSeconds`,
 * so an upload between its commit and its send is not taken.
 */
export async function findOrphanedJobs(
  db: Db,
  jobsSchema: string,
  queue: string,
  minAgeSeconds: number,
): Promise<{ tenantId: string; id: string }[]> {
  const boss = sql.raw(`"${jobsSchema.replaceAll('"', '""')}".job`);
  return db
    .select({ tenantId: importJobs.tenantId, id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.status, 'processing'),
        lt(importJobs.startedAt, sql`now() - make_interval(secs => ${minAgeSeconds})`),
        sql`not exists (select 1 from ${boss} b where b.name = ${queue} and b.data->>'jobId' = ${importJobs.id}::text
              and b.state in ('created', 'retry', 'active'))`,
      ),
    );
}

const CHUNK_BYTES = 1024 * 1024;

export async function insertJobFile(tx: Tx, tenantId: string, jobId: string, file: Buffer): Promise<void> {
  for (let seq = 0; seq * CHUNK_BYTES < file.length; seq++) {
    const bytes = file.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
    await tx.insert(importFileChunks).values({ tenantId, jobId, seq, bytes });
  }
}

/** The uploaded file, fetched a few chunks per query so the driver never buffers it whole. */
export async function findJobFile(tx: Tx, id: string): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  for (let from = 0; ; from += 4) {
    const rows = await tx
      .select({ bytes: importFileChunks.bytes })
      .from(importFileChunks)
      .where(
        and(
          eq(importFileChunks.tenantId, currentTenantId()),
          eq(importFileChunks.jobId, id),
          gte(importFileChunks.seq, from),
          lt(importFileChunks.seq, from + 4),
        ),
      )
      .orderBy(asc(importFileChunks.seq));
    parts.push(...rows.map((r) => Buffer.from(r.bytes))); // PGlite returns a Uint8Array for bytea
    if (rows.length < 4) break;
  }
  if (parts.length > 0) return Buffer.concat(parts);
  // jobs uploaded before import_file_chunks existed
  const rows = await tx
    .select({ file: importJobs.file })
    .from(importJobs)
    .where(and(ofTenant(), eq(importJobs.id, id)))
    .limit(1);
  const file = rows[0]?.file;
  return file ? Buffer.from(file) : null;
}

export async function deleteJobFile(tx: Tx, id: string): Promise<void> {
  await tx
    .delete(importFileChunks)
    .where(and(eq(importFileChunks.tenantId, currentTenantId()), eq(importFileChunks.jobId, id)));
}

export async function findJobsPage(tx: Tx, page: number, pageSize: number) {
  const items = await tx
    .select(withActorName)
    .from(importJobs)
    .where(ofTenant())
    .orderBy(desc(importJobs.startedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(importJobs).where(ofTenant());
  return { items, total: total?.n ?? 0 };
}

export async function updateJob(tx: Tx, id: string, values: Partial<typeof importJobs.$inferInsert>): Promise<void> {
  await tx.update(importJobs).set(values).where(eq(importJobs.id, id));
}

/** An error as stored: its message as code + params (the text is rendered when read). */
export type StoredImportError = Omit<TImportError, 'message' | 'code' | 'params'> & {
  code: string;
  params: Record<string, TMessageParam> | null;
};

export async function insertErrors(
  tx: Tx,
  tenantId: string,
  jobId: string,
  errors: StoredImportError[],
): Promise<void> {
  for (let i = 0; i < errors.length; i += 2000) {
    await tx
      .insert(importErrors)
      .values(errors.slice(i, i + 2000).map((e, j) => ({ tenantId, jobId, seq: i + j, ...e })));
  }
}

export async function findErrorsPage(tx: Tx, jobId: string, page: number, pageSize: number) {
  const where = eq(importErrors.jobId, jobId);
  const items = await tx
    .select({
      row: importErrors.row,
      column: importErrors.column,
      message: importErrors.message,
      code: importErrors.code,
      params: importErrors.params,
      employeeNumber: importErrors.employeeNumber,
      employeeName: importErrors.employeeName,
    })
    .from(importErrors)
    .where(where)
    .orderBy(asc(importErrors.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(importErrors).where(where);
  return { items, total: total?.n ?? 0 };
}

export type MasterForImport = {
  id: string;
  kind: string;
  code: string;
  name: string;
  companyId: string | null;
  isValid: boolean;
};

/** Every master, invalid ones too: an update file may keep an employee's invalid value. */
export async function findMastersForImport(tx: Tx): Promise<MasterForImport[]> {
  return tx
    .select({
      id: masterItems.id,
      kind: masterItems.kind,
      code: masterItems.code,
      name: masterItems.name,
      companyId: masterItems.companyId,
      isValid: masterItems.isValid,
    })
    .from(masterItems)
    .where(eq(masterItems.tenantId, currentTenantId()));
}

// The values travel as one JSON parameter: a 100,000-value IN list would be 100,000 bound parameters
// for drizzle to build and the driver to serialise.
const jsonTexts = (values: string[]) => sql`(select json_array_elements_text(${JSON.stringify(values)}::json))`;

export async function findTakenEmployeeNumbers(tx: Tx, numbers: string[]): Promise<string[]> {
  if (numbers.length === 0) return [];
  const rows = await tx
    .select({ n: employees.employeeNumber })
    .from(employees)
    .where(and(eq(employees.tenantId, currentTenantId()), sql`${employees.employeeNumber} in ${jsonTexts(numbers)}`));
  return rows.map((r) => r.n!);
}

export async function findTakenLoginIds(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: userAccounts.loginId })
    .from(userAccounts)
    .where(and(eq(userAccounts.tenantId, currentTenantId()), sql`${userAccounts.loginId} in ${jsonTexts(ids)}`));
  return rows.map((r) => r.id);
}

type Period = { startDate: string } & Record<string, string | null>;
export type CurrentEmployee = {
  employee: typeof employees.$inferSelect;
  /** the latest 所属 / 契約 period (the one an update file compares with) */
  assignment: Period | null;
  contract: Period | null;
};

/** Employees by 社員番号 with their latest 所属 and 契約 period. */
export async function findCurrentByNumbers(tx: Tx, numbers: string[]): Promise<Map<string, CurrentEmployee>> {
  if (numbers.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(employees)
    .where(and(eq(employees.tenantId, currentTenantId()), inArray(employees.employeeNumber, numbers)));
  return withLatestPeriods(tx, rows);
}

/** Employee rows (with 社員番号) joined to their latest 所属 and 契約 period, keyed by 社員番号. */
export async function withLatestPeriods(
  tx: Tx,
  rows: (typeof employees.$inferSelect)[],
): Promise<Map<string, CurrentEmployee>> {
  const out = new Map<string, CurrentEmployee>();
  const ids = rows.map((r) => r.id);
  const latest = async (table: typeof employeeAssignments | typeof employeeContracts) => {
    const map = new Map<string, Period>();
    if (ids.length === 0) return map;
    const periods = await tx
      .select()
      .from(table)
      .where(and(eq(table.tenantId, currentTenantId()), inArray(table.employeeId, ids)))
      .orderBy(desc(table.startDate));
    for (const p of periods) {
      if (map.has(p.employeeId)) continue;
      const { tenantId: _t, id: _i, employeeId: _e, endDate: _d, createdAt: _c, ...values } = p;
      map.set(p.employeeId, values as unknown as Period);
    }
    return map;
  };
  const assignments = await latest(employeeAssignments);
  const contracts = await latest(employeeContracts);
  for (const e of rows) {
    out.set(e.employeeNumber!, {
      employee: e,
      assignment: assignments.get(e.id) ?? null,
      contract: contracts.get(e.id) ?? null,
    });
  }
  return out;
}

/** Many rows in one statement (see db/json-rows); keys are column names, taken from the first row. */
export async function insertJsonRows(tx: Tx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  await insertJsonObjects(tx, table, rows);
}

/** Whole employee rows (every column of the first row's keys) replaced by id; their accounts follow. */
export async function updateEmployeesJson(tx: Tx, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!).filter((k) => k !== 'tenant_id' && k !== 'id');
  const set = sql.raw(keys.map((k) => `"${k}" = x."${k}"`).join(', '));
  const json = JSON.stringify(rows);
  await tx.execute(
    sql`update employees e set ${set} from json_populate_recordset(null::employees, ${json}::json) x where e.tenant_id = x.tenant_id and e.id = x.id`,
  );
  await tx.execute(
    sql`update user_accounts u set email = x.email, display_name = x.last_name || ' ' || x.first_name, updated_at = x.updated_at
        from json_populate_recordset(null::employees, ${json}::json) x where u.tenant_id = x.tenant_id and u.employee_id = x.id`,
  );
}

/** 氏名 of registered employees by 社員番号, for error reports of files without the name columns. */
export async function findNamesByNumbers(tx: Tx, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await tx
    .select({ number: employees.employeeNumber, lastName: employees.lastName, firstName: employees.firstName })
    .from(employees)
    .where(and(eq(employees.tenantId, currentTenantId()), inArray(employees.employeeNumber, numbers)));
  return new Map(rows.map((r) => [r.number ?? '', `${r.lastName} ${r.firstName}`]));
}

/** Current ログインID of employees by id (an update file may give or change one). */
export async function findLoginIdsOf(tx: Tx, employeeIds: string[]): Promise<Map<string, string>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await tx
    .select({ employeeId: userAccounts.employeeId, loginId: userAccounts.loginId })
    .from(userAccounts)
    .where(inArray(userAccounts.employeeId, employeeIds));
  return new Map(rows.map((r) => [r.employeeId ?? '', r.loginId]));
}

/** New ログインIDs of employees who already have an account, in one statement. */
export async function updateLoginIdsJson(tx: Tx, rows: { employee_id: string; login_id: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(
    sql`update user_accounts u set login_id = x.login_id, updated_at = now()
        from json_to_recordset(${JSON.stringify(rows)}::json) as x(employee_id uuid, login_id text)
        where u.employee_id = x.employee_id`,
  );
}
