// 個人プロフィール一括出力 (R-PROF-1 batch, decision 021): 従業員一覧's selection is resolved once at start and
// kept with the job; a durable pg-boss job writes one sheet after another (writeProfileSheet, which audits
// each) into a streamed ZIP whose bytes go to the database in 1 MiB chunks — memory stays that of one
// sheet and one chunk. The result is offered only when the run that wrote it finished it, for 24 h, to the
// user who started it.
import { Readable, Writable } from 'node:stream';
import { actingUserOf } from '@jinji/auth/actor';
import { isAllowed, type Permission } from '@jinji/contracts/hr/access';
import {
  MAX_PROFILE_BATCH,
  PROFILE_BATCH_TTL_HOURS,
  type TProfileBatch,
  type TProfileBatchStatus,
  type TStartProfileBatchRequest,
} from '@jinji/contracts/hr/profile-batch';
import type { TProfileOutputOverrides } from '@jinji/contracts/hr/profile-sheet';
import type { TAdminRole } from '@jinji/contracts/hr/roles';
import { todayInJapan } from '@jinji/ja/text';
import { AppError } from '@jinji/server-kit/app-error';
import ZipStream from 'zip-stream';
import type { Database } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import { findSelectedEmployeesIn } from '../employees/employees.service';
import type { JobQueue } from '../imports/imports.service';
import { writeProfileSheet } from '../profile-sheet/profile-sheet.service';
import {
  deleteChunksExcept,
  expireBatches,
  findBatchForUpdate,
  findBatchOf,
  findChunks,
  findProcessingBatches,
  insertBatch,
  insertChunk,
  type ProfileBatchRow,
  updateBatch,
} from './profile-batch.repository';

export const PROFILE_BATCH_QUEUE = 'profile-batch';
export const PROFILE_BATCH_CLEANUP_QUEUE = 'profile-batch-cleanup';
/** Who may start a batch and read its progress: who may see the employees (the sheet checks the rest). */
export const PROFILE_BATCH_PERMISSION: Permission = 'employees.view';
const CHUNK_BYTES = 1024 * 1024;
/** progress is written every this many sheets (and with every chunk) */
const PROGRESS_EVERY = 10;
const SKIPPED_LISTED = 200;

export type SheetWriter = typeof writeProfileSheet;
export type ProfileBatchData = { tenantId: string; batchId: string };

const iso = (d: Date | null) => d?.toISOString() ?? null;
const toView = (b: ProfileBatchRow): TProfileBatch => ({
  id: b.id,
  status: b.status as TProfileBatchStatus,
  total: b.total,
  done: b.done,
  skipped: { count: b.skippedCount, employeeNumbers: b.skippedNumbers },
  createdAt: b.createdAt.toISOString(),
  finishedAt: iso(b.finishedAt),
  expiresAt: iso(b.expiresAt),
  bytes: b.bytes ?? null,
});

/** Only a signed-in user starts and follows a batch: it is theirs (decision 021). */
function starterOf(ctx: Actor): string {
  if (ctx.kind !== 'user' || !isAllowed(ctx.roles, PROFILE_BATCH_PERMISSION)) throw new AppError('FORBIDDEN');
  return ctx.userId;
}

export async function startProfileBatch(
  db: Database,
  jobs: JobQueue | undefined,
  ctx: Actor,
  request: TStartProfileBatchRequest,
): Promise<TProfileBatch> {
  const actorId = starterOf(ctx);
  const batch = await db.asTenant(ctx.tenantId, async (tx) => {
    const rows = await findSelectedEmployeesIn(
      tx,
      request.selection,
      MAX_PROFILE_BATCH,
      `一度に出力できるのは${MAX_PROFILE_BATCH.toLocaleString('ja-JP')}人までです。検索条件で絞り込んでください`,
    );
    if (rows.length === 0) {
      const message = '出力する従業員がいません。従業員を選択してください';
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'selection', message }]);
    }
    if (!jobs) throw new AppError('SERVICE_UNAVAILABLE', 'ジョブ基盤が起動していないため一括出力できません');
    return insertBatch(tx, {
      tenantId: ctx.tenantId,
      actorId,
      actorLoginId: actingUserOf(ctx).loginId,
      actorRoles: [...ctx.roles],
      employeeIds: rows.map((r) => r.id),
      overrides: request.overrides ?? null,
      total: rows.length,
    });
  });
  await jobs!.send(PROFILE_BATCH_QUEUE, { tenantId: ctx.tenantId, batchId: batch.id } satisfies ProfileBatchData);
  return toView(batch);
}

async function findOwnBatch(db: Database, ctx: Actor, id: string): Promise<ProfileBatchRow> {
  const actorId = starterOf(ctx);
  const batch = await db.asTenant(ctx.tenantId, (tx) => findBatchOf(tx, id, actorId));
  if (!batch) throw new AppError('NOT_FOUND', '一括出力が見つかりません');
  return batch;
}

export const getProfileBatch = async (db: Database, ctx: Actor, id: string) => toView(await findOwnBatch(db, ctx, id));

/** The ZIP's name: 個人プロフィール_20261202_12人.zip */
const zipNameOf = (b: ProfileBatchRow) =>
  `個人プロフィール_${todayInJapan(b.createdAt).replaceAll('-', '')}_${b.done}人.zip`;

/**
 * The finished ZIP as a stream read from the database a few chunks at a time. Refused while it is being
 * written, after it failed or expired. The download is audit-logged (who took whose sheets, as one row).
 */
export async function openProfileBatchZip(
  db: Database,
  ctx: Actor,
  id: string,
  now = new Date(),
): Promise<{ fileName: string; bytes: number; stream: Readable }> {
  const batch = await findOwnBatch(db, ctx, id);
  if (batch.status === 'processing') throw new AppError('CONFLICT', '一括出力はまだ終わっていません');
  if (batch.status === 'expired' || (batch.expiresAt && batch.expiresAt <= now))
    throw new AppError(
      'NOT_FOUND',
      `一括出力の保存期間（${PROFILE_BATCH_TTL_HOURS}時間）が過ぎました。もう一度出力してください`,
    );
  if (batch.status !== 'succeeded') throw new AppError('NOT_FOUND', '一括出力は失敗したためダウンロードできません');
  await db.asTenant(ctx.tenantId, (tx) =>
    recordAudit(tx, ctx, {
      action: 'export',
      targetType: 'profile_batch',
      targetId: batch.id,
      after: { download: 'zip', count: batch.done, bytes: batch.bytes },
    }),
  );
  let seq = 0;
  const stream = Readable.from(
    (async function* () {
      for (;;) {
        const parts = await db.asTenant(ctx.tenantId, (tx) => findChunks(tx, batch.id, batch.attempt, seq, 4));
        yield* parts;
        seq += parts.length;
        if (parts.length < 4) return;
      }
    })(),
    { objectMode: false },
  );
  return { fileName: zipNameOf(batch), bytes: batch.bytes ?? 0, stream };
}

// ---- the job ------------------------------------------------------------------------------------

/** A name a ZIP entry can carry on every OS: no path separators or characters Windows refuses. */
const safeName = (s: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  s.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim() || '_';

/** `<社員番号>_<氏名>.pdf`; the same name twice (no 社員番号, same name) gets (2), (3), … */
function entryNamer() {
  const used = new Set<string>();
  return (e: { employeeNumber: string | null; lastName: string; firstName: string }) => {
    const base = safeName(`${e.employeeNumber ?? '社員番号なし'}_${e.lastName}${e.firstName}`);
    let name = `${base}.pdf`;
    for (let i = 2; used.has(name); i++) name = `${base}(${i}).pdf`;
    used.add(name);
    return name;
  };
}

/** The database end of the ZIP stream: 1 MiB chunks of this run, each in its own short transaction. */
function chunkSink(
  db: Database,
  tenantId: string,
  batchId: string,
  attempt: number,
  chunkBytes: number,
  onChunk: () => Promise<void>,
) {
  let parts: Buffer[] = [];
  let size = 0;
  let seq = 0;
  let total = 0;
  const flush = async () => {
    if (size === 0) return;
    const bytes = Buffer.concat(parts, size);
    parts = [];
    size = 0;
    await db.asTenant(tenantId, (tx) => insertChunk(tx, { tenantId, batchId, attempt, seq: seq++, bytes }));
    total += bytes.length;
    await onChunk();
  };
  const sink = new Writable({
    highWaterMark: chunkBytes,
    write(chunk: Buffer, _enc, done) {
      parts.push(chunk);
      size += chunk.length;
      if (size < chunkBytes) return done();
      flush().then(() => done(), done);
    },
    final(done) {
      flush().then(() => done(), done);
    },
  });
  return { sink, bytes: () => total };
}

/** Batches a stopped process left 処理中 are queued again; the new run starts over (a new attempt). */
export async function resumeProfileBatches(db: Database, jobs: JobQueue): Promise<number> {
  const stale = await findProcessingBatches(db.owner);
  for (const b of stale) await jobs.send(PROFILE_BATCH_QUEUE, { tenantId: b.tenantId, batchId: b.id });
  return stale.length;
}

/** The hourly cleanup: expired ZIPs and failed runs' chunks leave the database. */
export const cleanUpProfileBatches = (db: Database, now = new Date()) => expireBatches(db.owner, now);

/**
 * Runs one batch to its end. Safe to run again (a restart, a second delivery): each run claims a new attempt,
 * drops the chunks of earlier ones, and only the run that still holds the latest attempt may finish the batch.
 * `writeSheet` is writeProfileSheet; tests pass a wrapper around it, and the memory test a smaller chunk, so
 * that a small batch has chunks in flight as a large one does.
 */
export async function runProfileBatch(
  db: Database,
  data: ProfileBatchData,
  writeSheet: SheetWriter = writeProfileSheet,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const { tenantId, batchId } = data;
  const claimed = await db.asTenant(tenantId, async (tx) => {
    const b = await findBatchForUpdate(tx, batchId);
    if (b?.status !== 'processing') return null;
    const attempt = b.attempt + 1;
    await updateBatch(tx, batchId, { attempt, done: 0, skippedCount: 0, skippedNumbers: [] });
    await deleteChunksExcept(tx, batchId, attempt);
    return { ...b, attempt };
  });
  if (!claimed) return;
  const { attempt } = claimed;
  const actor: Actor = {
    kind: 'job',
    tenantId,
    jobId: batchId,
    userId: claimed.actorId,
    loginId: claimed.actorLoginId,
    roles: claimed.actorRoles as TAdminRole[],
  };
  const overrides = (claimed.overrides ?? undefined) as TProfileOutputOverrides | undefined;
  // 社員番号 and 氏名 for the entry names; someone deleted since the start is missing here (the sheet skips them)
  const people = await db.asTenant(tenantId, (tx) =>
    findSelectedEmployeesIn(tx, { kind: 'ids', ids: claimed.employeeIds }, MAX_PROFILE_BATCH, '', {
      isMissingAllowed: true,
    }),
  );
  const byId = new Map(people.map((p) => [p.id, p]));

  let done = 0;
  const skipped: string[] = [];
  let skippedCount = 0;
  const saveProgress = () =>
    db.asTenant(tenantId, (tx) =>
      updateBatch(tx, batchId, { done, skippedCount, skippedNumbers: skipped.slice(0, SKIPPED_LISTED) }, attempt),
    );
  const zip = new ZipStream({ store: true }); // PDFs are deflated inside already
  const { sink, bytes } = chunkSink(db, tenantId, batchId, attempt, chunkBytes, async () => {
    await saveProgress();
  });
  const written = new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    sink.on('error', reject);
    sink.on('finish', resolve);
  });
  written.catch(() => {}); // awaited below; a failure before then must not be unhandled
  zip.pipe(sink);
  const nameOf = entryNamer();

  try {
    for (const [i, id] of claimed.employeeIds.entries()) {
      const person = byId.get(id);
      // one sheet in memory: a sheet that fails half-way never reaches the ZIP
      const parts: Buffer[] = [];
      const collector = new Writable({
        write(chunk: Buffer, _enc, next) {
          parts.push(chunk);
          next();
        },
      });
      try {
        await writeSheet(db, actor, id, overrides, collector);
      } catch (e) {
        if (!(e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN'))) throw e;
        skippedCount++;
        skipped.push(person?.employeeNumber ?? `${i + 1}人目`);
        continue;
      }
      await new Promise<void>((resolve, reject) =>
        zip.entry(
          Buffer.concat(parts),
          { name: nameOf(person ?? { employeeNumber: null, lastName: '従業員', firstName: '' }) },
          (err) => (err ? reject(err) : resolve()),
        ),
      );
      done++;
      // the database end is slower than the sheets: wait for it, so the ZIP never piles up in memory.
      // (zip-stream writes a whole entry at once and does not flag backpressure: look at what it holds)
      while (zip.writableLength + zip.readableLength > chunkBytes) await new Promise((r) => setTimeout(r, 2));
      if (done % PROGRESS_EVERY === 0) await saveProgress();
    }
    zip.finalize();
    await written;
  } catch (e) {
    zip.destroy();
    sink.destroy();
    await failBatch(db, tenantId, batchId, attempt, done, skippedCount, skipped);
    throw e;
  }

  const now = new Date();
  await db.asTenant(tenantId, async (tx) => {
    const locked = await findBatchForUpdate(tx, batchId);
    if (locked?.status !== 'processing' || locked.attempt !== attempt) return; // a newer run owns it
    const isEmpty = done === 0;
    await updateBatch(
      tx,
      batchId,
      {
        status: isEmpty ? 'failed' : 'succeeded',
        done,
        skippedCount,
        skippedNumbers: skipped.slice(0, SKIPPED_LISTED),
        bytes: isEmpty ? null : bytes(),
        finishedAt: now,
        expiresAt: isEmpty ? null : new Date(now.getTime() + PROFILE_BATCH_TTL_HOURS * 3600_000),
      },
      attempt,
    );
    if (isEmpty) await deleteChunksExcept(tx, batchId, -1);
    // the batch as one row: how many sheets (each sheet has its own row from writeProfileSheet)
    await recordAudit(tx, actor, {
      action: 'export',
      targetType: 'profile_batch',
      targetId: batchId,
      after: { output: 'profile_batch_zip', total: claimed.total, count: done, skipped: skippedCount },
    });
  });
}

async function failBatch(
  db: Database,
  tenantId: string,
  batchId: string,
  attempt: number,
  done: number,
  skippedCount: number,
  skipped: string[],
) {
  await db.asTenant(tenantId, async (tx) => {
    const locked = await findBatchForUpdate(tx, batchId);
    if (locked?.status !== 'processing' || locked.attempt !== attempt) return;
    await updateBatch(
      tx,
      batchId,
      {
        status: 'failed',
        done,
        skippedCount,
        skippedNumbers: skipped.slice(0, SKIPPED_LISTED),
        finishedAt: new Date(),
      },
      attempt,
    );
    await deleteChunksExcept(tx, batchId, -1);
  });
}
