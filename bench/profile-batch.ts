// bench/profile-batch.ts (run by npm run bench:profile) — 個人プロフィール一括出力 of N sheets (default 1,000) through the job path
// (selection resolved, runProfileBatch: sheets → streamed ZIP → 1 MiB chunks in the database, progress rows,
// audit), on a fresh PGlite in a temporary data directory, as `npm start` runs it (an in-memory PGlite
// keeps its files in the process, so the stored ZIP would count as the batch's RSS). Floor: the same N sheets from writeProfileSheet in a plain loop into
// the same zip stream, thrown away. Prints seconds, the ratio and the peak RSS growth of the job path; the
// last line is JSON. `runProfileBatchBench` is importable (the lead's combined bench:profile).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ZipStream from 'zip-stream';
import { type Database, openPglite } from '../apps/hr-server/src/db/client';
import { migrateDatabase } from '../apps/hr-server/src/db/migrate';
import { roleMembers } from '../apps/hr-server/src/db/schema/index';
import { createSampleEmployees } from '../apps/hr-server/src/features/employees/employees.service';
import { runProfileBatch, startProfileBatch } from '../apps/hr-server/src/features/profile-batch/profile-batch.service';
import { writeProfileSheet } from '../apps/hr-server/src/features/profile-sheet/profile-sheet.service';
import { createTenant } from '../apps/hr-server/src/features/tenants/tenants.service';
import type { HrUser } from '../apps/hr-server/src/lib/actor';

export type ProfileBatchBench = {
  bench: 'profile-batch';
  sheets: number;
  batch_1000_s: number;
  floor_s: number;
  ratio: number;
  rss_growth_mb: number;
  /** of rss_growth_mb, what PGlite's WebAssembly memory grew by (its caches: the engine's, not the batch's) */
  engine_growth_mb: number;
};

/** PGlite's WebAssembly memory, in bytes. */
function engineBytes(db: Database): number {
  if (db.engine.kind !== 'pglite') return 0;
  return (db.engine.client as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod?.HEAPU8?.buffer.byteLength ?? 0;
}

async function prepare(db: Database, n: number): Promise<{ actor: HrUser; ids: string[] }> {
  const { tenantId, userId } = await createTenant(
    db,
    {
      tenantCode: 'bench',
      tenantName: 'ベンチ株式会社',
      adminLoginId: 'admin',
      adminPassword: 'Kinmokusei-Sheets-2026!',
      adminEmail: 'admin@bench.example.jp',
    },
    { firstRun: false },
  );
  await db.asTenant(tenantId, (tx) => tx.insert(roleMembers).values({ tenantId, role: 'hr_admin', userId }));
  const ids = await createSampleEmployees(
    db,
    tenantId,
    Array.from({ length: n }, (_, i) => ({
      employeeNumber: `E${String(i + 1).padStart(5, '0')}`,
      lastName: '山田',
      firstName: `太郎${i + 1}`,
      lastNameKana: 'やまだ',
      firstNameKana: 'たろう',
      birthDate: '1990-04-01',
      gender: '男性' as const,
      hireDate: '2022-04-01',
    })),
  );
  const actor: HrUser = {
    kind: 'user',
    tenantId,
    userId,
    loginId: 'admin',
    roles: ['system_admin', 'hr_admin'],
    displayName: '管理者',
    email: null,
    mustChangePassword: false,
    sessionHash: null,
    tenantCode: 'bench',
    tenantName: 'ベンチ株式会社',
  };
  return { actor, ids };
}

/** The floor: the sheets one after another into one zip stream, nothing else. */
async function floor(db: Database, actor: HrUser, ids: string[]): Promise<number> {
  const t0 = performance.now();
  const zip = new ZipStream({ store: true });
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const finished = new Promise((r) => sink.on('finish', r));
  zip.pipe(sink);
  for (const id of ids) {
    const parts: Buffer[] = [];
    await writeProfileSheet(
      db,
      actor,
      id,
      undefined,
      new Writable({
        write(c: Buffer, _e, done) {
          parts.push(c);
          done();
        },
      }),
    );
    await new Promise<void>((resolve, reject) =>
      zip.entry(Buffer.concat(parts), { name: `${id}.pdf` }, (e) => (e ? reject(e) : resolve())),
    );
  }
  zip.finalize();
  await finished;
  return (performance.now() - t0) / 1000;
}

export async function runProfileBatchBench(
  n = 1000,
  log: (s: string) => void = console.log,
): Promise<ProfileBatchBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-bench-batch-'));
  const db = await openPglite(dataDir);
  try {
    await migrateDatabase(db);
    const { actor, ids } = await prepare(db, n);
    // warm: fonts, statements, code paths
    await floor(db, actor, ids.slice(0, 5));

    const batch = await startProfileBatch(db, { send: async () => 'bench' }, actor, {
      selection: { kind: 'ids', ids: ids.slice(0, 1) },
    });
    // the real batch has every id: put them in (the selection of ids is capped at 1,000 per request)
    await db.executeSql(
      `update profile_batches set employee_ids = '${JSON.stringify(ids)}'::jsonb, total = ${ids.length} where id = '${batch.id}'`,
    );
    const rss0 = process.memoryUsage().rss;
    const engine0 = engineBytes(db);
    let peak = rss0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const t0 = performance.now();
    await runProfileBatch(db, { tenantId: actor.tenantId, batchId: batch.id });
    const batchS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const growth = (Math.max(peak, process.memoryUsage().rss) - rss0) / 1024 / 1024;
    const engineGrowth = (engineBytes(db) - engine0) / 1024 / 1024;
    log(
      `batch: ${n} sheets in ${batchS.toFixed(1)} s (${((batchS * 1000) / n).toFixed(0)} ms/sheet), rss +${growth.toFixed(0)} MB, of which PGlite's own memory +${engineGrowth.toFixed(0)} MB`,
    );

    const floorS = await floor(db, actor, ids);
    log(`floor: ${n} sheets in a plain loop into the same zip stream: ${floorS.toFixed(1)} s`);
    const scale = 1000 / n;
    return {
      bench: 'profile-batch',
      sheets: n,
      batch_1000_s: Number((batchS * scale).toFixed(2)),
      floor_s: Number((floorS * scale).toFixed(2)),
      ratio: Number((batchS / floorS).toFixed(3)),
      rss_growth_mb: Number(growth.toFixed(1)),
      engine_growth_mb: Number(engineGrowth.toFixed(1)),
    };
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runProfileBatchBench(Number(process.env.BENCH_SHEETS ?? 1000));
  console.log(JSON.stringify(result));
}
