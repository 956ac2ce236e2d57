// npm run bench:profile — 個人プロフィール: one employee's sheet (the fixture's: every item, a 3,000-character
// 内容 over pages, 勤怠, 面談), warm, on PGlite: loading (one transaction, audit rows included) + rendering,
// median ms per sheet. The floor: pdfkit writing the same text with the same embedded fonts as flowing
// paragraphs — no database, no model, no table layout. Goal: ≤ 100 ms per sheet.
// Then the batch: 1,000 sheets through the job path (bench/profile-batch.ts) against the same sheets in a plain loop.
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { SheetModel } from '../apps/hr-server/src/features/profile-sheet/profile-sheet.model';
import { renderProfileSheet, sheetFonts } from '../apps/hr-server/src/features/profile-sheet/profile-sheet.render';
import {
  loadProfileSheet,
  writeProfileSheet,
} from '../apps/hr-server/src/features/profile-sheet/profile-sheet.service';
import type { Actor } from '../apps/hr-server/src/lib/actor';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../apps/hr-server/test/helpers';
import { seedProfileEmployee } from '../apps/hr-server/test/profile-sheet-fixture';
import { runProfileBatchBench } from './profile-batch';

const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

/** Counts the bytes and drops them. */
const sink = () => {
  let bytes = 0;
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { out, bytes: () => bytes };
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function timeRuns(run: () => Promise<void>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The floor: the sheet's own text, written by pdfkit with the same two fonts, as plain paragraphs. */
function writeFloor(model: SheetModel, out: Writable): Promise<void> {
  const f = sheetFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 36 });
  doc.registerFont('regular', f.regular as unknown as Buffer);
  doc.registerFont('bold', f.bold as unknown as Buffer);
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.pipe(out, { end: false });
  doc.font('bold').fontSize(16).text('個人プロフィール');
  const texts = [
    model.printedAt,
    model.printedBy,
    model.name,
    ...model.contract.flatMap((x) => [x.label, x.value]),
    ...model.personal.flatMap((x) => [x.label, x.value]),
    ...model.placements.flatMap((x) => [x.label, x.since, x.value]),
    ...model.attendance.flat(),
    ...model.records.flatMap((r) => [r.date, r.author, r.title, r.meta, r.body, r.due, r.status]),
    ...model.interviews.flatMap((i) => [i.date, i.interviewer, i.title, i.body]),
  ];
  doc.font('regular').fontSize(9);
  for (const t of texts) doc.text(t);
  doc.end();
  return done;
}

export type SingleSheetResult = {
  msPerSheetP50: number;
  loadMsP50: number;
  renderMsP50: number;
  floorMsP50: number;
  bytes: number;
  pages: number;
};

/** One sheet, warm: writeProfileSheet (load + render) against the floor. */
export async function benchSingleSheet(t: TestApp, actor: Actor, employeeId: string): Promise<SingleSheetResult> {
  let bytes = 0;
  const msPerSheetP50 = await timeRuns(async () => {
    const s = sink();
    await writeProfileSheet(t.db, actor, employeeId, undefined, s.out);
    bytes = s.bytes();
  });
  const model = await loadProfileSheet(t.db, actor, employeeId, undefined);
  const loadMsP50 = await timeRuns(async () => {
    await loadProfileSheet(t.db, actor, employeeId, undefined);
  });
  const renderMsP50 = await timeRuns(() => renderProfileSheet(model, sink().out));
  const floorMsP50 = await timeRuns(async () => {
    await writeFloor(model, sink().out);
  });
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(c: Buffer, _e, done) {
      chunks.push(c);
      done();
    },
  });
  await writeProfileSheet(t.db, actor, employeeId, undefined, collect);
  const pages = (
    Buffer.concat(chunks)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  return { msPerSheetP50, loadMsP50, renderMsP50, floorMsP50, bytes, pages };
}

let single: SingleSheetResult;
const t = await createTestApp();
try {
  const { tenantId } = await createTestTenant(t.db, 'bench');
  const { userId } = await createTestUser(t.db, tenantId, 'hr', ['hr_admin']);
  const hr = new Client(t.app);
  await hr.login('bench', 'hr', STRONG_PASSWORD);
  const { employeeId } = await seedProfileEmployee(t.db, tenantId, hr);
  await hr.request('PUT', '/api/v1/profile-sheet/settings', {
    personalItems: ['identity', 'address', 'contacts', 'disabilityAwards'],
    recordCategoryIds: null,
    recordRange: { kind: 'months', months: 12 },
    recordLimit: 10,
    interviewRange: { kind: 'months', months: 12 },
    interviewLimit: 10,
  });
  const actor: Actor = {
    kind: 'user',
    tenantId,
    userId,
    loginId: 'hr',
    roles: ['hr_admin'],
    displayName: '人事 太郎',
    email: null,
    mustChangePassword: false,
    sessionHash: null,
    tenantCode: 'bench',
    tenantName: 'bench',
  };
  const r = await benchSingleSheet(t, actor, employeeId);
  console.log(
    `one sheet (${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KiB): p50 ${r.msPerSheetP50.toFixed(1)} ms (load ${r.loadMsP50.toFixed(1)} + render ${r.renderMsP50.toFixed(1)}), ` +
      `floor p50 ${r.floorMsP50.toFixed(1)} ms (pdfkit, same text and fonts), ratio ${(r.msPerSheetP50 / r.floorMsP50).toFixed(2)}; goal ≤ 100 ms`,
  );
  single = r;
} finally {
  await t.close();
}
// the batch through the job path (bench/profile-batch.ts), on its own fresh database
const batch = await runProfileBatchBench(Number(process.env.BENCH_SHEETS ?? 1000));
console.log(`batch ratio to the plain loop ${batch.ratio}; goal ≤ 60 s for 1,000 sheets`);
console.log(
  JSON.stringify({
    bench: 'profile',
    ms_per_sheet_p50: Number(single.msPerSheetP50.toFixed(1)),
    floor_ms_p50: Number(single.floorMsP50.toFixed(1)),
    batch_1000_s: batch.batch_1000_s,
    batch_floor_s: batch.floor_s,
    batch_ratio: batch.ratio,
    batch_rss_growth_mb: batch.rss_growth_mb,
    batch_engine_growth_mb: batch.engine_growth_mb,
  }),
);
