// CSV as Japanese offices exchange it: UTF-8 with BOM or Shift_JIS (CP932, what Excel writes), CRLF,
// and formula-injection escaping on every export. Reading uploads goes through table.ts.
import { Readable } from 'node:stream';
import { cp932Unencodable, decodeText, decodeTextChunks, encodeText, type TextEncoding } from '@jinji/ja/cp932';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { escapeFormula } from './formula';

export type CsvEncoding = TextEncoding;

// one set of parser options for every read: ragged rows allowed, empty lines skipped, and a record
// cap so an unbalanced quote cannot swallow a 64 MB upload into one cell
const PARSE_OPTIONS = { relax_column_count: true, skip_empty_lines: true, max_record_size: 1024 * 1024 };

/** The records of a CSV file, decoded and parsed chunk by chunk (encoding detected: UTF-8 or CP932). */
export async function* csvRecords(bytes: Uint8Array): AsyncGenerator<string[]> {
  const parser = Readable.from(decodeTextChunks(bytes), { objectMode: false }).pipe(parse(PARSE_OPTIONS));
  for await (const record of parser) yield record as string[];
}

/** A small CSV file at once, as written (no row skipped but empty lines): for reading back exports. */
export function parseCsv(bytes: Uint8Array): string[][] {
  return parseSync(decodeText(bytes).text, PARSE_OPTIONS) as string[][];
}

/** `bom: false` for the second and later chunks of a streamed file. */
export function encodeCsv(
  rows: (string | number | null | undefined)[][],
  encoding: CsvEncoding,
  { bom = true }: { bom?: boolean } = {},
): Buffer {
  const text = stringify(
    rows.map((r) => r.map((c) => escapeFormula(c === null || c === undefined ? '' : String(c)))),
    { record_delimiter: '\r\n' },
  );
  return encodeText(text, encoding, { bom });
}

/** Plain CSV text for COPY (no BOM, no formula escaping: this is data for the database, not a spreadsheet). Empty = NULL. */
export function encodeCsvText(rows: (string | null)[][]): string {
  return stringify(
    rows.map((r) => r.map((c) => c ?? '')),
    { record_delimiter: '\n', quoted_string: true, quoted_empty: false },
  );
}

/** A CSV file streamed batch by batch (header first), for exports too large to build in memory. */
export function streamCsv(
  header: string[],
  batches: AsyncIterable<(string | null)[][]>,
  encoding: CsvEncoding,
): Readable {
  return Readable.from(
    (async function* () {
      yield encodeCsv([header], encoding);
      for await (const rows of batches) if (rows.length > 0) yield encodeCsv(rows, encoding, { bom: false });
    })(),
  );
}

export type Cp932Loss = { row: number; column: string; key: string; characters: string };

/**
 * The cells a CP932 file of these rows would lose characters from, found before anything is written.
 * `row` is the file's line (the header is line 1); `key` the value of column `keyIndex` (the row's id
 * as the user knows it). At most `limit` cells are listed; `total` counts them all.
 */
export async function findCp932Losses(
  header: string[],
  batches: AsyncIterable<(string | null)[][]>,
  keyIndex: number,
  limit = 200,
): Promise<{ cells: Cp932Loss[]; total: number }> {
  const cells: Cp932Loss[] = [];
  let total = 0;
  let line = 1;
  for await (const rows of batches) {
    for (const row of rows) {
      line++;
      for (const [i, value] of row.entries()) {
        const characters = value ? cp932Unencodable(value) : '';
        if (!characters) continue;
        total++;
        if (cells.length < limit)
          cells.push({ row: line, column: header[i] ?? '', key: row[keyIndex] ?? '', characters });
      }
    }
  }
  return { cells, total };
}
