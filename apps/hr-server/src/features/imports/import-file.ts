// Reads an uploaded file as rows without holding it as one big record list: CSV is decoded and
// parsed in chunks on every pass; XLSX is checked against zip bombs once, then streamed on every pass.
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../lib/app-error';
import type { ImportRow, RowSource } from '../../lib/import-kinds';
import { assertSafeXlsx, looksLikeXlsx, XlsxError, xlsxRows } from '../../lib/xlsx';

const CHUNK = 64 * 1024;

export type ImportFile = { format: 'csv' | 'xlsx'; header: string[]; rows: RowSource };

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
// PostgreSQL text cannot hold NUL; a NUL in a cell is never data anyone meant to keep
const clean = (cells: string[]) =>
  cells.some((c) => c.includes('\0')) ? cells.map((c) => c.replaceAll('\0', '')) : cells;

function* decodedChunks(bytes: Buffer): Generator<string> {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  // UTF-8 when the bytes are valid UTF-8; otherwise CP932 (what Excel writes), NEC/IBM extensions included
  const decoder = isUtf8(body) ? new StringDecoder('utf8') : iconv.getDecoder('cp932');
  for (let i = 0; i < body.length; i += CHUNK) {
    const text = decoder.write(body.subarray(i, i + CHUNK));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

async function* csvRecords(bytes: Buffer): AsyncGenerator<string[]> {
  const parser = Readable.from(decodedChunks(bytes), { objectMode: false }).pipe(
    parse({ relax_column_count: true, skip_empty_lines: true, max_record_size: 1024 * 1024 }),
  );
  for await (const record of parser) yield record as string[];
}

/** Header first, then data rows numbered as a spreadsheet would (the header is row 1); blank rows skipped. */
export async function openImportFile(bytes: Buffer, maxRows: number): Promise<ImportFile> {
  if (looksLikeXlsx(bytes)) {
    // the zip-bomb guard runs once; each pass then streams the sheet (exceljs WorkbookReader)
    const readable = async <T>(fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (e) {
        if (e instanceof XlsxError) throw new AppError('CSV_INVALID', e.message);
        throw e;
      }
    };
    await readable(() => assertSafeXlsx(bytes));
    const first = await readable(async () => {
      for await (const row of xlsxRows(bytes)) return row;
      return null;
    });
    return {
      format: 'xlsx',
      header: clean(first?.cells ?? []),
      rows: async function* (): AsyncGenerator<ImportRow> {
        let count = 0;
        const rows = xlsxRows(bytes)[Symbol.asyncIterator]();
        for (;;) {
          const next = await readable(() => rows.next());
          if (next.done) return;
          const { rowNumber, cells } = next.value;
          if (rowNumber <= (first?.rowNumber ?? 0) || isBlank(cells)) continue;
          if (++count > maxRows) throw new AppError('CSV_INVALID', `一度に取り込めるのは${maxRows}行までです`);
          yield { line: rowNumber, cells: clean(cells) };
        }
      },
    };
  }
  let header: string[] = [];
  try {
    for await (const record of csvRecords(bytes)) {
      header = clean(record);
      break;
    }
  } catch {
    throw new AppError('CSV_INVALID', 'CSVファイルとして読み込めません');
  }
  return {
    format: 'csv',
    header,
    rows: async function* (): AsyncGenerator<ImportRow> {
      let line = 0;
      let count = 0;
      try {
        for await (const cells of csvRecords(bytes)) {
          line++;
          if (line === 1 || isBlank(cells)) continue;
          if (++count > maxRows) throw new AppError('CSV_INVALID', `一度に取り込めるのは${maxRows}行までです`);
          yield { line, cells: clean(cells) };
        }
      } catch (e) {
        if (e instanceof AppError) throw e;
        throw new AppError('CSV_INVALID', `CSVファイルとして読み込めません（${line + 1}行目付近）`);
      }
    },
  };
}
