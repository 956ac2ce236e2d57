import type { TImportError } from '@jinji/contracts/imports';
import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  auditLogs,
  employeeAssignments,
  employeeContracts,
  employees,
  importErrors,
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
};
export type ImportJobView = { [K in keyof typeof jobColumns]: ImportJobRow[K] };

export async function insertJob(tx: Tx, row: typeof importJobs.$inferInsert): Promise<ImportJobView> {
  const [job] = await tx.insert(importJobs).values(row).returning(jobColumns);
  return job!;
}

export async function findJob(tx: Tx, id: string): Promise<ImportJobView | null> {
  const rows = await tx.select(jobColumns).from(importJobs).where(eq(importJobs.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findJobFile(tx: Tx, id: string): Promise<Buffer | null> {
  const rows = await tx.select({ file: importJobs.file }).from(importJobs).where(eq(importJobs.id, id)).limit(1);
  const file = rows[0]?.file;
  return file ? Buffer.from(file) : null; // PGlite returns a Uint8Array for bytea
}

export async function findJobsPage(tx: Tx, page: number, pageSize: number) {
  const items = await tx
    .select(jobColumns)
    .from(importJobs)
    .orderBy(desc(importJobs.startedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(importJobs);
  return { items, total: total?.n ?? 0 };
}

export async function updateJob(tx: Tx, id: string, values: Partial<typeof importJobs.$inferInsert>): Promise<void> {
  await tx.update(importJobs).set(values).where(eq(importJobs.id, id));
}

export async function insertErrors(tx: Tx, tenantId: string, jobId: string, errors: TImportError[]): Promise<void> {
  for (let i = 0; i < errors.length; i += 2000) {
    await tx
      .insert(importErrors)
      .values(errors.slice(i, i + 2000).map((e, j) => ({ tenantId, jobId, seq: i + j, ...e })));
  }
}

export async function findErrorsPage(tx: Tx, jobId: string, page: number, pageSize: number) {
  const where = eq(importErrors.jobId, jobId);
  const items = await tx
    .select({ row: importErrors.row, column: importErrors.column, message: importErrors.message })
    .from(importErrors)
    .where(where)
    .orderBy(asc(importErrors.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(importErrors).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findValidMasters(tx: Tx) {
  return tx
    .select({
      id: masterItems.id,
      kind: masterItems.kind,
      code: masterItems.code,
      name: masterItems.name,
      companyId: masterItems.companyId,
    })
    .from(masterItems)
    .where(eq(masterItems.isValid, true));
}

export async function findTakenEmployeeNumbers(tx: Tx, numbers: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < numbers.length; i += 5000) {
    const rows = await tx
      .select({ n: employees.employeeNumber })
      .from(employees)
      .where(and(isNotNull(employees.employeeNumber), inArray(employees.employeeNumber, numbers.slice(i, i + 5000))));
    out.push(...rows.map((r) => r.n!));
  }
  return out;
}

export async function findTakenLoginIds(tx: Tx, ids: string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select({ id: userAccounts.loginId })
      .from(userAccounts)
      .where(inArray(userAccounts.loginId, ids.slice(i, i + 5000)));
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

const BATCH = 1000;

/** Batched multi-row inserts (COPY is not allowed under row-level security). */
export async function insertEmployeeBatch(
  tx: Tx,
  rows: {
    employee: typeof employees.$inferInsert;
    account: typeof userAccounts.$inferInsert | null;
    assignment: typeof employeeAssignments.$inferInsert | null;
    contract: typeof employeeContracts.$inferInsert | null;
    audit: typeof auditLogs.$inferInsert;
  }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await tx.insert(employees).values(chunk.map((r) => r.employee));
    const accounts = chunk.flatMap((r) => (r.account ? [r.account] : []));
    if (accounts.length > 0) await tx.insert(userAccounts).values(accounts);
    const assignments = chunk.flatMap((r) => (r.assignment ? [r.assignment] : []));
    if (assignments.length > 0) await tx.insert(employeeAssignments).values(assignments);
    const contracts = chunk.flatMap((r) => (r.contract ? [r.contract] : []));
    if (contracts.length > 0) await tx.insert(employeeContracts).values(contracts);
    await tx.insert(auditLogs).values(chunk.map((r) => r.audit));
  }
}
