// CSV as Japanese offices exchange it: UTF-8 with BOM or Shift_JIS (CP932, what Excel writes),
// CRLF, and formula-injection escaping on every export (ASVS 1.2.10).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf8' | 'cp932';

/**
 * Characters CP932 lacks but that have a CP932 look-alike, and the form they take in a CP932 file.
 * Source: the differences between the JIS X 0208 mapping (Unicode's JIS0208.TXT / SHIFTJIS.TXT) and
 * Microsoft's (CP932.TXT, "WINDOWS-31J" in the IANA registry) for the same Shift_JIS bytes, e.g.
 * 0x8160 is 〜 U+301C in JIS but ～ U+FF5E in CP932; plus the JIS X 0201 Roman ¥ and ‾ that CP932
 * writes as 0x5C and 0x7E (\ and ~). Windows, Excel and iconv-lite all decode the bytes to the
 * right-hand side, so a value exported in CP932 comes back in that form: the pairs are equivalent.
 */
const CP932_SUBSTITUTES: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～ FULLWIDTH TILDE (0x8160)
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO (0x8161)
  '\u2212': '\uFF0D', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS (0x817C)
  '\u00A2': '\uFFE0', // ¢ → ￠ (0x8191)
  '\u00A3': '\uFFE1', // £ → ￡ (0x8192)
  '\u00AC': '\uFFE2', // ¬ → ￢ (0x81CA)
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR (0x815C)
  '\u00A5': '\u005C', // ¥ YEN SIGN → \ (0x5C, shown as ¥ by Japanese fonts)
  '\u203E': '\u007E', // ‾ OVERLINE → ~ (0x7E)
};
const SUBSTITUTE_RE = new RegExp(`[${Object.keys(CP932_SUBSTITUTES).join('')}]`, 'g');
const toCp932Form = (text: string) => text.replace(SUBSTITUTE_RE, (c) => CP932_SUBSTITUTES[c] ?? c);

// per code point, filled as characters are met: a cell costs a Map lookup per character, not an
// encode/decode round trip (an export checks millions of cells)
const encodableCache = new Map<number, boolean>();
function isCp932Encodable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80) return true;
  let ok = encodableCache.get(cp);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
    encodableCache.set(cp, ok);
  }
  return ok;
}

/**
 * The characters of `text` that a CP932 file cannot hold (iconv-lite would write 「?」), each once:
 * 「𠮷」 of 𠮷野, emoji, accented Latin. '' when the text survives a CP932 round trip.
 */
export function cp932Unencodable(text: string): string {
  let lost = '';
  for (const ch of toCp932Form(text)) if (!isCp932Encodable(ch) && !lost.includes(ch)) lost += ch;
  return lost;
}

/**
 * Whether two values are equal or differ only by the CP932 mapping above (〜 stored, ～ read back
 * from a CP932 file): such a difference is the file's encoding, not an edit.
 */
export function isCp932Equivalent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'string' && typeof b === 'string' && toCp932Form(a) === toCp932Form(b);
}

export type Cp932Loss = { row: number; column: string; key: string; characters: string };

/**
 * The cells a CP932 file of these rows would lose characters from, found before anything is written.
 * `row` is the file's line (the header is line 1); `key` the value of column `keyIndex` (社員番号).
 * At most `limit` cells are listed; `total` counts them all.
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
  return iconv.encode(toCp932Form(text), 'cp932');
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
