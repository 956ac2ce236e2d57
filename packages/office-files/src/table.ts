// The one reader of uploaded tables: CSV (UTF-8 or CP932, detected) or XLSX (first sheet, after the
// zip-bomb guard), told apart by their bytes. Rows stream on every pass, so a 64 MB file is never
// held as one record list; errors are FileReadError with a Japanese message and the row near it.
import type { TextEncoding } from '@jinji/ja/cp932';
import { detectEncoding } from '@jinji/ja/cp932';
import { csvRecords } from './csv';
import { FileReadError } from './file-read-error';
import { xlsxRows } from './xlsx';
import { assertSafeXlsx, looksLikeXlsx, XLSX_LIMITS, type ZipLimits } from './zip-guard';

export type TableFormat = 'csv' | 'xlsx';
/** `line`: the row as a spreadsheet numbers it (the header is row 1; a CSV counts records). */
export type TableRow = { line: number; cells: string[] };
export type Table = {
  format: TableFormat;
  /** the CSV's encoding; null for XLSX */
  encoding: TextEncoding | null;
  header: string[];
  /** the data rows after the header (blank ones skipped unless kept); each call reads the file again */
  rows: () => AsyncGenerator<TableRow>;
};
/**
 * `keepBlankRows`: rows whose every cell is empty (「,,,」) are rows too, for readers that report them;
 * by default they are skipped, as a spreadsheet user does not see them.
 */
export type TableOptions = { maxRows: number; keepBlankRows?: boolean; limits?: ZipLimits };

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
// PostgreSQL text cannot hold NUL; a NUL in a cell is never data anyone meant to keep
const clean = (cells: string[]) =>
  cells.some((c) => c.includes('\0')) ? cells.map((c) => c.replaceAll('\0', '')) : cells;
const tooMany = (maxRows: number, line: number) => new FileReadError('fileTooManyRows', { max: maxRows }, line);

function openXlsx(bytes: Uint8Array, header: string[], headerRow: number, o: TableOptions): Table {
  const skip = (cells: string[]) => !o.keepBlankRows && isBlank(cells);
  return {
    format: 'xlsx',
    encoding: null,
    header,
    rows: async function* () {
      let count = 0;
      for await (const { rowNumber, cells } of xlsxRows(bytes)) {
        if (rowNumber <= headerRow || skip(cells)) continue;
        if (++count > o.maxRows) throw tooMany(o.maxRows, rowNumber);
        yield { line: rowNumber, cells: clean(cells) };
      }
    },
  };
}

function openCsv(bytes: Uint8Array, header: string[], o: TableOptions): Table {
  const skip = (cells: string[]) => !o.keepBlankRows && isBlank(cells);
  return {
    format: 'csv',
    encoding: detectEncoding(bytes).encoding,
    header,
    rows: async function* () {
      let line = 0;
      let count = 0;
      try {
        for await (const cells of csvRecords(bytes)) {
          line++;
          if (line === 1 || skip(cells)) continue;
          if (++count > o.maxRows) throw tooMany(o.maxRows, line);
          yield { line, cells: clean(cells) };
        }
      } catch (e) {
        if (e instanceof FileReadError) throw e;
        throw new FileReadError('fileCsvUnreadableNear', { line: line + 1 }, line + 1);
      }
    },
  };
}

/**
 * Opens an uploaded table: its format from its bytes (a ZIP is XLSX, anything else CSV), its header
 * read, its rows ready to stream. Throws FileReadError for an unreadable or unsafe file; `rows()`
 * throws it too, for a broken record or more than `maxRows` data rows.
 */
export async function openTable(bytes: Uint8Array, options: TableOptions): Promise<Table> {
  if (looksLikeXlsx(bytes)) {
    await assertSafeXlsx(bytes, options.limits ?? XLSX_LIMITS);
    for await (const first of xlsxRows(bytes)) return openXlsx(bytes, clean(first.cells), first.rowNumber, options);
    return openXlsx(bytes, [], 0, options);
  }
  try {
    for await (const record of csvRecords(bytes)) return openCsv(bytes, clean(record), options);
  } catch {
    throw new FileReadError('fileCsvUnreadable', undefined, 1);
  }
  return openCsv(bytes, [], options);
}

/** A small table at once (a master list, an export read back): openTable with every row collected. */
export async function readTable(
  bytes: Uint8Array,
  options: TableOptions,
): Promise<Omit<Table, 'rows'> & { rows: TableRow[] }> {
  const table = await openTable(bytes, options);
  const rows: TableRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  return { ...table, rows };
}
