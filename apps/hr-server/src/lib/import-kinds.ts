// One import pipeline, several file kinds (新規登録, 更新, 勤怠実績). The pipeline reads the file
// (CSV or XLSX) and streams its rows twice: a validation pass over the whole file and a write pass
// inside one transaction that also finishes the job and commits only when no row had an error.
// It lives in lib/, below the pipeline (features/imports) and the kinds (features/attendance, …): a kind
// implements this contract without importing the imports feature, so the two slices form no circle.
import type { ImportColumn, TImportProblem } from '@jinji/contracts/hr/imports';
import type { Database, Tx } from '../db/client';
import type { Actor } from './actor';

export type ImportRow = { /** 1-based line in the file (the header is line 1) */ line: number; cells: string[] };

/** Re-iterable: each call streams the data rows of the file from the start. */
export type RowSource = () => AsyncIterable<ImportRow>;

export type ImportContext = {
  db: Database;
  tenantId: string;
  jobId: string;
  fileName: string;
  /** the job, acting for the user who uploaded the file */
  actor: Actor;
  /** header name (trimmed) → cell index */
  index: Map<string, number>;
  /** the trimmed cell of a column, '' when the column is absent or the cell empty */
  cell(row: ImportRow, header: string): string;
  error(e: TImportProblem): void;
  errorCount(): number;
  /** rows validated so far in the validation pass (throttled writes to the job) */
  validated(n: number): Promise<void>;
  /** rows written so far in the write pass (kept in memory: the write transaction is not visible yet) */
  written(n: number): void;
};

export type ImportKindHandler<S = unknown> = {
  columns: ImportColumn[];
  /** columns that must be present in the header (default: the required ones) */
  requiredHeaders?: string[];
  /** Pass 1: report every problem through ctx.error; return what pass 2 needs (keep it small). */
  validate(ctx: ImportContext, rows: RowSource): Promise<S>;
  /**
   * Optional: the state `write` needs, known before pass 1 ends. With it, on PostgreSQL, pass 2 writes
   * while pass 1 still validates, in a transaction that commits only when pass 1 reported nothing.
   */
  begin?(ctx: ImportContext): Promise<S>;
  /** Pass 2, only when pass 1 reported nothing: write everything in `tx`. */
  write(ctx: ImportContext, tx: Tx, state: S, rows: RowSource): Promise<{ written: number; log: string }>;
};

/** One turn of the event loop (I/O callbacks and timers run) between chunks of CPU-bound work. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
