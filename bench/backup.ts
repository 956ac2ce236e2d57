// npm run bench:backup — `npm run jinji -- backup` and `restore` of both apps' data with a tenant of
// 100,000 employees (BENCH_EMPLOYEES), on the embedded database and, when TEST_DATABASE_URL names a server,
// on PostgreSQL (a fresh database of the bench's own, dropped after). The floor, in the same run: on
// PostgreSQL a bare `pg_dump --format=custom` of the same database and a bare `pg_restore` of it into an
// empty one; on PGlite the engine's own dumpDataDir alone and a PGlite opened from that tarball — the same
// data moved with no framing, digest, checks or migrations. Prints figures and ratios; the last line is one
// JSON object per engine run, the very last the PostgreSQL one when it ran.
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { dumpPgliteEngine } from '@jinji/db/backup-pglite';
import { openPgliteEngine } from '@jinji/db/client';
import { seedDemo } from '../apps/hr-server/src/features/tenants/demo';
import { seedTrainingDemo } from '../apps/training-server/src/features/organisations/demo';
import { backupDatabase, restoreDatabase } from '../scripts/backup';
import { APP_DATABASES, bootBoth } from '../scripts/compose';
import { scratchDatabases } from './scratch-database';

const run = promisify(execFile);
const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const PASSWORD = 'Kinmokusei-Sazanka-2026!';
const extensions = Object.assign({}, ...APP_DATABASES.map((app) => app.extensions));
const work = mkdtempSync(path.join(tmpdir(), 'jinji-bench-backup-'));
const seconds = async (f: () => Promise<unknown>) => {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
};
const round = (n: number, d = 2) => Number(n.toFixed(d));

async function seed(env: NodeJS.ProcessEnv): Promise<{ employees: number; seedS: number }> {
  let employees = 0;
  const seedS = await seconds(async () => {
    const both = await bootBoth(env);
    try {
      employees = (await seedDemo(both.hr, { password: PASSWORD, employees: EMPLOYEES, tenantCode: 'bench' }))
        .employees;
      await seedTrainingDemo(both.training, PASSWORD);
    } finally {
      await both.close();
    }
  });
  return { employees, seedS };
}

/** employees in the restored copy, read through the app as the tenant would */
async function countEmployees(env: NodeJS.ProcessEnv): Promise<number> {
  const both = await bootBoth(env);
  try {
    const r = await both.hr.executeSql(
      "select count(*)::int as n from employees e join tenants t on t.id = e.tenant_id where t.code = 'bench'",
    );
    return (r.rows[0] as { n: number }).n;
  } finally {
    await both.close();
  }
}

type Figures = Record<
  | 'employees'
  | 'backup_s'
  | 'restore_s'
  | 'floor_backup_s'
  | 'floor_restore_s'
  | 'ratio'
  | 'restore_ratio'
  | 'bytes'
  | 'floor_bytes',
  number
>;

/** The figures of one engine's run: [backup, restore] seconds, the floor's, the file sizes. */
const figures = (
  employees: number,
  [backupS, restoreS]: [number, number],
  [floorBackupS, floorRestoreS]: [number, number],
  bytes: number,
  floorFile: string,
): Figures => ({
  employees,
  backup_s: round(backupS),
  restore_s: round(restoreS),
  floor_backup_s: round(floorBackupS),
  floor_restore_s: round(floorRestoreS),
  ratio: round(backupS / floorBackupS),
  restore_ratio: round(restoreS / floorRestoreS),
  bytes,
  floor_bytes: statSync(floorFile).size,
});

function report(engine: string, f: Figures) {
  console.log(
    `[${engine}] ${f.employees} employees: backup ${f.backup_s} s (floor ${f.floor_backup_s} s, ratio ${f.ratio}), ` +
      `restore ${f.restore_s} s (floor ${f.floor_restore_s} s, ratio ${f.restore_ratio}), file ${(f.bytes / 1024 / 1024).toFixed(1)} MB`,
  );
  console.log(JSON.stringify({ bench: 'backup', db: engine, ...f }));
}

async function pglite() {
  const src = path.join(work, 'src');
  const { DATABASE_URL: _, ...rest } = process.env;
  const env: NodeJS.ProcessEnv = { ...rest, JINJI_DATA_DIR: src };
  const { employees, seedS } = await seed(env);
  console.log(`[pglite] seeded ${employees} employees in ${seedS.toFixed(0)} s`);
  const file = path.join(work, 'pglite.jinji-backup');
  let bytes = 0;
  const backupS = await seconds(async () => {
    bytes = await backupDatabase({ databaseUrl: undefined, dataDir: src }, file);
  });
  const dst = path.join(work, 'dst');
  const restoreS = await seconds(() =>
    restoreDatabase({ databaseUrl: undefined, dataDir: dst }, file, async () => undefined, env),
  );
  const restored = await countEmployees({ ...env, JINJI_DATA_DIR: dst });
  if (restored !== employees) throw new Error(`restored ${restored} employees of ${employees}`);
  // floor: the engine's own tarball, then a PGlite opened from it
  const raw = path.join(work, 'pglite.tar.gz');
  const floorBackupS = await seconds(async () => {
    const engine = await openPgliteEngine({ dataDir: src, extensions });
    try {
      await pipeline(await dumpPgliteEngine(engine), createWriteStream(raw));
    } finally {
      await engine.close();
    }
  });
  const floorRestoreS = await seconds(async () => {
    const tarball = new Blob([readFileSync(raw)]);
    const engine = await openPgliteEngine({ dataDir: path.join(work, 'floor-dst'), extensions, loadDataDir: tarball });
    await engine.executeSql('select 1');
    await engine.close();
  });
  report('pglite', figures(employees, [backupS, restoreS], [floorBackupS, floorRestoreS], bytes, raw));
}

async function postgres(adminUrl: string) {
  const dbs = scratchDatabases(adminUrl);
  const names = ['jinji_bench_backup', 'jinji_bench_backup_restored', 'jinji_bench_backup_floor'];
  try {
    const src = await dbs.fresh(names[0]!);
    const env = { ...process.env, DATABASE_URL: src };
    const { employees, seedS } = await seed(env);
    console.log(`[postgres] seeded ${employees} employees in ${seedS.toFixed(0)} s`);
    const file = path.join(work, 'postgres.jinji-backup');
    let bytes = 0;
    const backupS = await seconds(async () => {
      bytes = await backupDatabase({ databaseUrl: src, dataDir: work }, file);
    });
    const dst = await dbs.fresh(names[1]!);
    const restoreS = await seconds(() =>
      restoreDatabase({ databaseUrl: dst, dataDir: work }, file, async () => undefined, { ...env, DATABASE_URL: dst }),
    );
    const restored = await countEmployees({ ...env, DATABASE_URL: dst });
    if (restored !== employees) throw new Error(`restored ${restored} employees of ${employees}`);
    const raw = path.join(work, 'postgres.dump');
    const floorBackupS = await seconds(() =>
      run('pg_dump', ['--format=custom', '--enable-row-security', '--no-password', `--file=${raw}`, `--dbname=${src}`]),
    );
    const floorDst = await dbs.fresh(names[2]!);
    const floorRestoreS = await seconds(() =>
      run('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', `--dbname=${floorDst}`, raw]),
    );
    report('postgres', figures(employees, [backupS, restoreS], [floorBackupS, floorRestoreS], bytes, raw));
  } finally {
    for (const name of names) await dbs.drop(name).catch(() => {});
  }
}

try {
  if (process.env.BENCH_ENGINE !== 'postgres') await pglite();
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl && process.env.BENCH_ENGINE !== 'pglite') await postgres(adminUrl);
  else if (!adminUrl) console.log('[postgres] skipped: TEST_DATABASE_URL is not set');
} finally {
  rmSync(work, { recursive: true, force: true });
}
