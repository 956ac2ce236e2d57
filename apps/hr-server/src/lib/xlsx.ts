// XLSX for bulk import: the template workbook users fill in, and reading their upload back as rows of
// strings (what parseCsv gives), behind a zip-bomb guard because uploads are untrusted.

import { PassThrough, Readable } from 'node:stream';
import type { ImportColumn } from '@jinji/contracts/imports';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/** Thrown for any unreadable/unsafe workbook; message is Japanese and shown to users. */
export class XlsxError extends Error {
  override name = 'XlsxError';
}

export const XLSX_LIMITS = { maxUncompressedBytes: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 2000 };

const UNREADABLE = 'Excelファイル（.xlsx）として読み込めません';
const LIST_SHEET = 'リスト';
// Validation reaches this far below the data so users can append rows and still get the dropdown.
const MIN_VALIDATION_LAST_ROW = 10_000;
const EXTRA_VALIDATION_ROWS = 1000;
const RATIO_MIN_BYTES = 1024 * 1024;

/** true when the bytes start like a ZIP (PK\x03\x04) – used to tell XLSX from CSV. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

// Excel column width is in characters of the default font; full-width characters take two.
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += c <= 0xff || (c >= 0xff61 && c <= 0xff9f) ? 1 : 2; // Latin-1 and half-width kana are narrow
  }
  return w;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The template workbook 「新規登録用ファイル」/「更新用ファイル」 (or an export when `rows` is given):
 * text-formatted columns, header notes with the input rules, and dropdowns fed from a hidden 'リスト' sheet.
 */
export async function buildXlsx(opts: {
  sheetName: string;
  columns: ImportColumn[];
  lists?: Record<string, string[]>;
  rows?: (string | null)[][];
}): Promise<Buffer> {
  const { sheetName, columns, lists = {} } = opts;
  const rows = opts.rows ?? [columns.map((c) => c.example)];

  const wb = new ExcelJS.Workbook();
  wb.creator = 'jinji';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });

  // '@' on the column (not just the written cells) so values typed later also stay text: 000123, 2025/04/01.
  ws.columns = columns.map((c, i) => {
    let w = Math.max(displayWidth(c.header), displayWidth(c.example));
    for (const r of rows.slice(0, 200)) w = Math.max(w, displayWidth(r[i] ?? ''));
    return { key: c.key, width: Math.min(Math.max(w + 2, 10), 50), style: { numFmt: '@' } };
  });

  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.numFmt = '@';
    cell.font = { bold: true, color: { argb: c.required ? 'FF9C0006' : 'FF000000' } };
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFFC7CE' : 'FFE7E6E6' },
    };
    cell.alignment = { vertical: 'middle' };
    const lines = [c.required ? '【必須】' : '【任意】', c.format];
    if (c.example) lines.push(`例: ${c.example}`);
    cell.note = {
      texts: [{ text: `${lines[0]}\n`, font: { bold: true } }, { text: lines.slice(1).join('\n') }],
    };
  });
  header.commit();

  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    columns.forEach((_, i) => {
      const v = values[i];
      if (v === null || v === undefined || v === '') return;
      const cell = row.getCell(i + 1);
      // a string cell is never evaluated by Excel, so no formula escaping is needed here (unlike CSV)
      cell.value = v;
      cell.numFmt = '@';
    });
  });

  const listColumns = columns.map((c, i) => ({ c, i, values: lists[c.key] ?? [] })).filter((x) => x.values.length);
  if (listColumns.length) {
    const listSheet = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
    const lastRow = Math.max(MIN_VALIDATION_LAST_ROW, rows.length + EXTRA_VALIDATION_ROWS) + 1;
    listColumns.forEach(({ c, i, values }, j) => {
      const col = columnLetter(j);
      listSheet.getColumn(j + 1).numFmt = '@';
      listSheet.getColumn(j + 1).width = Math.min(
        Math.max(...values.map(displayWidth), displayWidth(c.header)) + 2,
        50,
      );
      listSheet.getCell(`${col}1`).value = c.header;
      values.forEach((v, k) => {
        const cell = listSheet.getCell(`${col}${k + 2}`);
        cell.value = v;
        cell.numFmt = '@';
      });
      const target = columnLetter(i);
      // One range-keyed validation per column (exceljs supports 'A2:A10001' keys at runtime, untyped).
      // A sheet range, not an inline "a,b,c" list: Excel caps those at 255 chars and names may contain commas.
      (
        ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${target}2:${target}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`'${LIST_SHEET}'!$${col}$2:$${col}$${values.length + 1}`],
        // warning, not stop: the import accepts a code as well as a name
        errorStyle: 'warning',
        showErrorMessage: true,
        errorTitle: '入力値の確認',
        error: `「${c.header}」の一覧にない値です。コードまたは名称を入力してください。`,
      });
    });
  }

  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

// Inflates every entry (counting, not keeping, the bytes) so a bomb is caught before exceljs/JSZip
// would materialise it; declared sizes in the zip are not trusted.
async function assertSafeZip(buf: Buffer, limits: typeof XLSX_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { validateEntrySizes: true, lazyEntries: true });
  } catch {
    throw new XlsxError(UNREADABLE);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new XlsxError('ファイル内の項目が多すぎるため読み込めません');
    const tooLarge = () => new XlsxError('ファイルを展開したサイズが大きすぎるため読み込めません');
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      let inflated = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          inflated += chunk.length;
          total += chunk.length;
          if (total > limits.maxUncompressedBytes) throw tooLarge();
          if (inflated > RATIO_MIN_BYTES && inflated / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
            throw new XlsxError('ファイルの圧縮率が異常なため読み込めません');
          }
        }
      } finally {
        stream.destroy();
      }
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError(UNREADABLE);
  } finally {
    zip.close();
  }
}

// Excel keeps 15 significant digits; showing more only exposes binary float noise (0.1+0.2).
const DECIMAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  return DECIMAL.format(n);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getUTCFullYear()}/${p(v.getUTCMonth() + 1)}/${p(v.getUTCDate())}`;
  }
  if ('richText' in v) return (v.richText ?? []).map((r) => r.text ?? '').join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result ?? null);
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  return ''; // error values (#N/A …) and anything unknown
}

const toBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The zip-bomb guard alone: every entry inflated against a byte budget before anything parses it. */
export async function assertSafeXlsx(bytes: Uint8Array, limits: typeof XLSX_LIMITS = XLSX_LIMITS): Promise<void> {
  if (!looksLikeXlsx(bytes)) throw new XlsxError(UNREADABLE);
  await assertSafeZip(toBuffer(bytes), limits);
}

/**
 * The first worksheet's non-empty rows as strings, streamed (exceljs's WorkbookReader): a 100,000-row
 * workbook is never materialised as cells. Call assertSafeXlsx first. Only <sheetData> is read, so
 * whole-sheet validations and merges cost nothing (a merged range's value is in its first cell only).
 */
export async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<{ rowNumber: number; cells: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([toBuffer(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) {
          const text = cellText(values[i] ?? null);
          if (text !== '') cells[i - 1] = text;
        }
        if (cells.length > 0) yield { rowNumber: row.number, cells: Array.from(cells, (c) => c ?? '') };
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError(UNREADABLE);
  }
  if (!sawSheet) throw new XlsxError(UNREADABLE);
}

/** Reads the first worksheet as rows of strings (like parseCsv), after a zip-bomb guard. */
export async function readXlsxRows(
  bytes: Uint8Array,
  opts: { maxRows?: number; limits?: typeof XLSX_LIMITS } = {},
): Promise<string[][]> {
  await assertSafeXlsx(bytes, opts.limits ?? XLSX_LIMITS);
  const rows: string[][] = [];
  for await (const { rowNumber, cells } of xlsxRows(bytes)) {
    if (opts.maxRows !== undefined && rowNumber - 1 > opts.maxRows)
      throw new XlsxError(`一度に取り込めるのは${opts.maxRows}行までです`);
    while (rows.length < rowNumber - 1) rows.push([]);
    rows.push(cells);
  }
  return rows;
}

/**
 * A large export as a stream: rows are written and released batch by batch (exceljs's streaming
 * writer, inline strings), so 100,000 employees never sit in memory as cells. Header as in buildXlsx
 * (bold, frozen, text columns); the input-rule notes and drop-downs stay in the template.
 */
export function streamXlsx(opts: {
  sheetName: string;
  columns: ImportColumn[];
  batches: AsyncIterable<(string | null)[][]>;
}): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(opts.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = opts.columns.map((c) => ({
    key: c.key,
    width: Math.min(Math.max(displayWidth(c.header) + 2, 12), 40),
    style: { numFmt: '@' },
  }));
  (async () => {
    const header = ws.addRow(opts.columns.map((c) => c.header));
    header.eachCell((cell, i) => {
      cell.font = { bold: true, color: { argb: opts.columns[i - 1]?.required ? 'FF9C0006' : 'FF000000' } };
    });
    header.commit();
    for await (const batch of opts.batches) {
      for (const values of batch) ws.addRow(values.map((v) => (v === null || v === '' ? null : v))).commit();
    }
    ws.commit();
    await wb.commit();
  })().catch((e) => out.destroy(e));
  return out;
}
