// npm run bench:import — a 100,000-row 「新規登録用ファイル」 in CP932 (every column, 和暦 and masters by
// name) imported end to end through the API (upload → durable job → 正常終了), on PGlite and then on
// PostgreSQL. In the same run it measures the floor — the rows the import wrote, written again into a
// freshly migrated database (every foreign key, index, RLS policy) in one transaction the cheapest way —
// and a raw COPY into an unindexed table. Prints rows/s, ratio to the floor, peak RSS over idle.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMPORT_COLUMNS_NEW } from '@jinji/contracts/hr/imports';
import { toWareki } from '@jinji/ja/dates';
import { toKatakana } from '@jinji/ja/text';
import { encodeCsv, encodeCsvText } from '@jinji/office-files/csv';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { openPglite, openPostgres } from '../apps/hr-server/src/db/client';
import { DEMO_MASTERS, makePerson, pick, random } from '../apps/hr-server/src/features/tenants/demo-data';
import { createBenchTenant, runHrCli } from './hr-cli';
import { Http } from './http-client';
import { scratchDatabases } from './scratch-database';

const root = path.resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const PASSWORD = 'Bench-Import-2026!';
const pgAdminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const { fresh: freshPostgres, drop: dropPostgres } = scratchDatabases(pgAdminUrl);
const only = process.env.BENCH_DB; // 'pglite' | 'postgres' to run one
// BENCH_ROUND_TRIP=0 skips the exports and the re-import of the Excel export (information only)
const ROUND_TRIP = process.env.BENCH_ROUND_TRIP !== '0';
const dbName = 'jinji_bench_import';
const floorDbName = 'jinji_bench_floor';

// ---- the file -----------------------------------------------------------------------------------
const DEPARTMENTS = ['営業部', '人事部', '経理部', '技術部', '製造部', '企画部', '総務部', '品質保証部'];
const LOCATIONS = ['東京本社', '大阪支店', '名古屋支店', '福岡支店'];
const PREFS = ['東京都', '大阪府', '愛知県', '福岡県', '北海道', '神奈川県'];
const CITIES = ['墨田区', '北区', '中央区', '港区', '博多区', '札幌市中央区'];

function makeFile(rows: number): { bytes: Buffer; records: string[][] } {
  const rnd = random(20261125);
  const today = Date.now();
  const header = IMPORT_COLUMNS_NEW.map((c) => c.header);
  const records: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const p = makePerson(rnd, today);
    const number = `B${String(i + 1).padStart(6, '0')}`;
    const hasLogin = rnd() < 0.5;
    const kanaStyle = rnd();
    const kana = (s: string) => (kanaStyle < 0.5 ? s : toKatakana(s));
    const birth = rnd() < 0.3 ? toWareki(p.birthDate) : p.birthDate.replaceAll('-', '/');
    const values: Record<string, string> = {
      employeeNumber: number,
      loginId: hasLogin ? `u${number.toLowerCase()}` : '',
      lastName: p.lastName,
      firstName: p.firstName,
      lastNameKana: kana(p.lastNameKana),
      firstNameKana: kana(p.firstNameKana),
      businessLastName: rnd() < 0.05 ? p.lastName : '',
      businessFirstName: '',
      birthDate: birth,
      gender: p.gender,
      hireDate: p.hireDate.replaceAll('-', '/'),
      retirementDate: p.retirementDate?.replaceAll('-', '/') ?? '',
      email: hasLogin || rnd() < 0.3 ? `${number.toLowerCase()}@bench.example.jp` : '',
      systemUseStartDate: hasLogin ? p.hireDate.replaceAll('-', '') : '',
      postalCode: `${100 + Math.floor(rnd() * 899)}-${String(Math.floor(rnd() * 9999)).padStart(4, '0')}`,
      prefecture: pick(rnd, PREFS),
      city: pick(rnd, CITIES),
      street: `${1 + Math.floor(rnd() * 9)}-${1 + Math.floor(rnd() * 30)}-${1 + Math.floor(rnd() * 20)}`,
      building: rnd() < 0.3 ? `〜メゾン${Math.floor(rnd() * 900 + 100)}号室` : '',
      phone: rnd() < 0.5 ? `03-${String(Math.floor(rnd() * 9999)).padStart(4, '0')}-0000` : '',
      mobilePhone: `090-${String(Math.floor(rnd() * 9999)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`,
      companyId: 'ベンチ株式会社',
      departmentId: pick(rnd, DEPARTMENTS),
      positionId: pick(rnd, DEMO_MASTERS.position),
      gradeId: pick(rnd, DEMO_MASTERS.grade),
      jobTypeId: pick(rnd, DEMO_MASTERS.job_type),
      locationId: pick(rnd, LOCATIONS),
      employmentTypeId: pick(rnd, DEMO_MASTERS.employment_type),
      workStyleId: pick(rnd, DEMO_MASTERS.work_style),
      hiringCategoryId: pick(rnd, DEMO_MASTERS.hiring_category),
      isStartupTarget: rnd() < 0.1 ? '1' : '0',
    };
    records.push(IMPORT_COLUMNS_NEW.map((c) => values[c.key] ?? ''));
  }
  // encodeCsv maps 〜 to ～ for CP932, as Excel does
  return { bytes: encodeCsv([header, ...records], 'cp932'), records };
}

// ---- a server process -----------------------------------------------------------------------------
type Target = { db: 'pglite' | 'postgres'; env: Record<string, string> };

async function benchOne(t: Target, file: { bytes: Buffer; records: string[][] }) {
  const code = `imp${Date.now().toString(36)}`;
  await runHrCli(['migrate'], { ...process.env, ...t.env });
  await createBenchTenant(code, PASSWORD, { ...process.env, ...t.env });
  const port = 3900 + Math.floor(Math.random() * 90);
  // BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server (written at its SIGTERM exit)
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/hr-server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, ...t.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => server.on('exit', r));
  const http = new Http(`http://127.0.0.1:${port}`);
  for (;;) {
    try {
      if ((await fetch(`${http.base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const rssMb = () => {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    return {
      hwm: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
      rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
    };
  };
  try {
    await http.req('POST', '/api/v1/auth/login', { tenantCode: code, loginId: 'admin', password: PASSWORD });
    http.csrf = ''; // rotated at login
    const me = await http.req('GET', '/api/v1/auth/me');
    await http.req('PUT', '/api/v1/access/roles/hr_admin/members', { add: [me.user.id] });
    const company = await http.req('POST', '/api/v1/masters/company', { code: '001', name: 'ベンチ株式会社' });
    for (const [i, name] of DEPARTMENTS.entries())
      await http.req('POST', '/api/v1/masters/department', { code: `D${i}`, name, companyId: company.id });
    for (const [i, name] of LOCATIONS.entries())
      await http.req('POST', '/api/v1/masters/location', { code: `L${i}`, name, companyId: company.id });
    for (const kind of ['position', 'grade', 'job_type', 'employment_type', 'work_style', 'hiring_category'] as const)
      for (const [i, name] of DEMO_MASTERS[kind].entries())
        await http.req('POST', `/api/v1/masters/${kind}`, { code: `${kind.slice(0, 2)}${i}`, name });

    const before = rssMb();
    let peak = before.rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb().rss);
    }, 100);
    const started = performance.now();
    const job = await http.req('POST', '/api/v1/imports', file.bytes, {
      'x-file-name': encodeURIComponent('新規登録用ファイル_100000.csv'),
    });
    let last = job;
    let lastPrint = 0;
    while (last.status === 'processing') {
      await new Promise((r) => setTimeout(r, 250));
      last = await http.req('GET', `/api/v1/imports/${job.id}`);
      if (performance.now() - lastPrint > 5000) {
        lastPrint = performance.now();
        console.log(
          `  ${((performance.now() - started) / 1000).toFixed(1)} s: validated ${last.rowsValidated}, written ${last.rowsWritten}`,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const { hwm } = rssMb();
    if (last.status !== 'succeeded') {
      const errors = await http.req('GET', `/api/v1/imports/${job.id}/errors.json?pageSize=5`);
      throw new Error(`import ${last.status}: ${last.log} ${JSON.stringify(errors.items)}`);
    }
    const list = await http.req('GET', '/api/v1/employees?pageSize=1');
    if (list.total !== ROWS && !(list.isTotalCapped && ROWS > 10_000))
      throw new Error(`expected ${ROWS} employees, list says ${list.total}`);
    // the other half of the round trip: every employee out again in the 更新用ファイル layout
    const exports: Record<string, { seconds: number; mb: number }> = {};
    let roundTrip: { seconds: number; log: string } | null = null;
    if (ROUND_TRIP) {
      let exportedXlsx = Buffer.alloc(0);
      for (const encoding of ['cp932', 'xlsx']) {
        const t0 = performance.now();
        const res = await fetch(`${http.base}/api/v1/imports/export?encoding=${encoding}`, {
          headers: { cookie: [...http.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200) throw new Error(`export ${encoding}: ${res.status} ${bytes.toString()}`);
        exports[encoding] = { seconds: (performance.now() - t0) / 1000, mb: bytes.length / 1024 / 1024 };
        if (encoding === 'xlsx') exportedXlsx = bytes;
      }
      // …and back in as a 更新用ファイル: nothing may change
      const t1 = performance.now();
      const update = await http.req('POST', '/api/v1/imports?kind=employees_update', exportedXlsx, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'x-file-name': encodeURIComponent('従業員データ_更新用.xlsx'),
      });
      let updated = update;
      while (updated.status === 'processing') {
        await new Promise((r) => setTimeout(r, 250));
        updated = await http.req('GET', `/api/v1/imports/${update.id}`);
      }
      if (updated.status !== 'succeeded' || updated.rowsWritten !== 0) {
        const errors = await http.req('GET', `/api/v1/imports/${update.id}/errors.json?pageSize=5`);
        throw new Error(`re-import of the export: ${updated.status} ${updated.log} ${JSON.stringify(errors.items)}`);
      }
      roundTrip = { seconds: (performance.now() - t1) / 1000, log: updated.log as string };
    }
    const afterExports = rssMb().hwm;
    server.kill('SIGTERM');
    await exited;
    return {
      code,
      seconds,
      peakRssMb: Math.max(hwm, peak),
      rssBeforeMb: before.rss,
      exports,
      roundTrip,
      exportPeakRssMb: afterExports,
    };
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

async function copyRaw(t: Target, records: string[][]): Promise<number> {
  const db = t.db === 'pglite' ? await openPglite(t.env.JINJI_DATA_DIR) : openPostgres(t.env.DATABASE_URL!, 2);
  try {
    const cols = IMPORT_COLUMNS_NEW.map((_, i) => `c${i}`);
    await db.executeSql(`drop table if exists bench_import_copy`);
    await db.executeSql(`create table bench_import_copy (${cols.map((c) => `${c} text`).join(', ')})`);
    const text = encodeCsvText(records);
    const started = performance.now();
    await db.copyFrom('bench_import_copy', cols, text);
    const seconds = (performance.now() - started) / 1000;
    const n = (await db.executeSql('select count(*)::int as n from bench_import_copy')).rows[0] as { n: number };
    if (n.n !== records.length) throw new Error(`COPY loaded ${n.n} rows`);
    await db.executeSql('drop table bench_import_copy');
    return seconds;
  } finally {
    await db.close();
  }
}

// ---- the floor: the same rows into fresh tables, in one transaction, the cheapest way -------------
const FLOOR_TABLES = [
  ['employees', 'true'],
  ['user_accounts', 'employee_id is not null'],
  ['employee_assignments', 'true'],
  ['employee_contracts', 'true'],
  ['audit_logs', "target_type = 'employee' and action = 'create'"],
] as const;
const FLOOR_CHUNK = 10_000;

/**
 * What the import's database work cannot go below: the rows it wrote (read back, already JSON text)
 * written again into a freshly migrated database — every foreign key, index, RLS policy — as the app
 * role under the tenant's policy, in one transaction, with no per-row work in Node.
 */
async function measureFloor(t: Target, tenantCode: string): Promise<number> {
  const open = (env: Record<string, string>) =>
    t.db === 'pglite' ? openPglite(env.JINJI_DATA_DIR) : Promise.resolve(openPostgres(env.DATABASE_URL!, 2));
  const freshEnv: Record<string, string> =
    t.db === 'pglite'
      ? { JINJI_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'jinji-bench-floor-')) }
      : { DATABASE_URL: await freshPostgres(floorDbName) };
  await runHrCli(['migrate'], { ...process.env, ...freshEnv });
  const source = await open(t.env);
  const chunks: { table: string; json: string }[] = [];
  let tenantId = '';
  const setup: { table: string; json: string }[] = [];
  try {
    const one = async (q: string, values: unknown[]) =>
      ((await source.executeSql(q, values)).rows[0] as { j: string }).j;
    tenantId = (
      (await source.executeSql('select id from tenants where code = $1', [tenantCode])).rows[0] as { id: string }
    ).id;
    setup.push({
      table: 'tenants',
      json: await one(`select json_agg(t)::text as j from tenants t where id = $1`, [tenantId]),
    });
    setup.push({
      table: 'master_items',
      json: await one(`select json_agg(t)::text as j from master_items t where tenant_id = $1`, [tenantId]),
    });
    for (const [table, where] of FLOOR_TABLES) {
      for (let offset = 0; ; offset += FLOOR_CHUNK) {
        const json = await one(
          `select coalesce(json_agg(t), '[]')::text as j from (select * from ${table} where tenant_id = $1 and ${where} order by id limit ${FLOOR_CHUNK} offset ${offset}) t`,
          [tenantId],
        );
        if (json === '[]') break;
        chunks.push({ table, json });
      }
    }
  } finally {
    await source.close();
  }
  const fresh = await open(freshEnv);
  try {
    for (const { table, json } of setup)
      await fresh.executeSql(`insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`, [
        json,
      ]);
    const started = performance.now();
    await fresh.asTenant(tenantId, async (tx) => {
      for (const { table, json } of chunks)
        await tx.execute(
          sql`insert into ${sql.identifier(table)} select * from json_populate_recordset(null::${sql.identifier(table)}, ${json}::json)`,
        );
    });
    const seconds = (performance.now() - started) / 1000;
    const n = (await fresh.executeSql('select count(*)::int as n from employees')).rows[0] as { n: number };
    if (n.n !== ROWS) throw new Error(`the floor wrote ${n.n} employees`);
    return seconds;
  } finally {
    await fresh.close();
    if (t.db === 'pglite') rmSync(freshEnv.JINJI_DATA_DIR!, { recursive: true, force: true });
    else await dropPostgres(floorDbName);
  }
}

// ---- main ----------------------------------------------------------------------------------------
console.log(`bench:import — generating ${ROWS.toLocaleString()} rows (CP932, ${IMPORT_COLUMNS_NEW.length} columns)…`);
const file = makeFile(ROWS);
if (process.env.BENCH_FILE_ONLY) {
  writeFileSync(process.env.BENCH_FILE_ONLY, file.bytes);
  process.exit(0);
}
console.log(
  `  file: ${(file.bytes.length / 1024 / 1024).toFixed(1)} MB; decodes back: ${iconv.decode(file.bytes.subarray(0, 40), 'cp932').slice(0, 12)}…`,
);

const targets: Target[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-bench-import-'));
if (only !== 'postgres') targets.push({ db: 'pglite', env: { JINJI_DATA_DIR: dataDir } });
if (only !== 'pglite') targets.push({ db: 'postgres', env: { DATABASE_URL: await freshPostgres(dbName) } });

const lines: string[] = [];
for (const t of targets) {
  console.log(`\n[${t.db}] importing through the API…`);
  const r = await benchOne(t, file);
  const copySeconds = await copyRaw(t, file.records);
  console.log(`  measuring the floor: the same rows into fresh tables in one transaction…`);
  const floorSeconds = await measureFloor(t, r.code);
  const rowsPerS = ROWS / r.seconds;
  const copyRowsPerS = ROWS / copySeconds;
  const ratio = r.seconds / copySeconds;
  const ratioToFloor = r.seconds / floorSeconds;
  const overIdle = r.peakRssMb - r.rssBeforeMb;
  console.log(`  import: ${r.seconds.toFixed(2)} s = ${Math.round(rowsPerS).toLocaleString()} rows/s`);
  console.log(
    `  floor (the same rows, constraints, RLS and audit rows, one transaction): ${floorSeconds.toFixed(2)} s; ratio ${ratioToFloor.toFixed(2)}× (goal ≤ 1.3×) ${ratioToFloor <= 1.3 ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `  raw COPY of the same rows into an unindexed table: ${copySeconds.toFixed(2)} s = ${Math.round(copyRowsPerS).toLocaleString()} rows/s; ratio ${ratio.toFixed(2)}× (information)`,
  );
  for (const [encoding, e] of Object.entries(r.exports))
    console.log(
      `  export of all ${ROWS.toLocaleString()} (${encoding}): ${e.seconds.toFixed(2)} s, ${e.mb.toFixed(1)} MB`,
    );
  if (r.roundTrip)
    console.log(
      `  the Excel export imported back as 更新用ファイル: ${r.roundTrip.seconds.toFixed(2)} s, 「${r.roundTrip.log}」`,
    );
  if (ROUND_TRIP)
    console.log(`  server peak RSS including the exports and the re-import: ${Math.round(r.exportPeakRssMb)} MB`);
  console.log(
    `  server peak RSS during the import: ${Math.round(r.peakRssMb)} MB = idle ${Math.round(r.rssBeforeMb)} MB + ${Math.round(overIdle)} MB (goal ≤ 150 MB over idle) ${overIdle <= 150 ? 'MET' : 'NOT MET'}`,
  );
  lines.push(
    JSON.stringify({
      bench: 'import',
      db: t.db,
      rows: ROWS,
      seconds: Number(r.seconds.toFixed(2)),
      rows_per_s: Math.round(rowsPerS),
      floor_seconds: Number(floorSeconds.toFixed(2)),
      ratio_to_floor: Number(ratioToFloor.toFixed(2)),
      ratio_to_copy: Number(ratio.toFixed(2)),
      peak_rss_mb: Math.round(r.peakRssMb),
      rss_over_idle_mb: Math.round(overIdle),
      pglite_idle_rss_mb: t.db === 'pglite' ? Math.round(r.rssBeforeMb) : null,
    }),
  );
}
rmSync(dataDir, { recursive: true, force: true });
if (only !== 'pglite') await dropPostgres(dbName);
console.log('');
for (const l of lines) console.log(l);
