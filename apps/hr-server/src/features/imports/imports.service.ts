// 一括登録・更新 (R-IMP-2/3/4/6): the file is stored with its job and processed by a durable pg-boss
// job in two streamed passes: validate every row, then — only when no row had an error — write them
// all in one transaction that also finishes the job, so 取込履歴 always says whether the data is there.
import { actingUserOf } from '@jinji/auth/actor';
import type { TFileFormat } from '@jinji/contracts/common/enums';
import {
  type ImportMessageCode,
  importMessage,
  importMessageJa,
  type TImportMessage,
} from '@jinji/contracts/hr/import-messages';
import type { ImportColumn, TImportError, TImportJob, TImportKind, TImportProblem } from '@jinji/contracts/hr/imports';
import { findDatabaseError, isUniqueViolation } from '@jinji/db/errors';
import type { TMessageParam } from '@jinji/ja/messages';
import { type CsvEncoding, encodeCsv } from '@jinji/office-files/csv';
import { unescapeFormula } from '@jinji/office-files/formula';
import { buildXlsx } from '@jinji/office-files/xlsx';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import {
  handOffQueue,
  ImportAbort,
  type ImportContext,
  type ImportKindHandler,
  type ImportRow,
  type RowSource,
  turn,
} from '../../lib/import-kinds';
import { attendanceImport } from '../attendance/attendance.import';
import { masterLists } from './employee-export';
import { newEmployeesImport, updateEmployeesImport } from './employee-import';
import { openImportFile } from './import-file';
import {
  deleteJobFile,
  findErrorsPage,
  findJob,
  findJobFile,
  findJobForUpdate,
  findJobsPage,
  findNamesByNumbers,
  findOrphanedJobs,
  findProcessingJobs,
  type ImportJobView,
  insertErrors,
  insertJob,
  insertJobFile,
  type StoredImportError,
  updateJob,
} from './imports.repository';

export const IMPORT_QUEUE = 'employee-import';
export type JobQueue = { send(name: string, data: object): Promise<string | null> };
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_ROWS = 200_000;
const MAX_ERRORS = 10_000;

const HANDLERS: Record<TImportKind, ImportKindHandler<unknown>> = {
  employees_new: newEmployeesImport as ImportKindHandler<unknown>,
  employees_update: updateEmployeesImport as ImportKindHandler<unknown>,
  attendance: attendanceImport as ImportKindHandler<unknown>,
};
const FAILED_LOG: Record<TImportKind, ImportMessageCode> = {
  employees_new: 'logErrorsNew',
  employees_update: 'logErrorsUpdate',
  attendance: 'logErrorsAttendance',
};
export const importColumns = (kind: TImportKind): ImportColumn[] => HANDLERS[kind].columns;

/**
 * Progress of a job this process runs that its write transaction cannot show yet: rows written (not
 * visible until commit) and, while pass 2 overlaps pass 1, rows validated (the write transaction
 * holds the job row, so pass 1 cannot update it).
 */
type InFlight = { written: number; validated: number; total: number };
const inFlight = new Map<string, InFlight>();

/** A stored message in Japanese; rows from before codes were stored keep their text. */
const japaneseOf = (code: string | null, params: Record<string, TMessageParam> | null, text: string | null) =>
  code ? importMessageJa({ code, params: params ?? undefined }) : (text ?? '');

const toView = (j: ImportJobView): TImportJob => {
  const f = j.status === 'processing' ? inFlight.get(j.id) : undefined;
  return {
    ...j,
    log: japaneseOf(j.logCode, j.logParams, j.log),
    logParams: j.logParams ?? null,
    kind: j.kind as TImportKind,
    status: j.status as TImportJob['status'],
    actorName: j.actorName ?? null,
    rowsTotal: Math.max(j.rowsTotal, f?.total ?? 0),
    rowsValidated: Math.max(j.rowsValidated, f?.validated ?? 0),
    rowsWritten: j.status === 'processing' ? (f?.written ?? 0) : j.rowsWritten,
    startedAt: j.startedAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
};

export async function startImport(
  db: Database,
  jobs: JobQueue,
  ctx: Actor,
  kind: TImportKind,
  fileName: string,
  file: Buffer,
): Promise<TImportJob> {
  if (file.length === 0) throw new AppError('CSV_INVALID', 'ファイルが空です');
  if (file.length > MAX_FILE_BYTES) throw new AppError('CSV_INVALID', 'ファイルが大きすぎます（64MBまで）');
  const job = await db.asTenant(ctx.tenantId, async (tx) => {
    const row = await insertJob(tx, {
      tenantId: ctx.tenantId,
      kind,
      fileName: fileName.replaceAll('\0', '').slice(0, 200) || 'upload',
      actorId: actingUserOf(ctx).userId,
      actorLoginId: actingUserOf(ctx).loginId,
    });
    await insertJobFile(tx, ctx.tenantId, row.id, file);
    return row;
  });
  await jobs.send(IMPORT_QUEUE, { tenantId: ctx.tenantId, jobId: job.id });
  return toView(job);
}

export async function getImport(db: Database, ctx: Actor, id: string): Promise<TImportJob> {
  const job = await db.asTenant(ctx.tenantId, (tx) => findJob(tx, id));
  if (!job) throw new AppError('NOT_FOUND', '取込履歴が見つかりません');
  return toView(job);
}

export async function listImports(db: Database, ctx: Actor, page: number, pageSize: number) {
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findJobsPage(tx, page, pageSize));
  return { items: items.map(toView), total, page, pageSize };
}

export async function listImportErrors(db: Database, ctx: Actor, id: string, page: number, pageSize: number) {
  await getImport(db, ctx, id);
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findErrorsPage(tx, id, page, pageSize));
  return {
    items: items.map((e): TImportError => ({ ...e, message: japaneseOf(e.code, e.params, e.message) })),
    total,
    page,
    pageSize,
  };
}

export async function exportImportErrors(db: Database, ctx: Actor, id: string, encoding: CsvEncoding) {
  const { items } = await listImportErrors(db, ctx, id, 1, MAX_ERRORS);
  return encodeCsv(
    [
      ['行', '社員番号', '氏名', '項目', '内容'],
      ...items.map((e) => [e.row, e.employeeNumber, e.employeeName, e.column, e.message]),
    ],
    encoding,
  );
}

/** 「新規登録用ファイル」/「更新用ファイル」/勤怠実績: CSV with one example row, or XLSX with notes and master lists. */
export async function templateFile(db: Database, ctx: Actor, kind: TImportKind, format: TFileFormat) {
  const columns = importColumns(kind);
  if (format !== 'xlsx') return encodeCsv([columns.map((c) => c.header), columns.map((c) => c.example)], format);
  const lists = await masterLists(db, ctx, columns);
  return buildXlsx({ sheetName: kind === 'attendance' ? '勤怠実績' : '従業員データ', columns, lists });
}

// ---- the job ------------------------------------------------------------------------------------

/** Jobs a stopped process left 処理中 are queued again (a second run of a finished job is a no-op). */
export async function resumeImports(db: Database, jobs: JobQueue): Promise<number> {
  const stale = await findProcessingJobs(db.owner);
  for (const j of stale) await jobs.send(IMPORT_QUEUE, { tenantId: j.tenantId, jobId: j.id });
  return stale.length;
}

/**
 * Jobs left 処理中 with no pg-boss job to run them are queued again (the worker's sweep, each minute):
 * an upload whose send failed after its commit, or a run whose retries a database outage used up.
 */
export async function resumeOrphanedImports(db: Database, jobs: JobQueue, jobsSchema: string): Promise<number> {
  const orphans = await findOrphanedJobs(db.owner, jobsSchema, IMPORT_QUEUE, 30);
  for (const j of orphans) await jobs.send(IMPORT_QUEUE, { tenantId: j.tenantId, jobId: j.id });
  return orphans.length;
}

/** Runs one import to its end; safe to run again and concurrently (a finished job is left alone). */
export async function runImport(db: Database, data: { tenantId: string; jobId: string }): Promise<void> {
  const { tenantId, jobId } = data;
  const job = await db.asTenant(tenantId, (tx) => findJob(tx, jobId));
  if (job?.status !== 'processing') return;
  const handler = HANDLERS[job.kind as TImportKind];
  const file = (await db.asTenant(tenantId, (tx) => findJobFile(tx, jobId))) ?? Buffer.alloc(0);
  const errors: TImportProblem[] = [];
  let errorTotal = 0;
  const index = new Map<string, number>();
  let rows: RowSource | null = null;
  // errors read left to right through the file, row by row
  const at = (column: string) => index.get(column) ?? Number.MAX_SAFE_INTEGER;
  const fail = async (log: TImportMessage) => {
    errors.sort((a, b) => a.row - b.row || at(a.column) - at(b.column));
    const reported = await withWhose(db, tenantId, errors, index, rows, job.kind === 'employees_update');
    await db.asTenant(tenantId, async (tx) => {
      const locked = await findJobForUpdate(tx, jobId);
      if (locked?.status !== 'processing') return;
      await insertErrors(tx, tenantId, jobId, reported);
      await updateJob(tx, jobId, {
        status: 'failed',
        finishedAt: new Date(),
        errorCount: errorTotal,
        ...logOf(log),
        file: null,
      });
      await deleteJobFile(tx, jobId);
    });
  };
  const fileError = (problem: TImportMessage) => {
    errors.push({ row: 0, column: '-', problem });
    errorTotal++;
    return fail(problem);
  };

  let opened: Awaited<ReturnType<typeof openImportFile>>;
  try {
    opened = await openImportFile(file, MAX_ROWS);
  } catch (e) {
    if (e instanceof ImportAbort) return fileError(e.problem);
    throw e;
  }
  const header = opened.header.map((h) => h.trim());
  rows = opened.rows;
  for (const [i, h] of header.entries()) if (h && !index.has(h)) index.set(h, i);

  const cellAt = (row: ImportRow, i: number | undefined) => {
    const v = i === undefined ? '' : (row.cells[i] ?? '').trim();
    // our CSV and XLSX exports escape formula-like cells with an apostrophe; undo it on the way back
    return v.charCodeAt(0) === 39 ? unescapeFormula(v) : v;
  };

  // On PostgreSQL pass 2 starts with pass 1 (the database writes while Node validates); its
  // transaction commits only if pass 1 reports nothing. PGlite has one connection: pass 1 first.
  const overlaps = db.kind === 'postgres' && handler.begin !== undefined;
  const progress: InFlight = { written: 0, validated: 0, total: 0 };
  let lastProgress = 0;
  let validatedRows = 0;
  const ctx: ImportContext = {
    db,
    tenantId,
    jobId,
    fileName: job.fileName,
    actor: { kind: 'job', tenantId, jobId, userId: job.actorId, loginId: job.actorLoginId, roles: [] },
    index,
    cell: (row, h) => cellAt(row, index.get(h)),
    cellAt,
    error: (e) => {
      errorTotal++;
      if (errors.length < MAX_ERRORS) errors.push(e);
    },
    errorCount: () => errorTotal,
    validated: async (n) => {
      validatedRows = Math.max(validatedRows, n);
      progress.validated = validatedRows;
      // Parsing resolves only microtasks: without a turn of the event loop the write pass's query
      // results, HTTP requests and timers would wait until pass 1 ends
      await turn();
      if (overlaps || n - lastProgress < 2000) return;
      lastProgress = n;
      await db.asTenant(tenantId, (tx) => updateJob(tx, jobId, { rowsValidated: n }));
    },
    written: (n) => {
      progress.written = n;
    },
  };

  const headerErrors = checkHeader(header, handler);
  if (headerErrors.length > 0) {
    for (const e of headerErrors) ctx.error(e);
    return fail(importMessage('logBadHeader'));
  }
  const noteTotal = async () => {
    const total = validatedRows;
    await db.asTenant(tenantId, (tx) => updateJob(tx, jobId, { rowsTotal: total, rowsValidated: total }));
  };
  const invalid = () => fail(importMessage(FAILED_LOG[job.kind as TImportKind], { count: errorTotal }));
  // nothing was written (one transaction); say why in 取込履歴
  const writeFailed = (e: unknown) => {
    const problem =
      e instanceof ImportAbort
        ? e.problem
        : isUniqueViolation(e)
          ? importMessage('logDuplicateWhileWriting')
          : findDatabaseError(e)?.code === '23503'
            ? importMessage('logMastersChanged') // a master deleted while the rows were written
            : null;
    if (!problem) throw e;
    errors.length = 0;
    return fileError(problem);
  };
  const finish = async (tx: Tx, result: { written: number; log: TImportMessage }) => {
    await updateJob(tx, jobId, {
      status: 'succeeded',
      finishedAt: new Date(),
      rowsTotal: validatedRows,
      rowsValidated: validatedRows,
      rowsWritten: result.written,
      ...logOf(result.log),
      file: null,
    });
    await deleteJobFile(tx, jobId);
  };

  const validateThenWrite = async () => {
    let state: unknown;
    try {
      state = await handler.validate(ctx, opened.rows);
    } catch (e) {
      if (e instanceof ImportAbort) return fileError(e.problem);
      throw e;
    }
    await noteTotal();
    if (errorTotal > 0) return invalid();
    // All valid: write everything and finish the job in the same transaction.
    try {
      await db.asTenant(tenantId, async (tx) => {
        // a second runner of the same job waits here, then finds it finished
        const locked = await findJobForUpdate(tx, jobId);
        if (locked?.status !== 'processing') return;
        await finish(tx, await handler.write(ctx, tx, state, opened.rows));
      });
    } catch (e) {
      return writeFailed(e);
    }
  };

  const validateWhileWriting = async () => {
    const early = await handler.begin!(ctx);
    // one parse for both passes: pass 1 hands its accepted batches over, one waiting at most (memory)
    const accepted = handOffQueue<unknown>(1);
    const validation = handler
      .validate(ctx, opened.rows, (batch) => accepted.put(batch))
      .then(
        () => {
          accepted.close();
          progress.total = validatedRows;
          return { error: null };
        },
        (error: unknown) => {
          accepted.fail(error);
          return { error };
        },
      );
    // pass 2 reports nothing: its row errors are pass 1's too. Any error (its own or pass 1's) stops it.
    let writeErrors = 0;
    const writeCtx: ImportContext = {
      ...ctx,
      error: () => {
        writeErrors++;
      },
      errorCount: () => writeErrors + errorTotal,
    };
    let discarded: { error: unknown } | null = null;
    try {
      await db.asTenant(tenantId, async (tx) => {
        const locked = await findJobForUpdate(tx, jobId);
        if (locked?.status !== 'processing') {
          accepted.abandon();
          await validation;
          return;
        }
        let result: { written: number; log: TImportMessage } | null = null;
        let writeError: unknown = null;
        try {
          result = await handler.write(writeCtx, tx, early, opened.rows, accepted);
        } catch (e) {
          writeError = e;
        } finally {
          accepted.abandon(); // pass 1 may go on finding errors; nobody reads its batches any more
        }
        const v = await validation;
        if (v.error || errorTotal > 0) {
          discarded = v;
          throw ROLLBACK; // pass 1 found a problem: nothing of pass 2 may stay
        }
        if (writeError) throw writeError;
        await finish(tx, result!);
      });
    } catch (e) {
      if (e !== ROLLBACK) return writeFailed(e);
    } finally {
      accepted.abandon(); // also when the transaction could not start
    }
    if (!discarded) return;
    const { error } = discarded as { error: unknown };
    if (error instanceof ImportAbort) return fileError(error.problem);
    if (error) throw error;
    await noteTotal();
    return invalid();
  };

  inFlight.set(jobId, progress);
  try {
    await (overlaps ? validateWhileWriting : validateThenWrite)();
  } finally {
    inFlight.delete(jobId);
  }
}

/**
 * 社員番号 and 氏名 of each error's row, so a report can be read without the file beside it: one more
 * streamed pass over the file, only when it failed. An update file names a registered employee by
 * 社員番号, so the registered name wins there (its name cells may hold a change or #削除); elsewhere the
 * file's name is shown, and the registered one only fills a row without one.
 */
async function withWhose(
  db: Database,
  tenantId: string,
  errors: TImportProblem[],
  index: Map<string, number>,
  rows: RowSource | null,
  isRegisteredFirst: boolean,
): Promise<StoredImportError[]> {
  const whose = new Map<number, { employeeNumber: string | null; employeeName: string | null }>();
  const lines = new Set(errors.filter((e) => e.row > 1).map((e) => e.row));
  const at = (name: string) => index.get(name);
  const [numberAt, lastAt, firstAt] = [at('社員番号'), at('本名(姓)'), at('本名(名)')];
  if (rows && lines.size > 0 && (numberAt !== undefined || lastAt !== undefined)) {
    const cell = (cells: string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    for await (const row of rows()) {
      if (!lines.has(row.line)) continue;
      const name = `${cell(row.cells, lastAt)} ${cell(row.cells, firstAt)}`.trim();
      whose.set(row.line, { employeeNumber: cell(row.cells, numberAt) || null, employeeName: name || null });
    }
    const unnamed = [...whose.values()].filter((w) => w.employeeNumber && (isRegisteredFirst || !w.employeeName));
    if (unnamed.length > 0) {
      const names = await db.asTenant(tenantId, (tx) =>
        findNamesByNumbers(
          tx,
          unnamed.map((w) => w.employeeNumber!),
        ),
      );
      for (const w of unnamed) w.employeeName = names.get(w.employeeNumber!) ?? w.employeeName;
    }
  }
  return errors.map(({ problem, ...e }) => ({
    ...e,
    code: problem.code,
    params: problem.params ?? null,
    ...(whose.get(e.row) ?? { employeeNumber: null, employeeName: null }),
  }));
}

/** The job's log columns for a message: the code and its parameters (the text is rendered when read). */
const logOf = (m: TImportMessage) => ({ log: '', logCode: m.code, logParams: m.params ?? null });

/** Thrown inside the write transaction to roll it back when pass 1, running alongside, found errors. */
const ROLLBACK = Symbol('rollback');

function checkHeader(names: string[], handler: ImportKindHandler<unknown>): TImportProblem[] {
  const known = new Set(handler.columns.map((c) => c.header));
  const required = handler.requiredHeaders ?? handler.columns.filter((c) => c.required).map((c) => c.header);
  const errors: TImportProblem[] = [];
  const problem = (code: ImportMessageCode, column: string) =>
    errors.push({ row: 1, column, problem: importMessage(code, { column }) });
  for (const h of required) if (!names.includes(h)) problem('headerMissing', h);
  const seen = new Set<string>();
  for (const h of names) {
    if (h && !known.has(h)) problem('headerUnknown', h);
    else if (h && seen.has(h)) problem('headerDuplicate', h);
    seen.add(h);
  }
  return errors;
}
