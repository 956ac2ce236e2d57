// 個人プロフィール一括出力 keeps memory flat in the number of sheets (decision 021): the JS heap plus buffers
// (PGlite's own WebAssembly memory taken out) hold no more for 300 sheets than for 30, by much less than
// the ZIP itself — a batch that kept its ZIP, or its sheets, in memory would grow by the ZIP's size.
import v8 from 'node:v8';
import vm from 'node:vm';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestTenant, createTestUser, type TestApp } from '../../../test/helpers';
import { createSampleEmployees } from '../employees/employees.service';
import { writeProfileSheet } from '../profile-sheet/profile-sheet.service';
import { runProfileBatch, type SheetWriter, startProfileBatch } from './profile-batch.service';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let t: TestApp;
let tenantId: string;
let userId: string;
let ids: string[];

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTestTenant(t.db, 'mem')).tenantId;
  userId = (await createTestUser(t.db, tenantId, 'hr', ['hr_admin'])).userId;
  ids = await createSampleEmployees(
    t.db,
    tenantId,
    Array.from({ length: 300 }, (_, i) => ({
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
afterAll(() => t?.close());

/** Heap and buffers outside the embedded database's own WebAssembly memory. */
function used(): number {
  const m = process.memoryUsage();
  const engine = t.db.engine as { kind: string; client?: { mod?: { HEAPU8?: Uint8Array } } };
  const wasm = engine.kind === 'pglite' ? (engine.client?.mod?.HEAPU8?.byteLength ?? 0) : 0;
  return m.heapUsed + m.arrayBuffers - wasm;
}

async function measure(n: number): Promise<{ growth: number; zipBytes: number }> {
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
  const batch = await startProfileBatch(t.db, { send: async () => 'q' }, actor, {
    selection: { kind: 'ids', ids: ids.slice(0, n) },
  });
  gc();
  const base = used();
  let peak = base;
  // live memory after every sheet (a full collection first, so garbage of the PDF writer does not count):
  // what the batch holds while the ZIP is being written — the stream, the chunk, anything it kept
  const sampling: SheetWriter = async (...args) => {
    await writeProfileSheet(...args);
    gc();
    peak = Math.max(peak, used());
  };
  await runProfileBatch(t.db, { tenantId, batchId: batch.id }, sampling);
  const row = (await t.db.executeSql(`select bytes, done from profile_batches where id = '${batch.id}'`)).rows[0] as {
    bytes: number;
    done: number;
  };
  expect(row.done).toBe(n);
  return { growth: peak - base, zipBytes: Number(row.bytes) };
}

describe(`個人プロフィール一括出力: memory flat in the number of sheets (${TEST_DB})`, () => {
  it('300 sheets hold no more memory than 30 do, by far less than the ZIP', async () => {
    await measure(10); // warm: fonts, statements, code paths
    const small = await measure(30);
    const large = await measure(300);
    const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
    console.log(
      `profile batch memory: 30 sheets +${mb(small.growth)} MB (zip ${mb(small.zipBytes)} MB), 300 sheets +${mb(large.growth)} MB (zip ${mb(large.zipBytes)} MB)`,
    );
    expect(large.zipBytes).toBeGreaterThan(small.zipBytes * 9);
    expect(large.growth - small.growth).toBeLessThan(Math.max(4 * 1024 * 1024, large.zipBytes / 4));
  }, 300_000);
});
