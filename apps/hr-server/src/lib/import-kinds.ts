// One import pipeline, several file kinds (新規登録, 更新, 勤怠実績). The pipeline reads the file
// (CSV or XLSX) and streams its rows twice: a validation pass over the whole file and a write pass
// inside one transaction that also finishes the job and commits only when no row had an error.
// It lives in lib/, below the pipeline (features/imports) and the kinds (features/attendance, …): a kind
// implements this contract without importing the imports feature, so the two slices form no circle.
import type { TImportMessage } from '@jinji/contracts/hr/import-messages';
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
  /** the same by the column's index in `index` (looked up once per file, not once per cell) */
  cellAt(row: ImportRow, i: number | undefined): string;
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
  /**
   * Pass 1: report every problem through ctx.error; return what pass 2 needs (keep it small). With
   * `handOff` (pass 2 runs alongside, see `begin`), each batch of rows it accepted goes to pass 2 as it
   * is parsed, so the file is parsed and checked once; awaiting it keeps pass 1 a few batches ahead.
   */
  validate(ctx: ImportContext, rows: RowSource, handOff?: (batch: unknown) => Promise<void>): Promise<S>;
  /**
   * Optional: the state `write` needs, known before pass 1 ends. With it, on PostgreSQL, pass 2 writes
   * while pass 1 still validates, in a transaction that commits only when pass 1 reported nothing.
   */
  begin?(ctx: ImportContext): Promise<S>;
  /**
   * Pass 2, only when pass 1 reported nothing: write everything in `tx`. `accepted` holds the batches
   * pass 1 handed off (when it was given `handOff`); without it pass 2 reads and parses `rows` again.
   */
  write(
    ctx: ImportContext,
    tx: Tx,
    state: S,
    rows: RowSource,
    accepted?: AsyncIterable<unknown>,
  ): Promise<{ written: number; log: TImportMessage }>;
};

/**
 * A bounded queue from pass 1 to pass 2: `put` waits while `capacity` items are waiting, so memory holds
 * a few batches, not the file. `close` ends it (pass 1 done), `fail` makes the reader throw, and
 * `abandon` (the reader stopped: done or failed) lets every later `put` return at once, so pass 1 can go
 * on reporting the rest of the file's errors without a reader.
 */
export function handOffQueue<T>(capacity: number) {
  const items: T[] = [];
  let ended: { error: unknown } | 'closed' | null = null;
  let abandoned = false;
  let wakeReader: (() => void) | null = null;
  const wakeWriters: (() => void)[] = [];
  const wake = () => {
    wakeReader?.();
    wakeReader = null;
  };
  return {
    async put(item: T): Promise<void> {
      while (!abandoned && items.length >= capacity) await new Promise<void>((r) => wakeWriters.push(r));
      if (abandoned) return;
      items.push(item);
      wake();
    },
    close() {
      ended ??= 'closed';
      wake();
    },
    fail(error: unknown) {
      ended ??= { error };
      wake();
    },
    abandon() {
      abandoned = true;
      items.length = 0;
      for (const w of wakeWriters.splice(0)) w();
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      for (;;) {
        if (items.length > 0) {
          const item = items.shift()!;
          wakeWriters.shift()?.();
          yield item;
          continue;
        }
        if (ended === 'closed') return;
        if (ended) throw ended.error;
        await new Promise<void>((r) => {
          wakeReader = r;
        });
      }
    },
  };
}

/** Ends an import with one message for the whole file (unreadable, changed while importing): 取込履歴 shows it. */
export class ImportAbort extends Error {
  override name = 'ImportAbort';
  constructor(readonly problem: TImportMessage) {
    super(problem.code);
  }
}

/** One turn of the event loop (I/O callbacks and timers run) between chunks of CPU-bound work. */
export const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
