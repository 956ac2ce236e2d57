// npm run bench:test-setup — what one server test file pays for its database before a test runs (issue #10
// item 5), as it was and as it is. A, before cloning: a fresh empty database (PGlite in memory; on
// PostgreSQL a new database on the server) and the app's migrations applied to it, request login included.
// B, now: a clone of the app's template migrated once per run (test-kit's createTestDatabase: PGlite
// loadDataDir of the dumped data directory; PostgreSQL CREATE DATABASE … TEMPLATE and the clone's own
// request login). Both until the database answers a query, teardown untimed. HR and training, on PGlite and
// on PostgreSQL (TEST_DATABASE_URL or DATABASE_URL, default the local jinji_owner; everything made here is
// dropped). The machine is shared and noisy, so A and B alternate within each round (ABBA) and the figures
// are medians. B includes finding the template, which every test file does for itself. Then the files of each `npm test` pass
// (scripts/server-test-files.ts, as vitest.config.ts picks them) turn one file into a run: HR's figure for
// files under apps/hr-server, packages/ and scripts, training's for apps/training-server; after = clones
// plus the run's template builds. The last line is one JSON object.
import { readdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { AppDatabase } from '@jinji/db/app';
import { openPgliteEngine, openPostgresEngine, type Tables } from '@jinji/db/client';
import {
  createEmptyPostgresDatabase,
  createTestDatabase,
  forgetFoundTemplates,
  prepareTestTemplate,
  type TestTemplate,
} from '@jinji/test-kit/database';
import startRun from '@jinji/test-kit/global-setup';
import { RUN_DIR_ENV, RUN_ID_ENV, TEMPLATE_PREFIX } from '@jinji/test-kit/run';
import pg from 'pg';
import { hrDatabase } from '../apps/hr-server/src/db/client';
import { hrTestTemplate } from '../apps/hr-server/test/template';
import { trainingDatabase } from '../apps/training-server/src/db/database';
import { trainingTestTemplate } from '../apps/training-server/test/global-setup';
import { testFiles, usesDatabase } from '../scripts/server-test-files';

type Kind = 'pglite' | 'postgres';
type App = { name: 'hr' | 'training'; database: AppDatabase<Tables>; template: TestTemplate };

const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 7));
const adminUrl =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://jinji_owner@127.0.0.1:5432/jinji_owner';
// the kit's clones and its run teardown read the server from here
process.env.TEST_DATABASE_URL = adminUrl;
// the file lists are relative to the repository root, as in vitest.config.ts
process.chdir(path.join(import.meta.dirname, '..'));

const apps: App[] = [
  { name: 'hr', database: hrDatabase as unknown as AppDatabase<Tables>, template: hrTestTemplate },
  { name: 'training', database: trainingDatabase as unknown as AppDatabase<Tables>, template: trainingTestTemplate },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, d = 3) => Number(n.toFixed(d));

/** seconds until `open` gives a database that answers; its close() after, untimed */
async function timed(open: () => Promise<{ query(): Promise<unknown>; close(): Promise<void> }>): Promise<number> {
  const t0 = performance.now();
  const db = await open();
  await db.query();
  const s = (performance.now() - t0) / 1000;
  await db.close();
  return s;
}

/** A: the per-file setup before cloning — an empty database, then every migration */
function migrateFresh(app: App, kind: Kind) {
  return timed(async () => {
    if (kind === 'pglite') {
      const db = app.database.bind(await openPgliteEngine({ extensions: app.database.extensions }), {
        ownsEngine: true,
      });
      await app.database.migrate(db);
      return { query: () => db.executeSql('select 1'), close: () => db.close() };
    }
    const empty = await createEmptyPostgresDatabase();
    const db = app.database.bind(openPostgresEngine(empty.url), { ownsEngine: true });
    try {
      await app.database.migrate(db);
    } catch (e) {
      await db.close();
      await empty.drop();
      throw e;
    }
    return {
      query: () => db.executeSql('select 1'),
      close: async () => {
        await db.close();
        await empty.drop();
      },
    };
  });
}

/**
 * B: the per-file setup now — a clone of the run's template. Each vitest file has a module cache of its
 * own, so before its first clone it also finds the template (PGlite reads the run's dump file; PostgreSQL
 * looks the template database up under its advisory lock): the kit forgets what this process found, and
 * that lookup is counted in.
 */
function clone(app: App, kind: Kind) {
  return timed(async () => {
    forgetFoundTemplates();
    const db = await createTestDatabase(app.template, app.database.spec, { kind });
    return { query: () => db.executeSql('select 1'), close: () => db.close() };
  });
}

type Figures = { migrateS: number; cloneS: number; templateS: number };

async function measure(app: App, kind: Kind): Promise<Figures> {
  const t0 = performance.now();
  await prepareTestTemplate(app.template, kind);
  const templateS = (performance.now() - t0) / 1000;
  // one of each untimed: the first open of an engine warms what every later file finds warm
  await migrateFresh(app, kind);
  await clone(app, kind);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      a.push(await migrateFresh(app, kind));
      b.push(await clone(app, kind));
    } else {
      b.push(await clone(app, kind));
      a.push(await migrateFresh(app, kind));
    }
  }
  const f = { migrateS: median(a), cloneS: median(b), templateS };
  console.log(
    `[${kind}] ${app.name}: migrate fresh ${f.migrateS.toFixed(3)} s, clone ${f.cloneS.toFixed(3)} s ` +
      `(ratio ${(f.migrateS / f.cloneS).toFixed(1)}; medians of ${ROUNDS}: A ${a.map((x) => x.toFixed(2)).join(' ')} | ` +
      `B ${b.map((x) => x.toFixed(2)).join(' ')}); template built once in ${templateS.toFixed(2)} s`,
  );
  return f;
}

async function templatesOfThisRun(): Promise<string[]> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [`${TEMPLATE_PREFIX}${process.env[RUN_ID_ENV]}_`],
    );
    return rows.map((r) => r.datname);
  } finally {
    await c.end();
  }
}

const isTraining = (file: string) => file.startsWith(`apps${path.sep}training-server${path.sep}`);

/** one pass's setup seconds, before and after, from its files and the per-file figures */
function pass(kind: Kind, files: string[], hr: Figures, training: Figures) {
  const trainingFiles = files.filter(isTraining).length;
  const hrFiles = files.length - trainingFiles;
  const before = hrFiles * hr.migrateS + trainingFiles * training.migrateS;
  const after = hrFiles * hr.cloneS + trainingFiles * training.cloneS + hr.templateS + training.templateS;
  const dbFiles = files.filter(usesDatabase);
  const dbTraining = dbFiles.filter(isTraining).length;
  const dbBefore = (dbFiles.length - dbTraining) * hr.migrateS + dbTraining * training.migrateS;
  const dbAfter =
    (dbFiles.length - dbTraining) * hr.cloneS + dbTraining * training.cloneS + hr.templateS + training.templateS;
  console.log(
    `[${kind} pass] ${files.length} files (${hrFiles} at HR's figure — apps/hr-server, and packages/ and scripts ` +
      `with HR's template as the nearest — and ${trainingFiles} apps/training-server): setup ${before.toFixed(1)} s → ` +
      `${after.toFixed(1)} s (ratio ${(before / after).toFixed(1)}; after includes both templates' build, ` +
      `${(hr.templateS + training.templateS).toFixed(1)} s)` +
      (kind === 'pglite'
        ? `; only ${dbFiles.length} of them name a database (the rest never paid a setup): ${dbBefore.toFixed(1)} s → ${dbAfter.toFixed(1)} s`
        : ''),
  );
  return { before, after, dbFiles: dbFiles.length, dbBefore, dbAfter };
}

const stopRun = startRun();
try {
  const figures = {} as Record<Kind, Record<App['name'], Figures>>;
  for (const kind of ['pglite', 'postgres'] as const) {
    figures[kind] = {} as Record<App['name'], Figures>;
    for (const app of apps) figures[kind][app.name] = await measure(app, kind);
  }
  const runDir = process.env[RUN_DIR_ENV]!;
  for (const f of readdirSync(runDir))
    console.log(`[pglite] dump ${f}: ${(statSync(path.join(runDir, f)).size / 1024 / 1024).toFixed(1)} MB`);

  const pgliteFiles = testFiles();
  const postgresFiles = pgliteFiles.filter(usesDatabase);
  const p = pass('pglite', pgliteFiles, figures.pglite.hr, figures.pglite.training);
  const q = pass('postgres', postgresFiles, figures.postgres.hr, figures.postgres.training);
  const before = p.before + q.before;
  const after = p.after + q.after;
  console.log(
    `both passes: setup ${before.toFixed(1)} s → ${after.toFixed(1)} s of worker time (ratio ${(before / after).toFixed(1)}; ` +
      `a file that opens several databases pays its figure each time, so this is a floor)`,
  );
  console.log(
    JSON.stringify({
      bench: 'test-setup',
      rounds: ROUNDS,
      pglite_migrate_s: round(figures.pglite.hr.migrateS),
      pglite_clone_s: round(figures.pglite.hr.cloneS),
      postgres_migrate_s: round(figures.postgres.hr.migrateS),
      postgres_clone_s: round(figures.postgres.hr.cloneS),
      training_pglite_migrate_s: round(figures.pglite.training.migrateS),
      training_pglite_clone_s: round(figures.pglite.training.cloneS),
      training_postgres_migrate_s: round(figures.postgres.training.migrateS),
      training_postgres_clone_s: round(figures.postgres.training.cloneS),
      pglite_template_s: round(figures.pglite.hr.templateS + figures.pglite.training.templateS, 2),
      postgres_template_s: round(figures.postgres.hr.templateS + figures.postgres.training.templateS, 2),
      pglite_files: pgliteFiles.length,
      pglite_db_files: p.dbFiles,
      pglite_db_setup_before_s: round(p.dbBefore, 1),
      pglite_db_setup_after_s: round(p.dbAfter, 1),
      postgres_files: postgresFiles.length,
      pglite_setup_before_s: round(p.before, 1),
      pglite_setup_after_s: round(p.after, 1),
      postgres_setup_before_s: round(q.before, 1),
      postgres_setup_after_s: round(q.after, 1),
      setup_before_s: round(before, 1),
      setup_after_s: round(after, 1),
      ratio: round(before / after, 2),
      load_avg_1m: Number(loadavg()[0]!.toFixed(2)),
    }),
  );
} finally {
  // the run's dump directory and its template databases, as at the end of `npm test`
  await stopRun();
}
// everything this bench made is gone: the clones and empty databases went with each round, the templates here
const left = await templatesOfThisRun();
if (left.length) throw new Error(`templates left behind: ${left.join(', ')}`);
