// npm run bench:tenants — the same data on one tenant or spread over many (docs/scale-out.md): 100,000
// employees as one tenant of 100,000, then as 1,000 tenants of 100, each in a fresh database on the
// PostgreSQL server of DATABASE_URL / TEST_DATABASE_URL (its owner, who needs CREATEDB). For a tenant it
// measures what a person at the screen sees: the 従業員一覧 API (first page, and a kana search) one request
// at a time, p50/p95; and a 100-row 新規登録用ファイル import through the API (upload → job → 正常終了).
// Floors: the very list SQL (built by the same repository code) raw through the request login in a tenant
// transaction; and the 100 employee rows the import wrote, inserted again raw in one transaction.
// BENCH_EMPLOYEES, BENCH_TENANTS, BENCH_REQUESTS change the sizes.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type TEmployeeListQuery, ZEmployeeListQuery } from '@jinji/contracts/hr/employees';
import { IMPORT_COLUMNS_NEW } from '@jinji/contracts/hr/imports';
import { todayInJapan, toSearchForm } from '@jinji/ja/text';
import { encodeCsv } from '@jinji/office-files/csv';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openPostgres } from '../apps/hr-server/src/db/client';
import { migrateDatabase } from '../apps/hr-server/src/db/migrate';
import { employeeListStatement } from '../apps/hr-server/src/features/employees/employees.repository';
import { seedDemo } from '../apps/hr-server/src/features/tenants/demo';
import { makePerson, random } from '../apps/hr-server/src/features/tenants/demo-data';
import { Http } from './http-client';
import { scratchDatabases } from './scratch-database';

const TOTAL = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const MANY = Number(process.env.BENCH_TENANTS ?? 1_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const IMPORTS = 3;
const IMPORT_ROWS = 100;
const PASSWORD = 'Bench-Tenants-2026!';
const root = path.resolve(import.meta.dirname, '..');
const adminUrl =
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const { fresh, drop } = scratchDatabases(adminUrl);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const median = (xs: number[]) => pct(xs, 50);

/** A 100-row 新規登録用ファイル (CP932) with only what a new employee needs; numbers start at `prefix`. */
function importFile(prefix: string, seed: number): Buffer {
  const rnd = random(seed);
  const header = IMPORT_COLUMNS_NEW.map((c) => c.header);
  const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => {
    const p = makePerson(rnd, Date.now());
    const values: Record<string, string> = {
      employeeNumber: `${prefix}${String(i + 1).padStart(4, '0')}`,
      lastName: p.lastName,
      firstName: p.firstName,
      lastNameKana: p.lastNameKana,
      firstNameKana: p.firstNameKana,
      birthDate: p.birthDate.replaceAll('-', '/'),
      gender: p.gender,
      hireDate: p.hireDate.replaceAll('-', '/'),
    };
    return IMPORT_COLUMNS_NEW.map((c) => values[c.key] ?? '');
  });
  return encodeCsv([header, ...rows], 'cp932');
}

type Figures = {
  seedSeconds: number;
  api: number[];
  raw: number[];
  imports: number[];
  importFloors: number[];
};

async function scenario(name: string, tenants: number, perTenant: number): Promise<Figures> {
  const dbName = `jinji_bench_tenants_${name}`;
  const url = await fresh(dbName);
  const db = openPostgres(url, 4);
  const t0 = performance.now();
  await migrateDatabase(db);
  for (let i = 0; i < tenants; i++) {
    await seedDemo(db, { password: PASSWORD, employees: perTenant, tenantCode: `t${i}`, seed: i + 1 });
    if (tenants > 1 && (i + 1) % 100 === 0) process.stdout.write(`  ${i + 1} tenants\n`);
  }
  for (const table of ['employees', 'employee_assignments', 'master_items', 'user_accounts', 'sessions'])
    await db.executeSql(`vacuum analyze ${table}`);
  const seedSeconds = (performance.now() - t0) / 1000;
  console.log(`[${name}] ${tenants} × ${perTenant} employees seeded in ${seedSeconds.toFixed(1)} s`);

  // the tenants measured: spread over the range (one of each tenth), or the one
  const measured = Array.from({ length: Math.min(10, tenants) }, (_, k) => `t${Math.floor((k * tenants) / 10)}`);
  const ids = new Map<string, string>();
  for (const code of measured)
    ids.set(
      code,
      ((await db.executeSql('select id from tenants where code = $1', [code])).rows[0] as { id: string }).id,
    );

  const port = 4000 + Math.floor(Math.random() * 100);
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/hr-server/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JINJI_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((r) => server.on('exit', r));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const queries = ['pageSize=50', `q=${encodeURIComponent('さとう')}&pageSize=50`];
  const api: number[] = [];
  const imports: number[] = [];
  const importFloors: number[] = [];
  const raw: number[] = [];
  try {
    const clients = new Map<string, Http>();
    for (const code of measured) {
      const http = new Http(base);
      await http.req('POST', '/api/v1/auth/login', { tenantCode: code, loginId: 'admin', password: PASSWORD });
      http.csrf = ''; // rotated at login
      clients.set(code, http);
    }
    // warm-up: one of each, then the measured requests, one at a time, the tenants in turn
    for (const http of clients.values()) for (const q of queries) await http.req('GET', `/api/v1/employees?${q}`);
    for (let i = 0; i < REQUESTS; i++) {
      const http = clients.get(measured[i % measured.length]!)!;
      const started = performance.now();
      await http.req('GET', `/api/v1/employees?${queries[i % queries.length]}`);
      api.push(performance.now() - started);
    }

    // the import of a tenant: IMPORTS of them, each in another measured tenant (one tenant: the one, again)
    for (let k = 0; k < IMPORTS; k++) {
      const code = measured[(k * 3) % measured.length]!;
      const http = clients.get(code)!;
      const me = await http.req('GET', '/api/v1/auth/me');
      await http.req('PUT', '/api/v1/access/roles/hr_admin/members', { add: [me.user.id] }).catch(() => {});
      const prefix = `N${k}`;
      const started = performance.now();
      const job = await http.req('POST', '/api/v1/imports', importFile(prefix, 100 + k), {
        'x-file-name': encodeURIComponent(`新規登録用ファイル_${k}.csv`),
      });
      let last = job;
      while (last.status === 'processing') {
        await new Promise((r) => setTimeout(r, 20));
        last = await http.req('GET', `/api/v1/imports/${job.id}`);
      }
      imports.push((performance.now() - started) / 1000);
      if (last.status !== 'succeeded') throw new Error(`import ${last.status}: ${last.log}`);
      importFloors.push(await importFloor(db, ids.get(code)!, prefix));
    }
  } finally {
    server.kill('SIGTERM');
    await exited;
  }

  // ---- the floor of the list: the same SQL raw, on the request login in a tenant transaction ----
  const login = (await db.executeSql('select role_name, secret from jinji_request_login')).rows[0] as {
    role_name: string;
    secret: string;
  };
  const requestUrl = new URL(url);
  requestUrl.username = encodeURIComponent(login.role_name);
  requestUrl.password = encodeURIComponent(login.secret);
  const client = new pg.Client({ connectionString: requestUrl.toString() });
  await client.connect();
  const dialect = new PgDialect();
  const today = todayInJapan();
  // one statement per (query, measured tenant): the list names its tenant (Citus co-location)
  const statements = queries.flatMap((qs) => {
    const f = ZEmployeeListQuery.parse(Object.fromEntries(new URLSearchParams(qs))) as TEmployeeListQuery;
    return measured.map((code) => ({
      code,
      ...dialect.sqlToQuery(
        employeeListStatement({ ...f, searchForm: f.q ? toSearchForm(f.q) : undefined }, today, ids.get(code)!),
      ),
    }));
  });
  for (let i = 0; i < REQUESTS + measured.length * 2; i++) {
    const st = statements[i % statements.length]!;
    const started = performance.now();
    await client.query('begin');
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('role', 'jinji_app', true)`, [
      ids.get(st.code),
    ]);
    await client.query(st.sql, st.params as unknown[]);
    await client.query('commit');
    if (i >= measured.length * 2) raw.push(performance.now() - started); // the first round warms up
  }
  await client.end();
  await db.close();
  await drop(dbName);
  return { seedSeconds, api, raw, imports, importFloors };
}

/**
 * The floor of an import's database work: the employee rows it wrote, read back as JSON and inserted again
 * (new ids and numbers) in one transaction by the owner (constraints and the owner's policy apply), no
 * per-row work in Node. Employees only: the import also
 * writes assignments and audit rows, so the real floor is higher — this one is a lower bound.
 */
async function importFloor(db: ReturnType<typeof openPostgres>, tenantId: string, prefix: string): Promise<number> {
  const json = (
    (
      await db.executeSql(
        `select json_agg(e)::text as j from employees e where tenant_id = $1 and employee_number like $2`,
        [tenantId, `${prefix}%`],
      )
    ).rows[0] as { j: string }
  ).j;
  const rows = (JSON.parse(json) as Record<string, unknown>[]).map((r) => ({
    ...r,
    id: randomUUID(),
    employee_number: `F${String(r.employee_number)}`,
  }));
  const conn = db.engine.kind === 'postgres' ? await db.engine.pool.connect() : null;
  if (!conn) throw new Error('PostgreSQL only');
  try {
    const t0 = performance.now();
    await conn.query('begin');
    await conn.query(`insert into employees select * from json_populate_recordset(null::employees, $1::json)`, [
      JSON.stringify(rows),
    ]);
    await conn.query('commit');
    return (performance.now() - t0) / 1000;
  } finally {
    conn.release();
  }
}

console.log(`bench:tenants — ${TOTAL.toLocaleString()} employees: 1 tenant vs ${MANY} tenants of ${TOTAL / MANY}`);
const one = await scenario('one', 1, TOTAL);
const many = await scenario('many', MANY, Math.round(TOTAL / MANY));

const line = (label: string, f: Figures) => {
  console.log(
    `${label}: list API p50 ${median(f.api).toFixed(1)} ms  p95 ${pct(f.api, 95).toFixed(1)} ms | raw SQL p50 ${median(f.raw).toFixed(1)} ms  p95 ${pct(f.raw, 95).toFixed(1)} ms | ratio p95 ${(pct(f.api, 95) / pct(f.raw, 95)).toFixed(2)}`,
  );
  console.log(
    `${label}: 100-row import ${f.imports.map((s) => s.toFixed(2)).join(' / ')} s (median ${median(f.imports).toFixed(2)}) | floor (employee rows raw) ${median(f.importFloors).toFixed(3)} s | ratio ${(median(f.imports) / median(f.importFloors)).toFixed(0)}×`,
  );
};
console.log('');
line('1 tenant   ', one);
line(`${MANY} tenants`, many);
console.log(
  `many/one: list p95 ${(pct(many.api, 95) / pct(one.api, 95)).toFixed(2)}×, import ${(median(many.imports) / median(one.imports)).toFixed(2)}×`,
);
const r = (x: number, d = 1) => Number(x.toFixed(d));
console.log(
  JSON.stringify({
    bench: 'tenants',
    employees: TOTAL,
    tenants_many: MANY,
    one_tenant_list_p50_ms: r(median(one.api)),
    one_tenant_list_p95_ms: r(pct(one.api, 95)),
    many_tenants_list_p50_ms: r(median(many.api)),
    many_tenants_list_p95_ms: r(pct(many.api, 95)),
    one_tenant_raw_p95_ms: r(pct(one.raw, 95)),
    many_tenants_raw_p95_ms: r(pct(many.raw, 95)),
    one_tenant_import_s: r(median(one.imports), 2),
    many_tenants_import_s: r(median(many.imports), 2),
    one_tenant_import_floor_s: r(median(one.importFloors), 3),
    many_tenants_import_floor_s: r(median(many.importFloors), 3),
    one_seed_s: r(one.seedSeconds),
    many_seed_s: r(many.seedSeconds),
  }),
);
