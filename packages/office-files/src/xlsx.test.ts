import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { FileReadError } from './file-read-error';
import { openTable } from './table';
import { buildXlsx, type SheetColumn, streamXlsx } from './xlsx';
import { assertSafeXlsx, looksLikeXlsx, XLSX_LIMITS, type ZipLimits } from './zip-guard';

const UNREADABLE = 'Excelファイル（.xlsx）として読み込めません';

// --- a minimal ZIP writer, so tests can craft archives exceljs would never produce ---
type ZipEntry = { name: string; deflated: Buffer; crc: number; size: number; declaredSize?: number };

function entryOf(name: string, data: Buffer): ZipEntry {
  return { name, deflated: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  const z = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of z.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await z.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  return out;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/**
 * The first sheet as a CSV save of it would hold it: the header, every row (gaps as []), through the
 * one table reader; like an upload, anything that is not a safe workbook is refused first.
 */
async function readXlsxRows(bytes: Uint8Array, opts: { maxRows?: number; limits?: ZipLimits } = {}) {
  await assertSafeXlsx(bytes, opts.limits);
  const table = await openTable(bytes, {
    maxRows: opts.maxRows ?? Number.MAX_SAFE_INTEGER,
    keepBlankRows: true,
    limits: opts.limits,
  });
  const rows: string[][] = [table.header];
  for await (const { line, cells } of table.rows()) {
    while (rows.length < line - 1) rows.push([]);
    rows.push(cells);
  }
  return rows;
}

async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

const noteText = (note: ExcelJS.Cell['note']): string =>
  typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');

const COLUMNS: SheetColumn[] = [
  { key: 'number', header: '番号', required: false, format: '半角英数字30文字以内', example: '000123' },
  { key: 'lastName', header: '氏名(姓)', required: true, format: '50文字以内', example: '髙橋' },
  {
    key: 'companyId',
    header: '会社',
    required: true,
    format: 'マスタのコードまたは名称',
    example: '①㈱ｶﾅ商事',
  },
  { key: 'startDate', header: '開始日', required: true, format: '日付', example: '2022/02/20' },
];

describe('buildXlsx → readXlsxRows', () => {
  it('round-trips headers and example values as text: leading zeros, dates and Japanese intact', async () => {
    const buf = await buildXlsx({ sheetName: 'データ', columns: COLUMNS });
    expect(looksLikeXlsx(buf)).toBe(true);
    expect(await readXlsxRows(buf)).toEqual([
      ['番号', '氏名(姓)', '会社', '開始日'],
      ['000123', '髙橋', '①㈱ｶﾅ商事', '2022/02/20'],
    ]);
  });

  it('round-trips a long column list whose empty examples in the middle stay empty cells', async () => {
    const columns: SheetColumn[] = Array.from({ length: 40 }, (_, i) => ({
      key: `c${i}`,
      header: `項目${i + 1}`,
      required: i % 3 === 0,
      format: '50文字以内',
      example: i % 4 === 1 || i >= 37 ? '' : `例${i}`,
    }));
    const buf = await buildXlsx({ sheetName: 'データ', columns });
    const examples = columns.map((c) => c.example);
    while (examples.at(-1) === '') examples.pop();
    expect(await readXlsxRows(new Uint8Array(buf))).toEqual([columns.map((c) => c.header), examples]);
  });

  it('writes given rows (export) instead of the examples, keeping nulls as empty cells', async () => {
    const rows = [
      ['000001', '山田', null, '2020/04/01'],
      ['000002', '=1+2', '㈱テスト', null],
    ];
    const buf = await buildXlsx({ sheetName: 'データ', columns: COLUMNS, rows });
    expect(await readXlsxRows(buf)).toEqual([
      COLUMNS.map((c) => c.header),
      ['000001', '山田', '', '2020/04/01'],
      ['000002', "'=1+2", '㈱テスト'],
    ]);
    // a string cell, not a formula, and escaped as in CSV (the sheet may be saved as CSV and reopened)
    const sheet = (await unzip(buf)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).not.toContain('<f>');
  });

  it('formats the template: text columns, bold frozen header, required headers coloured, notes with the rules', async () => {
    const wb = await loadWorkbook(await buildXlsx({ sheetName: 'データ', columns: COLUMNS }));
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('データ');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const fills = new Set<string>();
    COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(1, i + 1);
      expect(cell.font?.bold).toBe(true);
      expect(ws.getColumn(i + 1).numFmt).toBe('@');
      expect(ws.getCell(2, i + 1).numFmt).toBe('@');
      expect(ws.getColumn(i + 1).width).toBeGreaterThanOrEqual(10);
      const note = noteText(cell.note);
      expect(note).toContain(c.required ? '必須' : '任意');
      expect(note).not.toContain(c.required ? '任意' : '必須');
      expect(note).toContain(c.format);
      expect(note).toContain(`例: ${c.example}`);
      fills.add(`${c.required}:${JSON.stringify(cell.fill)}`);
    });
    expect(fills.size).toBe(2); // one look for required, another for optional
  });

  it('feeds dropdowns from one range per column on a hidden リスト sheet, not an inline list', async () => {
    // long enough to exceed Excel's 255-char inline limit, with commas inside names
    const companies = Array.from({ length: 40 }, (_, i) => `株式会社サンプル${i + 1}, 東京支社`);
    const positions = ['部長', '課長', '001'];
    const buf = await buildXlsx({
      sheetName: 'データ',
      columns: [...COLUMNS, { key: 'positionId', header: '役職', required: false, format: 'コード', example: '' }],
      lists: { companyId: companies, positionId: positions, lastName: [] },
    });

    const wb = await loadWorkbook(buf);
    const list = wb.getWorksheet('リスト')!;
    expect(['hidden', 'veryHidden']).toContain(list.state);
    expect(wb.worksheets[0]!.name).toBe('データ');
    const colA = list.getColumn(1).values.slice(2);
    const colB = list.getColumn(2).values.slice(2);
    expect(colA).toEqual(companies);
    expect(colB).toEqual(positions); // '001' stays a string
    expect(list.getColumn(3).values.filter((v) => v != null)).toEqual([]); // empty list → no column, no dropdown

    const sheet = (await unzip(buf)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const xmlText = (s: string) =>
      s
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const validations = [...sheet.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)];
    expect(validations).toHaveLength(2);
    const bySqref = new Map(validations.map((m) => [/sqref="([^"]+)"/.exec(m[1]!)![1], m]));
    const company = bySqref.get('C2:C10001')!;
    const position = bySqref.get('E2:E10001')!;
    expect(company[1]).toContain('type="list"');
    expect(company[1]).toContain('showErrorMessage="1"');
    expect(company[1]).toMatch(/error="[^"]*コードまたは名称/);
    expect(xmlText(company[2]!)).toBe(`<formula1>'リスト'!$A$2:$A$41</formula1>`);
    expect(xmlText(position[2]!)).toBe(`<formula1>'リスト'!$B$2:$B$4</formula1>`);
    // and uploading the filled template reads only the data, not the lists
    expect(await readXlsxRows(buf)).toHaveLength(2);
  });

  it('extends the dropdown range 1000 rows past a large export', async () => {
    const rows = Array.from({ length: 9500 }, (_, i) => [String(i).padStart(6, '0'), '山田', null, null]);
    const buf = await buildXlsx({ sheetName: 'データ', columns: COLUMNS, rows, lists: { companyId: ['A社'] } });
    const sheet = (await unzip(buf)).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('sqref="C2:C10501"');
    const read = await readXlsxRows(buf);
    expect(read).toHaveLength(9501);
    expect(read[9500]).toEqual(['009499', '山田']);
  });
});

describe('readXlsxRows on a workbook made elsewhere (as a user would upload)', () => {
  it('converts numbers, dates, formulas, rich text, links, booleans and errors like a CSV would read', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('一覧');
    wb.addWorksheet('2枚目').getCell('A1').value = 'ignored';
    ws.getRow(1).values = ['番号', '生年月日', '計算', '氏名', 'リンク', '有効', 'エラー'];
    ws.getRow(2).values = [
      45748,
      new Date(Date.UTC(1985, 3, 1)),
      { formula: 'A2+1', result: 45749 },
      { richText: [{ text: '山田' }, { text: '太郎', font: { bold: true } }] },
      { text: 'サイト', hyperlink: 'https://example.com' },
      true,
      { error: '#N/A' },
    ];
    ws.getCell('B2').numFmt = 'yyyy/m/d';
    // row 3 left empty on purpose
    ws.getRow(4).values = [0.1 + 0.2, 1e21, 1e-7, -12, { formula: 'NOW()' }, false, { formula: 'B1', result: '文字' }];
    ws.getRow(5).values = [null, null, null, '最後'];
    ws.getCell('A7').value = ''; // trailing rows with nothing visible
    ws.getCell('B8').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    const buf = Buffer.from(await wb.xlsx.writeBuffer());

    expect(await readXlsxRows(buf)).toEqual([
      ['番号', '生年月日', '計算', '氏名', 'リンク', '有効', 'エラー'],
      ['45748', '1985/04/01', '45749', '山田太郎', 'サイト', 'TRUE'],
      [],
      ['0.3', '1000000000000000000000', '0.0000001', '-12', '', 'FALSE', '文字'],
      ['', '', '', '最後'],
    ]);
  });

  it('gives a merged cell its value once (as a CSV save would), not repeated in every merged column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getRow(1).values = ['a', '結合', null, 'd'];
    ws.mergeCells('B1:C1');
    expect(await readXlsxRows(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([['a', '結合', '', 'd']]);
  });

  it('does not stall on whole-column data validations (exceljs would expand them cell by cell)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'x';
    (ws as unknown as { dataValidations: { add(r: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      'A1:D1048576',
      { type: 'list', formulae: ['"a,b"'] },
    );
    const started = Date.now();
    expect(await readXlsxRows(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([['x']]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops with a Japanese message when there are more data rows than allowed', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => [String(i), '山田', null, null]);
    const buf = await buildXlsx({ sheetName: 'データ', columns: COLUMNS, rows });
    expect(await readXlsxRows(buf, { maxRows: 5 })).toHaveLength(6); // header + 5 is still fine
    const err = await rejection(readXlsxRows(buf, { maxRows: 4 }));
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as Error).message).toBe('一度に取り込めるのは4行までです');
  });

  it('gives a row far below an empty gap its spreadsheet row number, and counts it as one row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'h';
    ws.getCell('A1000000').value = 'far';
    const table = await openTable(Buffer.from(await wb.xlsx.writeBuffer()), { maxRows: 1 });
    const rows = [];
    for await (const row of table.rows()) rows.push(row);
    expect(rows).toEqual([{ line: 1_000_000, cells: ['far'] }]);
  });
});

describe('formula escaping on export (ASVS 1.2.10), as CSV does', () => {
  const FORMULAS = ['=HYPERLINK("http://x","y")', '+81-3-1234', '-1+2', '@SUM(A1)', '\tcmd'];
  const rows = [...FORMULAS.map((f) => [f, 'ok', null, 'x=1']), ['a=1', "'quoted", null, '2020/04/01']];
  const expected = [
    COLUMNS.map((c) => c.header),
    ...FORMULAS.map((f) => [`'${f}`, 'ok', '', 'x=1']),
    ['a=1', "'quoted", '', '2020/04/01'],
  ];

  it('buildXlsx writes every formula-looking value with a leading apostrophe, and nothing else', async () => {
    expect(await readXlsxRows(await buildXlsx({ sheetName: 'データ', columns: COLUMNS, rows }))).toEqual(expected);
  });

  it('streamXlsx does the same', async () => {
    const chunks: Buffer[] = [];
    const batches = (async function* () {
      yield rows;
    })();
    for await (const c of streamXlsx({ sheetName: 'データ', columns: COLUMNS, batches })) chunks.push(c as Buffer);
    expect(await readXlsxRows(Buffer.concat(chunks))).toEqual(expected);
  });
});

describe('the streaming reader', () => {
  it('keeps every multi-byte character of a large streamed export intact (chunk boundaries)', async () => {
    const columns: SheetColumn[] = Array.from({ length: 8 }, (_, i) => ({
      key: `c${i}`,
      header: `項目${i + 1}`,
      required: false,
      format: '',
      example: '',
    }));
    const rows = Array.from({ length: 20_000 }, (_, i) => columns.map((_, j) => `タロウ髙﨑①㈱${i}-${j}`));
    const batches = (async function* () {
      for (let i = 0; i < rows.length; i += 2000) yield rows.slice(i, i + 2000);
    })();
    const chunks: Buffer[] = [];
    for await (const c of streamXlsx({ sheetName: 'データ', columns, batches })) chunks.push(c as Buffer);
    const read = await readXlsxRows(Buffer.concat(chunks));
    expect(read.length).toBe(rows.length + 1);
    expect(read.slice(1)).toEqual(rows);
  });

  it('reads the first sheet in workbook order, skips ふりがな (<rPh>) and honours the 1904 date system', async () => {
    const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
    const file = zip([
      entryOf(
        '[Content_Types].xml',
        xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      ),
      entryOf(
        'xl/workbook.xml',
        xml(
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="データ" sheetId="2" r:id="rId2"/><sheet name="メモ" sheetId="1" r:id="rId1"/></sheets></workbook>',
        ),
      ),
      entryOf(
        'xl/_rels/workbook.xml.rels',
        xml(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
        ),
      ),
      entryOf(
        'xl/styles.xml',
        xml(
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>',
        ),
      ),
      entryOf(
        'xl/sharedStrings.xml',
        xml(
          '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>花</t></r><r><t>子</t></r></si></sst>',
        ),
      ),
      entryOf(
        'xl/worksheets/sheet1.xml',
        xml(
          '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>メモ</t></is></c></row></sheetData></worksheet>',
        ),
      ),
      entryOf(
        'xl/worksheets/sheet2.xml',
        xml(
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" s="1"><v>0</v></c><c r="E1" s="2"><v>1462</v></c><c r="F1"><v>000123</v></c></row></sheetData></worksheet>',
        ),
      ),
    ]);
    // 1904 system: serial 0 is 1904/01/01, serial 1462 is 1908/01/02
    expect(await readXlsxRows(file)).toEqual([['山田', '花子', '', '1904/01/01', '1908/01/02', '123']]);
  });
});

describe('readXlsxRows rejects what is not a readable, safe .xlsx', () => {
  it.each([
    ['empty', Buffer.alloc(0)],
    ['CSV text', Buffer.from('番号,氏名\r\n000123,山田\r\n', 'utf8')],
    ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
    ['ZIP signature then garbage', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 0x41)])],
    ['a ZIP that is not a workbook', zip([entryOf('readme.txt', Buffer.from('hello'))])],
    ['a legacy .xls (OLE2) file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])],
  ])('%s', async (_, bytes) => {
    expect(looksLikeXlsx(bytes)).toBe(bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04')));
    const err = await rejection(readXlsxRows(bytes));
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as Error).message).toBe(UNREADABLE);
  });

  it('a truncated workbook', async () => {
    const buf = await buildXlsx({ sheetName: 'データ', columns: COLUMNS });
    const err = await rejection(readXlsxRows(buf.subarray(0, Math.floor(buf.length / 2))));
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as Error).message).toBe(UNREADABLE);
  });

  it('a workbook whose entry lies about its uncompressed size', async () => {
    const entries = await unzip(await buildXlsx({ sheetName: 'データ', columns: COLUMNS }));
    const repack = (lie: boolean) =>
      zip(
        [...entries].map(([name, data]) => ({
          ...entryOf(name, data),
          ...(lie && name === 'xl/worksheets/sheet1.xml' ? { declaredSize: 10 } : {}),
        })),
      );
    // control: the same repacking without the lie is readable, so the failure below is the lie
    expect(await readXlsxRows(repack(false))).toHaveLength(2);
    const err = await rejection(readXlsxRows(repack(true)));
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as Error).message).toBe(UNREADABLE);
  });

  it('too many entries', async () => {
    const many = zip(Array.from({ length: 2001 }, (_, i) => entryOf(`xl/media/${i}.txt`, Buffer.from('x'))));
    const err = await rejection(readXlsxRows(many));
    expect(err).toBeInstanceOf(FileReadError);
    expect((err as Error).message).toMatch(/項目が多すぎる/);
    const template = await buildXlsx({ sheetName: 'データ', columns: COLUMNS });
    await expect(readXlsxRows(template, { limits: { ...XLSX_LIMITS, maxEntries: 3 } })).rejects.toThrow(FileReadError);
  });

  describe('zip bomb (300 MB of spaces in a few hundred KB)', () => {
    const SIZE = 300 * 1024 * 1024;
    let sheet: ZipEntry;
    let contentTypes: ZipEntry;

    beforeAll(async () => {
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let crc = 0;
      const parts: Buffer[] = [];
      const deflater = zlib.createDeflateRaw({ level: 9 });
      deflater.on('data', (d: Buffer) => parts.push(d));
      const done = new Promise((resolve) => deflater.on('end', resolve));
      Readable.from(
        (function* () {
          for (let i = 0; i < SIZE / chunk.length; i++) {
            crc = zlib.crc32(chunk, crc);
            yield chunk;
          }
        })(),
      ).pipe(deflater);
      await done;
      sheet = { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(parts), crc, size: SIZE };
      contentTypes = entryOf('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>'));
    });

    async function expectRejectedCheaply(bomb: Buffer, limits: ZipLimits, message: RegExp | string) {
      const rss = process.memoryUsage().rss;
      const started = Date.now();
      const err = await rejection(readXlsxRows(bomb, { limits }));
      expect(err).toBeInstanceOf(FileReadError);
      expect((err as Error).message).toMatch(message);
      expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
      expect(Date.now() - started).toBeLessThan(10_000);
    }

    it('is rejected with the default limits', async () => {
      const bomb = zip([contentTypes, sheet]);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      await expectRejectedCheaply(bomb, XLSX_LIMITS, /大きすぎる|圧縮率/);
    });

    it('is rejected by its compression ratio alone, after inflating only ~1 MiB', async () => {
      await expectRejectedCheaply(
        zip([contentTypes, sheet]),
        { ...XLSX_LIMITS, maxUncompressedBytes: 2 ** 31 },
        /圧縮率/,
      );
    });

    it('is rejected by the total inflated size alone', async () => {
      await expectRejectedCheaply(
        zip([contentTypes, sheet]),
        { ...XLSX_LIMITS, maxRatio: Number.POSITIVE_INFINITY },
        /大きすぎる/,
      );
    });

    it('is rejected when it declares a harmless uncompressed size', async () => {
      const lying = zip([contentTypes, { ...sheet, declaredSize: 1000 }]);
      await expectRejectedCheaply(lying, { ...XLSX_LIMITS, maxRatio: Number.POSITIVE_INFINITY }, UNREADABLE);
    });
  });
});
