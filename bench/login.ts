// npm run bench:login — at 16 concurrent clients against a real server process, in one run: logins, and
// the argon2id verify rate alone at 16 concurrent (their floor: each login verifies one hash);
// GET /auth/me, and its floor — a bench-only route on the same server answering from one raw select of
// the session row (login-server.ts). login_ratio and me_ratio say how close each is to its floor.
// Uses DATABASE_URL when set, else a fresh PGlite dir.
import { availableParallelism, loadavg } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { BENCH_PASSWORD as password, startLoginBenchServer } from './login-setup';

const connections = 16;
const durationS = Number(process.env.BENCH_SECONDS ?? 10);
const { base, code, startMs, stop } = await startLoginBenchServer({ connections });

const csrfRes = await fetch(`${base}/api/v1/auth/csrf`);
const csrfCookie = csrfRes.headers.getSetCookie()[0]!.split(';')[0]!;
const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
const body = JSON.stringify({ tenantCode: code, loginId: 'admin', password });
const check = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
  body,
});
if (check.status !== 200) throw new Error(`login failed: ${check.status} ${await check.text()}`);

// each connection signs in as its own account (bench01 … bench16, made by login-server.ts): 16
// concurrent attempts on one account from one source would be counted by the lockout in advance
let nextAccount = 0;
const result = await autocannon({
  url: `${base}/api/v1/auth/login`,
  method: 'POST',
  connections,
  duration: durationS,
  headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie: csrfCookie },
  body,
  setupClient: (client) => {
    nextAccount = (nextAccount % connections) + 1;
    const loginId = `bench${String(nextAccount).padStart(2, '0')}`;
    client.setBody(JSON.stringify({ tenantCode: code, loginId, password }));
  },
});
const sessionCookie = check.headers
  .getSetCookie()
  .map((c) => c.split(';')[0]!)
  .find((c) => c.includes('_sid='))!;
const asUser = (url: string) =>
  autocannon({
    url: `${base}${url}`,
    method: 'GET',
    connections,
    duration: durationS,
    headers: { cookie: sessionCookie },
  });
const me = await asUser('/api/v1/auth/me');
const floor = await asUser('/bench/me-floor');
await stop();

// The floor of logins: argon2id verifications per second at the same 16 concurrent, nothing else.
const stored = await hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
const t0 = performance.now();
for (let i = 0; i < 20; i++) await verify(stored, password);
const argonMs = (performance.now() - t0) / 20;
const cores = availableParallelism();
const limit = (cores * 1000) / argonMs;
let verified = 0;
const until = performance.now() + durationS * 1000;
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < until) {
      await verify(stored, password);
      verified++;
    }
  }),
);
const argonPerS = verified / durationS;

const ok = result['2xx'];
const loginsPerS = ok / durationS;
const database = process.env.DATABASE_URL ? 'postgres' : 'pglite';
console.log(`database            ${database}`);
console.log(`server start        ${startMs.toFixed(0)} ms (health 200, existing data dir)`);
console.log(`connections         ${connections}, ${durationS} s`);
console.log(`logins              ${ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors`);
console.log(`latency             p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
console.log(`throughput          ${loginsPerS.toFixed(1)} logins/s`);
console.log(`argon2id verify     ${argonMs.toFixed(1)} ms → limit ${limit.toFixed(0)} logins/s on ${cores} cores`);
console.log(`ratio to limit      ${(loginsPerS / limit).toFixed(2)}`);
const meRps = me['2xx'] / durationS;
const floorRps = floor['2xx'] / durationS;
console.log(
  `argon2id verify     ${argonPerS.toFixed(1)}/s at ${connections} concurrent → login_ratio ${(loginsPerS / argonPerS).toFixed(2)}`,
);
console.log(`/auth/me            ${meRps.toFixed(0)} req/s (${me.non2xx} non-2xx), p50 ${me.latency.p50} ms`);
console.log(
  `session-row floor   ${floorRps.toFixed(0)} req/s (${floor.non2xx} non-2xx) → me_ratio ${(meRps / floorRps).toFixed(2)}`,
);
console.log(
  JSON.stringify({
    bench: 'login',
    database,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    logins_per_s: Number(loginsPerS.toFixed(1)),
    limit_logins_per_s: Number(limit.toFixed(0)),
    ratio_to_limit: Number((loginsPerS / limit).toFixed(2)),
    non_2xx: result.non2xx,
    argon2_per_s: Number(argonPerS.toFixed(1)),
    login_ratio: Number((loginsPerS / argonPerS).toFixed(2)),
    me_rps: Number(meRps.toFixed(0)),
    me_floor_rps: Number(floorRps.toFixed(0)),
    me_ratio: Number((meRps / floorRps).toFixed(2)),
    me_non_2xx: me.non2xx + floor.non2xx,
    load_avg_1m: Number(loadavg()[0]!.toFixed(2)),
  }),
);
