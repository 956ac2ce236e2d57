// 個人プロフィール一括出力 keeps memory flat in the number of sheets (decision 021): the JS heap plus buffers hold no more for 200 sheets than for 20, by much less than
// the ZIP itself — a batch that kept its ZIP, or its sheets, in memory would grow by the ZIP's size.
// PGlite runs on a data directory here: an in-memory PGlite keeps its database files in JS buffers, so the
// stored chunks themselves would count; its WebAssembly memory is left out (engineMemory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestTenant, createTestUser } from '../../../test/helpers';
import { type Database, openPglite } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { createSampleEmployees } from '../employees/employees.service';
import { writeProfileSheet } from '../profile-sheet/profile-sheet.service';
import { runProfileBatch, type SheetWriter, startProfileBatch } from './profile-batch.service';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// 128 KiB chunks: the 20-sheet ZIP (0.5 MB) then has chunks in flight as the 200-sheet one does. With the
// production 1 MiB, only the larger run had them, and a chunk on its way to the database (the chunk, its
// parts, the driver's copy and encoding of the parameter: 12 MB seen in CI under load) counted as growth.
const CHUNK = 128 * 1024;

let db: Database;
let dataDir: string | null = null;
let tenantId: string;
let userId: string;
let ids: string[];

beforeAll(async () => {
  if (TEST_DB === 'pglite') {
    dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-batch-mem-'));
    db = await openPglite(dataDir);
    await migrateDatabase(db);
  } else db = await createTestDatabase();
  tenantId = (await createTestTenant(db, 'mem')).tenantId;
  userId = (await createTestUser(db, tenantId, 'hr', ['hr_admin'])).userId;
  ids = await createSampleEmployees(
    db,
    tenantId,
    Array.from({ length: 200 }, (_, i) => ({
      employeeNumber: `E${String(i).padStart(4, '0')}`,
      lastName: '山田',
      firstName: `太郎${i}`,
      lastNameKana: 'やまだ',
      firstNameKana: 'たろう',
      birthDate: '1990-04-01',
      gender: '男性' as const,
      hireDate: '2022-04-01',
    })),
  );
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/**
 * PGlite's WebAssembly memory: an ArrayBuffer too, grown by the engine for its own caches and WAL (in CI
 * under load by 27 MB within one batch) and never shrunk — the database's, not what the batch holds.
 */
function engineMemory(): number {
  if (db.engine.kind !== 'pglite') return 0;
  const bytes = (db.engine.client as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod?.HEAPU8?.buffer.byteLength;
  if (!bytes) throw new Error("PGlite's WebAssembly memory not found: the measure would count the engine's caches");
  return bytes;
}

/**
 * Two figures: the buffers outside the JS heap (every Buffer: the sheets' and the ZIP's bytes), less the
 * engine's memory; and the JS heap, which also grows by the code V8 optimises as the run gets hot (1.5 MB
 * over 200 sheets), so it is held to a looser bound.
 */
function used(): { buffers: number; heap: number } {
  const m = process.memoryUsage();
  return { buffers: m.arrayBuffers - engineMemory(), heap: m.heapUsed };
}

type Growth = { buffers: number; heap: number; zipBytes: number };

async function measure(n: number): Promise<Growth> {
  const actor = {
    kind: 'user' as const,
    tenantId,
    userId,
    loginId: 'hr',
    roles: ['hr_admin' as const],
    displayName: 'hr',
    email: null,
    mustChangePassword: false,
    sessionHash: null,
    tenantCode: 'mem',
    tenantName: 'mem',
  };
  const batch = await startProfileBatch(db, { send: async () => 'q' }, actor, {
    selection: { kind: 'ids', ids: ids.slice(0, n) },
  });
  gc();
  const base = used();
  const peak = { ...base };
  // live memory after every 5th sheet (a full collection first, so garbage of the PDF writer does not count):
  // what the batch holds while the ZIP is being written — the stream, the chunk, anything it kept. What a
  // batch keeps only grows, so every 5th sheet sees it; a collection per sheet doubled the test's time.
  let sheets = 0;
  const sampling: SheetWriter = async (...args) => {
    await writeProfileSheet(...args);
    if (++sheets % 5 !== 0) return;
    gc();
    const now = used();
    peak.buffers = Math.max(peak.buffers, now.buffers);
    peak.heap = Math.max(peak.heap, now.heap);
  };
  await runProfileBatch(db, { tenantId, batchId: batch.id }, sampling, CHUNK);
  const row = (await db.executeSql(`select bytes, done from profile_batches where id = '${batch.id}'`)).rows[0] as {
    bytes: number;
    done: number;
  };
  expect(row.done).toBe(n);
  return { buffers: peak.buffers - base.buffers, heap: peak.heap - base.heap, zipBytes: Number(row.bytes) };
}

describe(`個人プロフィール一括出力: memory flat in the number of sheets (${TEST_DB})`, () => {
  it('200 sheets hold no more memory than 20 do, by far less than the ZIP', async () => {
    await measure(5); // warm: fonts, statements, code paths
    const small = await measure(20);
    const large = await measure(200);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    const show = (n: number, g: Growth) =>
      `${n} sheets: buffers +${mb(g.buffers)} MB, heap +${mb(g.heap)} MB (zip ${mb(g.zipBytes)} MB)`;
    console.log(`profile batch memory: ${show(20, small)}; ${show(200, large)}`);
    expect(large.zipBytes).toBeGreaterThan(small.zipBytes * 9);
    // a batch that kept its ZIP or its sheets would hold the 4.8 MB more of the larger ZIP: less than half of it
    const zipMore = large.zipBytes - small.zipBytes;
    expect(large.buffers - small.buffers).toBeLessThan(zipMore / 2);
    // objects kept per sheet (the sheets' data, say) would show in the heap: less than the larger ZIP
    expect(large.heap - small.heap).toBeLessThan(zipMore);
  }, 900_000);
});
