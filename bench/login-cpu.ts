// npm run bench:login-cpu — CPU per login, by process and thread (decision 004 "Measured 2026-12-03"): the
// server's main thread and its other threads (argon2 on libuv's pool), its PostgreSQL backends (the pool's,
// polled, as last seen) and the server's WAL writer, checkpointer and background writer (shared with
// anything else on that server), the load generator; then argon2id verify's CPU alone at 16 concurrent, in
// this process with this environment (as bench:login's floor). CPU time, not throughput: a busy shared
// machine moves it far less than logins/s. Linux only (/proc). LOGINS (1500) after 200 to warm up;
// SERVER_NODE_ARGS (e.g. --cpu-prof); PERF=<file> records the server, its backends and this process with
// `perf record -g` (with SERVER_NODE_ARGS="--perf-basic-prof --interpreted-frames-native-stack").
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import pg from 'pg';
import { BENCH_PASSWORD as password, startLoginBenchServer } from './login-setup';

const connections = 16;
const amount = Number(process.env.LOGINS ?? 1500);
const app = `jinjiprof${process.pid}`;
const { base, code, server, stop } = await startLoginBenchServer({
  connections,
  env: { PGAPPNAME: app },
  serverArgs: (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
});
const tick = 100; // USER_HZ
const cpuOf = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / tick;
  } catch {
    return 0;
  }
};
// the server's main thread (its tid is its pid) apart from its other threads (argon2 runs on libuv's pool)
const mainOf = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / tick;
  } catch {
    return 0;
  }
};
const owner = new pg.Client({ connectionString: process.env.DATABASE_URL });
await owner.connect();
const backends = async () =>
  (await owner.query('select pid from pg_stat_activity where application_name = $1', [app])).rows.map(
    (r) => r.pid as number,
  );
const csrfRes = await fetch(`${base}/api/v1/auth/csrf`);
const csrfCookie = csrfRes.headers.getSetCookie()[0]!.split(';')[0]!;
const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
const opts = (n: number) => {
  let next = 0;
  return {
    url: `${base}/api/v1/auth/login`,
    method: 'POST' as const,
    connections,
    amount: n,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
    setupClient: (client: autocannon.Client) => {
      next = (next % connections) + 1;
      client.setBody(JSON.stringify({ tenantCode: code, loginId: `bench${String(next).padStart(2, '0')}`, password }));
    },
  };
};
await autocannon(opts(200)); // warm-up: JIT, prepared statements, the pool's connections
const pids = await backends();
// the server's WAL writer flushes asynchronous commits (shared with anything else on the server)
const aux = readdirSync('/proc')
  .filter((d) => /^\d+$/.test(d))
  .filter((d) => {
    try {
      return /^postgres: .*(walwriter|checkpointer|background writer)/.test(readFileSync(`/proc/${d}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  })
  .map(Number);
const auxBefore = aux.map(cpuOf);
const before = { main: mainOf(server.pid!), server: cpuOf(server.pid!), pg: pids.map(cpuOf), self: process.cpuUsage() };
const perf = process.env.PERF
  ? spawn(
      'perf',
      ['record', '-F', '499', '-g', '-o', process.env.PERF, '-p', [server.pid, ...pids, process.pid].join(',')],
      { stdio: 'ignore' },
    )
  : null;
if (perf) await new Promise((r) => setTimeout(r, 500));
// backends the pool opens or closes during the run count too: each one's CPU as last seen
const pgStart = new Map(pids.map((p, i) => [p, before.pg[i]!]));
const pgLast = new Map(pgStart);
const poll = setInterval(async () => {
  for (const p of await backends()) pgLast.set(p, cpuOf(p) || (pgLast.get(p) ?? 0));
}, 250);
const t0 = performance.now();
const result = await autocannon(opts(amount));
clearInterval(poll);
const wall = performance.now() - t0;
if (perf) {
  perf.kill('SIGINT');
  await new Promise((r) => perf.on('exit', r));
}
const pids2 = await backends();
const serverMs = cpuOf(server.pid!) - before.server;
const auxMs = aux.reduce((sum, p, i) => sum + cpuOf(p) - auxBefore[i]!, 0);
const mainMs = mainOf(server.pid!) - before.main;
for (const p of pids2) pgLast.set(p, cpuOf(p));
const pgMs = [...pgLast].reduce((sum, [p, ms]) => sum + ms - (pgStart.get(p) ?? 0), 0);
const self = process.cpuUsage(before.self);
const selfMs = (self.user + self.system) / 1000;
await stop();
await owner.end();

const stored = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
const c0 = process.cpuUsage();
const n = 400;
let left = n;
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (left-- > 0) await verify(stored, password);
  }),
);
const a = process.cpuUsage(c0);
const argonMs = (a.user + a.system) / 1000 / n;
const ok = result['2xx'];
const per = (ms: number) => Number((ms / ok).toFixed(2));
console.log(
  JSON.stringify({
    ok,
    non2xx: result.non2xx,
    logins_per_s: Number(((ok * 1000) / wall).toFixed(1)),
    server_ms: per(serverMs),
    server_main_ms: per(mainMs),
    server_threads_ms: per(serverMs - mainMs),
    pg_ms: per(pgMs),
    pg_backends: pgLast.size,
    pg_aux_ms: per(auxMs),
    loadgen_ms: per(selfMs),
    argon2_cpu_ms: Number(argonMs.toFixed(2)),
    other_ms: per(serverMs + pgMs + selfMs) - argonMs,
  }),
);
