// XLSX as offices exchange it: the template or export workbook (text-formatted columns, header notes,
// drop-downs fed from a hidden sheet), and a streaming reader of an upload's first sheet as rows of
// strings. Uploads pass the zip-bomb guard (zip-guard.ts) first; table.ts does both in order.

import { PassThrough, type Readable } from 'node:stream';
import { excelSerialDay } from '@jinji/ja/dates';
import { displayWidth } from '@jinji/ja/text';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { FileReadError } from './file-read-error';
import { escapeFormula } from './formula';

/** One column of a sheet: its header, whether it must be filled, the input rule and an example value. */
export type SheetColumn = { key: string; header: string; required: boolean; format: string; example: string };

const LIST_SHEET = 'リスト';
// Validation reaches this far below the data so users can append rows and still get the dropdown.
const MIN_VALIDATION_LAST_ROW = 10_000;
const EXTRA_VALIDATION_ROWS = 1000;

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

/** A header cell: bold, coloured when required, with the column's input rule as a note. */
function decorateHeader(cell: ExcelJS.Cell, c: SheetColumn): void {
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
}

/**
 * Drop-downs fed from a hidden 'リスト' sheet, one validation range per column. Works on a Workbook and
 * on the streaming WorkbookWriter (whose sheets take rows only through addRow).
 */
function addListValidations(
  wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter,
  ws: ExcelJS.Worksheet,
  columns: SheetColumn[],
  lists: Record<string, string[]>,
  lastRow: number,
): void {
  const listColumns = columns.map((c, i) => ({ c, i, values: lists[c.key] ?? [] })).filter((x) => x.values.length);
  if (listColumns.length === 0) return;
  const listSheet = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
  listSheet.columns = listColumns.map(({ c, values }) => ({
    width: Math.min(Math.max(...values.map(displayWidth), displayWidth(c.header)) + 2, 50),
    style: { numFmt: '@' },
  }));
  const height = Math.max(...listColumns.map((x) => x.values.length));
  listSheet.addRow(listColumns.map((x) => x.c.header)).commit();
  for (let k = 0; k < height; k++) listSheet.addRow(listColumns.map((x) => x.values[k] ?? null)).commit();
  listColumns.forEach(({ c, i, values }, j) => {
    const col = columnLetter(j);
    const target = columnLetter(i);
    // One range-keyed validation per column (exceljs supports 'A2:A10001' keys at runtime, untyped).
    // A sheet range, not an inline "a,b,c" list: Excel caps those at 255 chars and names may contain commas.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${target}2:${target}${lastRow}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`'${LIST_SHEET}'!$${col}$2:$${col}$${values.length + 1}`],
        // warning, not stop: the import accepts a code as well as a name
        errorStyle: 'warning',
        showErrorMessage: true,
        errorTitle: '入力値の確認',
        error: `「${c.header}」の一覧にない値です。コードまたは名称を入力してください。`,
      },
    );
  });
}

/**
 * The template workbook 「新規登録用ファイル」/「更新用ファイル」 (or an export when `rows` is given):
 * text-formatted columns, header notes with the input rules, and dropdowns fed from a hidden 'リスト' sheet.
 */
export async function buildXlsx(opts: {
  sheetName: string;
  columns: SheetColumn[];
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
  for (const [i, c] of columns.entries()) decorateHeader(header.getCell(i + 1), c);
  header.commit();

  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    columns.forEach((_, i) => {
      const v = values[i];
      if (v === null || v === undefined || v === '') return;
      const cell = row.getCell(i + 1);
      // escaped as in CSV: the sheet is edited, copied and saved as CSV, where =… would run
      cell.value = escapeFormula(v);
      cell.numFmt = '@';
    });
  });

  addListValidations(
    wb,
    ws,
    columns,
    lists,
    Math.max(MIN_VALIDATION_LAST_ROW, rows.length + EXTRA_VALIDATION_ROWS) + 1,
  );

  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

// Excel keeps 15 significant digits; showing more only exposes binary float noise (0.1+0.2).
const DECIMAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: 15 });

function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  return DECIMAL.format(n);
}

// ---- streaming reader ------------------------------------------------------------------------------
// Our own SAX pass over the sheet XML: exceljs's WorkbookReader decodes each zip chunk separately and
// breaks a multi-byte character that straddles two chunks (タロ��� in a real export), and its
// non-streaming loader needs ~1.7 GB for 100,000 rows. Here each entry is decoded with one streaming
// TextDecoder, and only what a cell's text needs is kept: shared strings (without ふりがな <rPh>),
// which styles are dates, and whether the workbook counts from 1904.

const local = (name: string) => name.slice(name.indexOf(':') + 1);
// ECMA-376 built-in number formats that are dates or times (27–36 and 50–58 are the East Asian ones: 和暦)
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
const isDateFormatCode = (code: string) =>
  /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, ''),
  );

type Zip = { zip: yauzl.ZipFile; entries: Map<string, yauzl.Entry> };

const toBuffer = (bytes: Uint8Array) =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

async function openZip(buf: Buffer): Promise<Zip> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, validateEntrySizes: true });
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) entries.set(entry.fileName.replace(/^\//, ''), entry);
  return { zip, entries };
}

async function* entryText(z: Zip, name: string): AsyncGenerator<string> {
  const entry = z.entries.get(name);
  if (!entry) return;
  const stream = await z.zip.openReadStreamPromise(entry);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

type SaxHandlers = {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
};

/** Streams one entry through saxes; `after` runs after each chunk (to hand out what it produced). */
async function* sax(z: Zip, name: string, h: SaxHandlers): AsyncGenerator<void> {
  if (!z.entries.has(name)) return; // e.g. no sharedStrings.xml when every string is inline
  const parser = new SaxesParser();
  let error: Error | undefined;
  parser.on('error', (e) => {
    error = e;
  });
  if (h.open) parser.on('opentag', (t) => h.open!(local(t.name), t.attributes as Record<string, string>));
  if (h.text) parser.on('text', (t) => h.text!(t));
  if (h.close) parser.on('closetag', (t) => h.close!(local(t.name)));
  for await (const text of entryText(z, name)) {
    parser.write(text);
    if (error) throw error;
    yield;
  }
  parser.close();
  if (error) throw error;
}

async function drain(it: AsyncGenerator<void>): Promise<void> {
  for await (const _ of it);
}

/** The path of the first sheet in workbook order, and the workbook's date system. */
async function firstSheet(z: Zip): Promise<{ path: string; date1904: boolean }> {
  let rid: string | undefined;
  let date1904 = false;
  await drain(
    sax(z, 'xl/workbook.xml', {
      open(name, a) {
        if (name === 'sheet' && rid === undefined)
          rid = a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id')?.[1];
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      },
    }),
  );
  let target: string | undefined;
  await drain(
    sax(z, 'xl/_rels/workbook.xml.rels', {
      open(name, a) {
        if (name === 'Relationship' && a.Id === rid) target = a.Target;
      },
    }),
  );
  if (!target) throw new FileReadError('fileXlsxUnreadable');
  return { path: target.startsWith('/') ? target.slice(1) : `xl/${target}`, date1904 };
}

/** Style index → is a date format. */
async function dateStyles(z: Zip): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await drain(
    sax(z, 'xl/styles.xml', {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    }),
  );
  return xfs.map((id) => (custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
}

async function sharedStrings(z: Zip): Promise<string[]> {
  const out: string[] = [];
  let current: string[] | null = null;
  let inT = false;
  let inPhonetic = 0;
  await drain(
    sax(z, 'xl/sharedStrings.xml', {
      open(name) {
        if (name === 'si') current = [];
        else if (name === 'rPh') inPhonetic++;
        else if (name === 't') inT = true;
      },
      text(t) {
        if (inT && inPhonetic === 0 && current) current.push(t);
      },
      close(name) {
        if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic--;
        else if (name === 'si' && current) {
          out.push(current.join(''));
          current = null;
        }
      },
    }),
  );
  return out;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/**
 * The first worksheet's non-empty rows as strings, streamed. Call assertSafeXlsx first. Only
 * <sheetData> is read, so whole-sheet validations and merges cost nothing (a merged range's value is
 * in its first cell only).
 */
export async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<{ rowNumber: number; cells: string[] }> {
  let z: Zip;
  try {
    z = await openZip(toBuffer(bytes));
  } catch {
    throw new FileReadError('fileXlsxUnreadable');
  }
  try {
    const [{ path, date1904 }, dates, strings] = await Promise.all([firstSheet(z), dateStyles(z), sharedStrings(z)]);
    if (!z.entries.has(path)) throw new FileReadError('fileXlsxUnreadable');
    let ready: { rowNumber: number; cells: string[] }[] = [];
    let rowNumber = 0;
    let cells: string[] = [];
    let col = -1;
    let cell: { t: string; s: number } | null = null;
    let value: string[] = [];
    let inValue = false;
    let inPhonetic = 0;
    const parse = sax(z, path, {
      open(name, a) {
        if (name === 'row') {
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          cells = [];
          col = -1;
        } else if (name === 'c') {
          col = a.r ? columnIndex(a.r) : col + 1;
          cell = { t: a.t ?? 'n', s: Number(a.s ?? 0) };
          value = [];
        } else if (name === 'rPh') inPhonetic++;
        else if (cell && (name === 'v' || (name === 't' && cell.t === 'inlineStr'))) inValue = true;
      },
      text(t) {
        if (inValue && inPhonetic === 0) value.push(t);
      },
      close(name) {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'rPh') inPhonetic--;
        else if (name === 'c' && cell) {
          const v = value.join('');
          let text = '';
          if (cell.t === 's') text = strings[Number(v)] ?? '';
          else if (cell.t === 'inlineStr' || cell.t === 'str') text = v;
          else if (cell.t === 'b') text = v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
          else if (cell.t === 'd') text = v.slice(0, 10).replaceAll('-', '/');
          else if (cell.t === 'n' && v.trim() !== '') {
            const n = Number(v);
            text = Number.isNaN(n)
              ? ''
              : dates[cell.s]
                ? (excelSerialDay(n, { date1904 })?.replaceAll('-', '/') ?? '')
                : numberText(n);
          } // 'e' (#N/A …) stays empty
          if (text !== '' && col >= 0) cells[col] = text;
          cell = null;
        } else if (name === 'row') {
          if (cells.length > 0) ready.push({ rowNumber, cells: Array.from(cells, (c) => c ?? '') });
        }
      },
    });
    for await (const _ of parse) {
      if (ready.length === 0) continue;
      const out = ready;
      ready = [];
      yield* out;
    }
    yield* ready;
  } catch (e) {
    if (e instanceof FileReadError) throw e;
    throw new FileReadError('fileXlsxUnreadable');
  } finally {
    z.zip.close();
  }
}

/**
 * A large export as a stream: rows are written and released batch by batch (exceljs's streaming
 * writer, inline strings), so 100,000 rows never sit in memory as cells. Header notes and
 * drop-downs as in buildXlsx.
 */
export function streamXlsx(opts: {
  sheetName: string;
  columns: SheetColumn[];
  batches: AsyncIterable<(string | null)[][]>;
  lists?: Record<string, string[]> | Promise<Record<string, string[]>>;
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
    for (const [i, c] of opts.columns.entries()) decorateHeader(header.getCell(i + 1), c);
    header.commit();
    let rows = 0;
    for await (const batch of opts.batches) {
      for (const values of batch)
        ws.addRow(values.map((v) => (v === null || v === '' ? null : escapeFormula(v)))).commit();
      rows += batch.length;
    }
    // validations are written with the sheet's end, so they can cover the rows now known
    addListValidations(
      wb,
      ws,
      opts.columns,
      (await opts.lists) ?? {},
      Math.max(MIN_VALIDATION_LAST_ROW, rows + EXTRA_VALIDATION_ROWS) + 1,
    );
    ws.commit();
    await wb.commit();
  })().catch((e) => out.destroy(e));
  return out;
}
