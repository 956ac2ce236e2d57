// 個人プロフィール: the sheet model → an A4 PDF (pdfkit, Noto Sans JP embedded as a subset). Pure layout: every
// text comes formatted in the model. Tables repeat their header on each page and a row taller than the page
// (a 3,000-character 内容) continues on the next; every page ends with 「n / N」.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import type { SheetField, SheetModel } from './profile-sheet.model';

const require = createRequire(import.meta.url);
type ParsedFont = ReturnType<typeof fontkit.create>;
let fonts: { regular: ParsedFont; bold: ParsedFont } | null = null;
const parse = (file: string) => fontkit.create(readFileSync(require.resolve(file))) as ParsedFont;
/**
 * The fonts, read and parsed once per process (5 MB each): pdfkit takes the parsed font and embeds only the
 * glyphs a sheet uses (a subset per document); fontkit keeps its glyph cache between sheets.
 */
export function sheetFonts() {
  fonts ??= {
    regular: parse('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
    bold: parse('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'),
  };
  return fonts;
}

const PAGE = { width: 595.28, height: 841.89 };
const M = { left: 36, right: 36, top: 40, bottom: 48 };
const CONTENT_W = PAGE.width - M.left - M.right;
const BOTTOM = PAGE.height - M.bottom;
const C = { text: '#1a1a1a', muted: '#5a5a5a', line: '#9a9a9a', head: '#e6e9ee', label: '#f3f4f6', bar: '#3b5b86' };
const PAD = 4;

type Font = 'regular' | 'bold';
type Run = { text: string; font?: Font; size?: number; color?: string; gapBefore?: number };
type Line = { text: string; font: Font; size: number; color: string; height: number };
type Doc = InstanceType<typeof PDFDocument>;

// ---- text measuring: widths per character and font, cached per process ---------------------------------

const widthCache = new Map<string, number>();
function charWidth(doc: Doc, font: Font, ch: string): number {
  const key = font === 'bold' ? `b${ch}` : `r${ch}`;
  let w = widthCache.get(key);
  if (w === undefined) {
    doc.font(font).fontSize(1000);
    w = doc.widthOfString(ch) / 1000;
    widthCache.set(key, w);
  }
  return w;
}

/** Characters a line may not start with (禁則: closing brackets and punctuation hang at the line's end). */
const NO_START = new Set([...'、。，．,.)）」』】〕］]・ー！？!?ぁぃぅぇぉっゃゅょァィゥェォッャュョ：:']);

/** Control characters and lone surrogates print as 「?」: a stored text never breaks the sheet. */
const isControl = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
const clean = (s: string) => {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    // for-of yields a lone surrogate as one 'character' of its own
    out += isControl(code) || (code >= 0xd800 && code <= 0xdfff) ? '?' : ch;
  }
  return out;
};

function wrap(doc: Doc, run: Run, width: number): Line[] {
  const font = run.font ?? 'regular';
  const size = run.size ?? 9;
  const color = run.color ?? C.text;
  const height = size * 1.5;
  const out: Line[] = [];
  for (const para of clean(run.text).replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = charWidth(doc, font, ch === '\t' ? ' ' : ch) * size;
      if (w + cw > width && line !== '' && !NO_START.has(ch)) {
        // a Latin word is moved whole to the next line (when it is not a whole line long itself)
        const word = /[A-Za-z0-9]/.test(ch) ? (/[A-Za-z0-9'’-]+$/.exec(line)?.[0] ?? '') : '';
        if (word.length > 0 && word.length < 24 && word.length < line.length) {
          const head = line.slice(0, line.length - word.length).replace(/ +$/, '');
          out.push({ text: head, font, size, color, height });
          line = word;
          w = [...line].reduce((s, c) => s + charWidth(doc, font, c) * size, 0);
        } else {
          out.push({ text: line, font, size, color, height });
          line = '';
          w = 0;
        }
      }
      line += ch === '\t' ? ' ' : ch;
      w += cw;
    }
    out.push({ text: line, font, size, color, height });
  }
  if (run.gapBefore && out[0]) out[0] = { ...out[0], height: out[0].height + run.gapBefore };
  return out;
}

// ---- the page cursor --------------------------------------------------------------------------------

class Sheet {
  y = M.top;
  /** redrawn at the top of each continuation page (the running table's header) */
  onNewPage: (() => void) | null = null;
  constructor(
    readonly doc: Doc,
    readonly model: SheetModel,
  ) {}

  newPage() {
    this.doc.addPage();
    this.y = M.top;
    this.text(`個人プロフィール　${this.model.name}`, M.left, this.y, { size: 8, color: C.muted });
    this.text(`出力日：${this.model.printedAt}`, M.left, this.y, {
      size: 8,
      color: C.muted,
      width: CONTENT_W,
      align: 'right',
    });
    this.y += 18;
    this.onNewPage?.();
  }

  ensure(height: number) {
    if (this.y + height > BOTTOM) this.newPage();
  }

  text(
    s: string,
    x: number,
    y: number,
    o: { font?: Font; size?: number; color?: string; width?: number; align?: 'left' | 'right' | 'center' } = {},
  ) {
    const size = o.size ?? 9;
    this.doc
      .font(o.font ?? 'regular')
      .fontSize(size)
      .fillColor(o.color ?? C.text)
      // the line box of Noto Sans JP is 1.448 em; pdfkit puts the text's top at y
      // a width only to align: pdfkit would otherwise wrap a line this module already broke to fit
      .text(
        clean(s),
        x,
        y + size * 0.02,
        o.align === 'right' || o.align === 'center'
          ? { lineBreak: false, width: o.width, align: o.align }
          : { lineBreak: false },
      );
  }

  section(title: string) {
    this.ensure(60);
    this.y += 8;
    this.doc.rect(M.left, this.y, 3.5, 16).fill(C.bar);
    this.text(title, M.left + 9, this.y - 1, { font: 'bold', size: 11 });
    this.y += 16;
    this.doc
      .moveTo(M.left, this.y + 2)
      .lineTo(M.left + CONTENT_W, this.y + 2)
      .lineWidth(0.6)
      .stroke(C.bar);
    this.y += 8;
  }

  note(s: string) {
    this.ensure(16);
    this.text(s, M.left, this.y, { size: 8, color: C.muted });
    this.y += 14;
  }

  /** Lines of each cell; fills and borders for each page segment; header repeated on continuation pages. */
  table(cols: { width: number; head: string; align?: 'left' | 'right' | 'center' }[], rows: Run[][][]) {
    const doc = this.doc;
    const header = () => {
      const h = 18;
      let x = M.left;
      doc.rect(M.left, this.y, CONTENT_W, h).fill(C.head);
      for (const c of cols) {
        this.text(c.head, x + PAD, this.y + 3.5, {
          font: 'bold',
          size: 8.5,
          width: c.width - 2 * PAD,
          align: c.align === 'right' ? 'right' : 'left',
        });
        x += c.width;
      }
      this.grid(cols, this.y, h);
      this.y += h;
    };
    this.ensure(18 + 22);
    header();
    this.onNewPage = header;
    for (const row of rows) {
      const cells = row.map((runs, i) => runs.flatMap((r) => wrap(doc, r, cols[i]!.width - 2 * PAD)));
      const next = cells.map(() => 0);
      // at least the first line of every cell on this page, or start the row on the next
      const firstHeight = Math.max(...cells.map((ls) => ls[0]?.height ?? 0)) + 2 * PAD;
      if (this.y + firstHeight > BOTTOM) this.newPage();
      let continued = false;
      while (next.some((n, i) => n < cells[i]!.length)) {
        const top = this.y;
        // a row carried over from the previous page says so where its first column is already used up
        if (continued && next[0]! >= cells[0]!.length)
          this.text('（前頁から続く）', M.left + PAD, top + PAD, {
            size: 7.5,
            color: C.muted,
            width: cols[0]!.width - 2 * PAD,
          });
        const room = BOTTOM - top - 2 * PAD;
        let segment = 0;
        let x = M.left;
        cells.forEach((lines, i) => {
          let used = 0;
          let cy = top + PAD;
          while (next[i]! < lines.length && used + lines[next[i]!]!.height <= room) {
            const l = lines[next[i]!]!;
            const gap = l.height - l.size * 1.5;
            this.text(l.text, x + PAD, cy + gap, {
              font: l.font,
              size: l.size,
              color: l.color,
              width: cols[i]!.width - 2 * PAD,
              align: cols[i]!.align,
            });
            cy += l.height;
            used += l.height;
            next[i]!++;
          }
          segment = Math.max(segment, used);
          x += cols[i]!.width;
        });
        const h = segment + 2 * PAD;
        this.grid(cols, top, h);
        this.y = top + h;
        if (next.some((n, i) => n < cells[i]!.length)) {
          this.newPage();
          continued = true;
        }
      }
    }
    this.onNewPage = null;
    this.y += 4;
  }

  grid(cols: { width: number }[], top: number, h: number) {
    const doc = this.doc;
    doc.lineWidth(0.5).strokeColor(C.line);
    doc.rect(M.left, top, CONTENT_W, h).stroke();
    let x = M.left;
    for (const c of cols.slice(0, -1)) {
      x += c.width;
      doc
        .moveTo(x, top)
        .lineTo(x, top + h)
        .stroke();
    }
  }

  /** label | value pairs, `perRow` to a row; a field marked wide takes a whole row. */
  fields(fields: (SheetField & { wide?: boolean })[], perRow: number) {
    const labelW = 72;
    const rows: (SheetField & { wide?: boolean })[][] = [];
    for (const f of fields) {
      const last = rows.at(-1);
      if (!f.wide && last && !last[0]!.wide && last.length < perRow) last.push(f);
      else rows.push([f]);
    }
    for (const row of rows) {
      const pairW = row[0]!.wide ? CONTENT_W : CONTENT_W / perRow;
      const lines = row.map((f) => wrap(this.doc, { text: f.value, size: 9 }, pairW - labelW - 2 * PAD));
      const h = Math.max(...lines.map((ls) => ls.reduce((s, l) => s + l.height, 0))) + 2 * PAD;
      this.ensure(h);
      row.forEach((f, i) => {
        const x = M.left + i * pairW;
        this.doc.rect(x, this.y, labelW, h).fill(C.label);
        this.text(f.label, x + PAD, this.y + PAD, { size: 8.5, color: C.muted, width: labelW - 2 * PAD });
        let cy = this.y + PAD;
        for (const l of lines[i]!) {
          this.text(l.text, x + labelW + PAD, cy, { size: l.size });
          cy += l.height;
        }
        this.doc.lineWidth(0.5).strokeColor(C.line).rect(x, this.y, pairW, h).stroke();
        this.doc
          .moveTo(x + labelW, this.y)
          .lineTo(x + labelW, this.y + h)
          .stroke();
      });
      // an unfilled last pair keeps the grid closed
      if (!row[0]!.wide && row.length < perRow) {
        const x = M.left + row.length * pairW;
        this.doc.rect(x, this.y, pairW * (perRow - row.length), h).stroke();
      }
      this.y += h;
    }
    this.y += 4;
  }
}

function layout(sheet: Sheet) {
  const { doc, model: m } = sheet;
  // 出力日 / 出力者, the title and the name
  sheet.text('個人プロフィール', M.left, sheet.y, { font: 'bold', size: 16 });
  sheet.text(`出力日：${m.printedAt}`, M.left, sheet.y, { size: 8.5, width: CONTENT_W, align: 'right' });
  sheet.text(`出力者：${m.printedBy}`, M.left, sheet.y + 13, { size: 8.5, width: CONTENT_W, align: 'right' });
  sheet.y += 34;
  doc
    .moveTo(M.left, sheet.y)
    .lineTo(M.left + CONTENT_W, sheet.y)
    .lineWidth(1.2)
    .stroke(C.bar);
  sheet.y += 10;
  sheet.text(`社員番号 ${m.employeeNumber}`, M.left, sheet.y, { size: 8.5, color: C.muted });
  sheet.y += 13;
  sheet.text(m.name, M.left, sheet.y, { font: 'bold', size: 18 });
  sheet.y += 32;

  sheet.section('契約情報');
  sheet.fields(m.contract, 3);

  sheet.section('個人情報');
  sheet.fields(
    m.personal.map((f) => ({ ...f, wide: f.label === '現住所' || f.label.startsWith('緊急連絡先') })),
    2,
  );

  sheet.section('所属情報');
  sheet.table(
    [
      { width: 72, head: '項目' },
      { width: 150, head: '期間' },
      { width: CONTENT_W - 222, head: '内容' },
    ],
    m.placements.map((p) => [
      [{ text: p.label, size: 9, color: C.muted }],
      [{ text: p.since || '-', size: 8.5 }],
      [{ text: p.value, size: 9 }],
    ]),
  );

  sheet.section('勤怠実績（直近3か月）');
  if (m.attendance.length === 0)
    sheet.fields([{ label: '勤怠実績', value: '-', wide: true } as SheetField & { wide: boolean }], 1);
  else {
    const heads = ['対象期間', '実働時間', '残業時間', '遅刻早退', '欠勤日数', '休日日数', '有休残数'];
    const w = CONTENT_W / heads.length;
    sheet.table(
      heads.map((head, i) => ({ width: w, head, align: i === 0 ? ('left' as const) : ('right' as const) })),
      m.attendance.map((row) => row.map((text) => [{ text, size: 9 }])),
    );
  }

  sheet.section('応対記録');
  sheet.note(m.recordsNote);
  const recordCols = [
    { width: 96, head: '記録日' },
    { width: CONTENT_W - 96 - 88, head: 'タイトル・内容' },
    { width: 88, head: '対応期限' },
  ];
  if (m.records.length === 0)
    sheet.fields([{ label: '応対記録', value: '-', wide: true } as SheetField & { wide: boolean }], 1);
  else
    sheet.table(
      recordCols,
      m.records.map((r) => [
        [
          { text: r.date, size: 9 },
          { text: r.author, size: 8, color: C.muted, gapBefore: 2 },
        ],
        [
          { text: r.title, font: 'bold', size: 9.5 },
          { text: r.meta, size: 8, color: C.muted, gapBefore: 1 },
          { text: r.body || '-', size: 8.5, gapBefore: 3 },
        ],
        [
          { text: r.due, size: 9 },
          { text: r.status, font: 'bold', size: 9, color: r.status === '完了' ? C.muted : '#b42318', gapBefore: 2 },
        ],
      ]),
    );

  sheet.section('面談履歴');
  sheet.note(m.interviewsNote);
  if (m.interviews.length === 0)
    sheet.fields([{ label: '面談履歴', value: '-', wide: true } as SheetField & { wide: boolean }], 1);
  else
    sheet.table(
      [
        { width: 96, head: '面談日' },
        { width: 96, head: '面談者' },
        { width: CONTENT_W - 192, head: 'タイトル・内容' },
      ],
      m.interviews.map((i) => [
        [{ text: i.date, size: 9 }],
        [{ text: i.interviewer, size: 9 }],
        [
          { text: i.title, font: 'bold', size: 9.5 },
          { text: i.body || '-', size: 8.5, gapBefore: 3 },
        ],
      ]),
    );
}

/** Writes the sheet to `out` (not ending it); resolves once every byte is handed to `out`. */
export function renderProfileSheet(model: SheetModel, out: Writable): Promise<void> {
  const f = sheetFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: M.top, bottom: 0, left: M.left, right: M.right },
    bufferPages: true,
    info: { Title: `個人プロフィール ${model.name}`, Creator: 'jinji', Producer: 'jinji' },
    lang: 'ja',
  });
  // pdfkit accepts a parsed fontkit font (its types only know paths and buffers)
  doc.registerFont('regular', f.regular as unknown as Buffer);
  doc.registerFont('bold', f.bold as unknown as Buffer);
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
    out.on('error', reject);
  });
  doc.pipe(out, { end: false });
  try {
    layout(new Sheet(doc, model));
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc
        .font('regular')
        .fontSize(8)
        .fillColor(C.muted)
        .text(`${i - range.start + 1} / ${range.count}`, M.left, PAGE.height - 30, {
          width: CONTENT_W,
          align: 'center',
          lineBreak: false,
        });
    }
    doc.end();
  } catch (error) {
    doc.unpipe(out);
    return Promise.reject(error);
  }
  return done;
}
