// npm run bench:search — 従業員一覧 at scale on PostgreSQL: 100,000 employees in the measured tenant,
// 1,000,000 in the database (10 tenants). The list API's typical queries with autocannon at 16
// connections, and the very same SQL (built by the same repository code) raw through pg at the
// same concurrency. Goal: API p95 ≤ 1.3 × raw p95 and ≤ 25 ms.
// DATABASE_URL or TEST_DATABASE_URL names the server and the owner (meant to be a non-superuser
// without BYPASSRLS, as on a managed server: `owner_is_superuser` in the JSON line says which);
// the bench uses its own database on it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { TEmployeeListQuery } from '@jinji/contracts/hr/employees';
import { ZEmployeeListQuery } from '@jinji/contracts/hr/employees';
import { todayInJapan, toSearchForm } from '@jinji/ja/text';
import autocannon from 'autocannon';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { openPostgres } from '../apps/hr-server/src/db/client';
import { migrateDatabase } from '../apps/hr-server/src/db/migrate';
import {
  departmentSubtreeQuery,
  employeeListStatement,
} from '../apps/hr-server/src/features/employees/employees.repository';
import { seedDemo } from '../apps/hr-server/src/features/tenants/demo';

const TENANTS = 10;
const PER_TENANT = Number(process.env.BENCH_EMPLOYEES ?? 100_000);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'Bench-Search-2026!';
const root = path.resolve(import.meta.dirname, '..');

const baseUrl =
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `jinji_bench_search_${PER_TENANT}`;
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
const benchUrl = url.toString();

// ---- data ---------------------------------------------------------------------------------------
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
const exists = (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1;
if (!exists) await admin.query(`create database ${dbName}`);
await admin.end();

const db = openPostgres(benchUrl, 4);
await migrateDatabase(db);
const ownerIsSuperuser = (
  (await db.executeSql('select rolsuper or rolbypassrls as s from pg_roles where rolname = current_user')).rows[0] as {
    s: boolean;
  }
).s;
const have = ((await db.executeSql('select count(*)::int as n from employees')).rows[0] as { n: number }).n;
if (have !== TENANTS * PER_TENANT) {
  if (have > 0)
    throw new Error(`${dbName} holds ${have} employees, expected ${TENANTS * PER_TENANT}: drop it and run again`);
  const t0 = performance.now();
  for (let i = 0; i < TENANTS; i++) {
    await seedDemo(db, {
      password: PASSWORD,
      employees: PER_TENANT,
      tenantCode: `bench${i}`,
      tenantName: `ベンチ${i}株式会社`,
      seed: i + 1,
    });
    process.stdout.write(`  tenant bench${i}: ${PER_TENANT} employees\n`);
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `generated ${TENANTS * PER_TENANT} employees in ${s.toFixed(1)} s (${Math.round((TENANTS * PER_TENANT) / s)} employees/s incl. histories)`,
  );
} else {
  await seedDemo(db, { password: PASSWORD, employees: PER_TENANT, tenantCode: 'bench0' }); // resets the password
}
// What autovacuum would have done a while after the load: visibility map and statistics.
for (const table of ['employees', 'employee_assignments', 'master_items'])
  await db.executeSql(`vacuum analyze ${table}`);
const tenantId = (await db.executeSql(`select id from tenants where code = 'bench0'`)).rows[0] as { id: string };
const division = (
  await db.executeSql(
    `select id from master_items where tenant_id = $1 and kind = 'department' and name = '営業本部'`,
    [tenantId.id],
  )
).rows[0] as { id: string };
const today = todayInJapan();
const monthAgo = todayInJapan(new Date(Date.now() - 30 * 86_400_000));
const yearAgo = todayInJapan(new Date(Date.now() - 365 * 86_400_000));

// The typical screens: a kana search within a division (sub-departments included), the employees
// created in a period (the seed's step 5), and a deep page sorted by kana.
const scenarios: { name: string; qs: string }[] = [
  {
    name: 'kana partial + department subtree',
    qs: `q=${encodeURIComponent('さとう')}&departmentId=${division.id}&pageSize=50`,
  },
  { name: 'created-date range', qs: `createdFrom=${yearAgo}&createdTo=${monthAgo}&pageSize=50` },
  { name: 'sort by kana + page 20', qs: 'sort=kana&page=20&pageSize=50' },
];

// ---- API ----------------------------------------------------------------------------------------
const port = 3800 + Math.floor(Math.random() * 100);
// BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the API server (written at its SIGTERM exit)
const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/hr-server/src/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    DATABASE_URL: benchUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    JINJI_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}
const csrf = await fetch(`${base}/api/v1/auth/csrf`);
const csrfCookie = csrf.headers.getSetCookie()[0]!.split(';')[0]!;
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
  body: JSON.stringify({ tenantCode: 'bench0', loginId: 'admin', password: PASSWORD }),
});
if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
for (const s of scenarios) {
  const r = await fetch(`${base}/api/v1/employees?${s.qs}`, { headers: { cookie } });
  const body = (await r.json()) as { total: number; items: unknown[] };
  console.log(`  ${s.name}: ${r.status}, ${body.total} matches, ${body.items.length} on the page`);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const measureApi = (connections: number, seconds: number) => {
  const times: number[] = [];
  return new Promise<{ result: autocannon.Result; times: number[] }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        headers: { cookie },
        requests: scenarios.map((s) => ({ method: 'GET' as const, path: `/api/v1/employees?${s.qs}` })),
      },
      (err, result) => (err ? reject(err) : resolve({ result, times })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
};
// one user alone first (what a person at the screen sees), then 16 at once
const single = await measureApi(1, Math.max(3, Math.round(SECONDS / 2)));
const { result: api, times: apiTimes } = await measureApi(CONNECTIONS, SECONDS);
// The floor on this machine: the cheapest authenticated request (session lookup in a tenant
// transaction, no search) at the same concurrency. No search can be faster than this.
const floorTimes: number[] = [];
await new Promise<void>((resolve, reject) => {
  const instance = autocannon(
    { url: `${base}/api/v1/auth/me`, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } },
    (err) => (err ? reject(err) : resolve()),
  );
  instance.on('response', (_c, _s, _b, t) => floorTimes.push(t));
});
server.kill('SIGTERM');
await new Promise((r) => server.on('exit', r));

// ---- the same SQL, raw ----------------------------------------------------------------------------
// as the request path does: the request login (from the owner-only table), then SET LOCAL ROLE jinji_app
const requestLogin = (await db.executeSql('select role_name, secret from jinji_request_login')).rows[0] as {
  role_name: string;
  secret: string;
};
const requestUrl = new URL(benchUrl);
requestUrl.username = encodeURIComponent(requestLogin.role_name);
requestUrl.password = encodeURIComponent(requestLogin.secret);
const pool = new pg.Pool({ connectionString: requestUrl.toString(), max: CONNECTIONS });
const dialect = new PgDialect();
const subtreeOf = async (id: string) => {
  const q = dialect.sqlToQuery(departmentSubtreeQuery(id, tenantId.id));
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query(`select set_config('app.tenant_id', $1, true), set_config('role', 'jinji_app', true)`, [tenantId.id]);
    const ids = (await c.query(q.sql, q.params as unknown[])).rows.map((r) => r.id as string);
    await c.query('commit');
    return ids;
  } finally {
    c.release();
  }
};
// the very statements listEmployees runs: the subtree, then the one list statement
const statements = await Promise.all(
  scenarios.map(async (s) => {
    const f = ZEmployeeListQuery.parse(Object.fromEntries(new URLSearchParams(s.qs))) as TEmployeeListQuery;
    const departmentIds = f.departmentId ? await subtreeOf(f.departmentId) : undefined;
    return {
      subtree: f.departmentId ? dialect.sqlToQuery(departmentSubtreeQuery(f.departmentId, tenantId.id)) : null,
      list: dialect.sqlToQuery(
        employeeListStatement(
          { ...f, searchForm: f.q ? toSearchForm(f.q) : undefined, departmentIds },
          today,
          tenantId.id,
        ),
      ),
    };
  }),
);
const rawTimes: number[] = [];
const end = Date.now() + SECONDS * 1000;
let n = 0;
await Promise.all(
  Array.from({ length: CONNECTIONS }, async () => {
    const c = await pool.connect();
    try {
      while (Date.now() < end) {
        const st = statements[n++ % statements.length]!;
        const t0 = performance.now();
        await c.query('begin');
        await c.query(`select set_config('app.tenant_id', $1, true), set_config('role', 'jinji_app', true)`, [
          tenantId.id,
        ]);
        if (st.subtree) await c.query(st.subtree.sql, st.subtree.params as unknown[]);
        await c.query(st.list.sql, st.list.params as unknown[]);
        await c.query('commit');
        rawTimes.push(performance.now() - t0);
      }
    } finally {
      c.release();
    }
  }),
);
await pool.end();
await db.close();

const apiP = { p50: pct(apiTimes, 50), p95: pct(apiTimes, 95), p99: pct(apiTimes, 99) };
const rawP = { p50: pct(rawTimes, 50), p95: pct(rawTimes, 95), p99: pct(rawTimes, 99) };
const apiRps = api.requests.total / SECONDS;
const rawRps = rawTimes.length / SECONDS;
const ratio = apiP.p95 / rawP.p95;
console.log(
  `\nemployees: ${PER_TENANT} in the tenant, ${TENANTS * PER_TENANT} in the database; ${CONNECTIONS} connections, ${SECONDS} s each`,
);
console.log(
  `API  p50 ${apiP.p50.toFixed(1)} ms  p95 ${apiP.p95.toFixed(1)} ms  p99 ${apiP.p99.toFixed(1)} ms  ${apiRps.toFixed(0)} req/s  (non-2xx ${api.non2xx})`,
);
console.log(
  `raw  p50 ${rawP.p50.toFixed(1)} ms  p95 ${rawP.p95.toFixed(1)} ms  p99 ${rawP.p99.toFixed(1)} ms  ${rawRps.toFixed(0)} req/s`,
);
console.log(
  `floor: GET /api/v1/auth/me (no search) at ${CONNECTIONS} connections p50 ${pct(floorTimes, 50).toFixed(1)} ms  p95 ${pct(floorTimes, 95).toFixed(1)} ms  ${(floorTimes.length / SECONDS).toFixed(0)} req/s`,
);
console.log(
  `ratio API/raw p95 ${ratio.toFixed(2)} (goal ≤ 1.3), API p95 goal ≤ 25 ms: ${apiP.p95 <= 25 && ratio <= 1.3 ? 'met' : 'NOT met'}`,
);
console.log(
  JSON.stringify({
    bench: 'search',
    owner_is_superuser: ownerIsSuperuser,
    employees: PER_TENANT,
    database_employees: TENANTS * PER_TENANT,
    api_p50_ms: Number(apiP.p50.toFixed(1)),
    api_p95_ms: Number(apiP.p95.toFixed(1)),
    api_p99_ms: Number(apiP.p99.toFixed(1)),
    raw_p50_ms: Number(rawP.p50.toFixed(1)),
    raw_p95_ms: Number(rawP.p95.toFixed(1)),
    raw_p99_ms: Number(rawP.p99.toFixed(1)),
    ratio_p95: Number(ratio.toFixed(2)),
    api_rps: Number(apiRps.toFixed(0)),
    raw_rps: Number(rawRps.toFixed(0)),
    api_p95_ms_1_connection: Number(pct(single.times, 95).toFixed(1)),
    floor_me_p95_ms: Number(pct(floorTimes, 95).toFixed(1)),
    floor_me_rps: Number((floorTimes.length / SECONDS).toFixed(0)),
  }),
);
