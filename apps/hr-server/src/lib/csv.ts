// CSV as Japanese offices exchange it: UTF-8 with BOM or Shift_JIS (CP932, what Excel writes),
// CRLF, and formula-injection escaping on every export (ASVS 1.2.10).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'cp932';

// Characters CP932 lacks but that have a CP932 look-alike (Windows maps them the same way).
const CP932_SUBSTITUTES: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  '\u2016': '\u2225', // ‖ → ∥
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u2014': '\u2015', // — EM DASH → ―
};
const SUBSTITUTE_RE = new RegExp(`[${Object.keys(CP932_SUBSTITUTES).join('')}]`, 'g');

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

/** The import's inverse of escapeFormula: a file we exported comes back as it was. */
export function unescapeFormula(value: string): string {
  return /^'[=+\-@\t\r\0]/.test(value) ? value.slice(1) : value;
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
  if (encoding === 'utf8')
    return bom
      ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
      : Buffer.from(text, 'utf8');
  return iconv.encode(
    text.replace(SUBSTITUTE_RE, (c) => CP932_SUBSTITUTES[c] ?? c),
    'cp932',
  );
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else CP932. */
export function decodeText(input: Uint8Array): { text: string; encoding: CsvEncoding } {
  // a plain Uint8Array's toString() ignores the encoding and joins the byte values
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'cp932' };
  }
}

export function parseCsv(bytes: Uint8Array): string[][] {
  const { text } = decodeText(bytes);
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
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
