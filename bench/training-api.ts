// npm run bench:training-api — HR's first push to the course-application system: 10,000 users
// provisioned through SCIM Bulk (POST /scim/v2/Bulk, 500 operations a request) over real HTTP against a
// real training server process on PostgreSQL, and in the same run its floor: the very same user rows
// and audit rows inserted directly, 500 a transaction, under the app role and RLS as the server writes
// them; the two alternate batch by batch so that both meet the same load of the shared machine.
// ratio = users_per_s / floor_users_per_s (1.0: the API costs nothing beyond the writes).
// DATABASE_URL or TEST_DATABASE_URL names the server and its owner (a non-superuser, as in CI); the
// bench uses a scratch database of its own there and drops it at the end.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { systemActor } from '@jinji/auth/actor';
import { trainingDatabase } from '../apps/training-server/src/db/database';
import { auditLogs, organisations, users } from '../apps/training-server/src/db/schema/index';
import { issueScimToken } from '../apps/training-server/src/features/scim/scim.service';
import { scratchDatabases } from './scratch-database';

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const BATCH = 500;
const root = path.resolve(import.meta.dirname, '..');
const baseUrl =
  process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://jinji_owner@127.0.0.1:5432/jinji_owner';
const dbName = `jinji_bench_training_api_${process.pid}`;
const scratch = scratchDatabases(baseUrl);

// ---- the users HR sends: realistic Japanese names, kana, addresses, departments -----------------
const FAMILY = [
  ['佐藤', 'サトウ'],
  ['鈴木', 'スズキ'],
  ['高橋', 'タカハシ'],
  ['田中', 'タナカ'],
  ['伊藤', 'イトウ'],
  ['渡辺', 'ワタナベ'],
  ['山本', 'ヤマモト'],
  ['中村', 'ナカムラ'],
  ['小林', 'コバヤシ'],
  ['加藤', 'カトウ'],
] as const;
const GIVEN = [
  ['翔太', 'ショウタ'],
  ['陽菜', 'ヒナ'],
  ['蓮', 'レン'],
  ['結衣', 'ユイ'],
  ['大翔', 'ヒロト'],
  ['さくら', 'サクラ'],
  ['悠真', 'ユウマ'],
  ['美咲', 'ミサキ'],
] as const;
const DEPARTMENTS = ['営業部', '人事部', '経理部', '開発部', '総務部', '品質保証部'];
const EXT = 'urn:jinji:params:scim:schemas:extension:training:2.0:User';

function userAt(i: number) {
  const [family, familyKana] = FAMILY[i % FAMILY.length]!;
  const [given, givenKana] = GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]!;
  const key = String(i + 1).padStart(6, '0');
  return {
    loginId: `u${key}`,
    externalId: `E${key}`,
    familyName: family,
    givenName: given,
    nameKana: `${familyKana} ${givenKana}`,
    email: `u${key}@example.co.jp`,
    departmentName: DEPARTMENTS[i % DEPARTMENTS.length]!,
  };
}

const bulkBody = (from: number) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
  failOnErrors: 1,
  Operations: Array.from({ length: Math.min(BATCH, USERS - from) }, (_, k) => {
    const u = userAt(from + k);
    return {
      method: 'POST',
      path: '/Users',
      bulkId: `b${from + k}`,
      data: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', EXT],
        userName: u.loginId,
        externalId: u.externalId,
        name: { familyName: u.familyName, givenName: u.givenName },
        emails: [{ value: u.email, type: 'work', primary: true }],
        active: true,
        [EXT]: { nameKana: u.nameKana, departmentName: u.departmentName },
      },
    };
  }),
});

// ---- setup ----------------------------------------------------------------------------------------
console.log(`bench:training-api — ${USERS.toLocaleString()} users via SCIM Bulk (${BATCH}/request), PostgreSQL`);
const benchUrl = await scratch.fresh(dbName);
const db = await trainingDatabase.open({ databaseUrl: benchUrl });
let server: ReturnType<typeof spawn> | null = null;
try {
  await trainingDatabase.migrate(db);
  const newOrganisation = async (code: string) =>
    (
      await db.owner
        .insert(organisations)
        .values({ code, name: `ベンチ ${code}` })
        .returning()
    )[0]!.id;
  const apiOrg = await newOrganisation('bench-api');
  const floorOrg = await newOrganisation('bench-floor');
  const { secret } = await issueScimToken(db, systemActor(apiOrg, 'bench', { systemRole: 'admin' }), {
    label: 'bench',
  });

  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/training-server/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      TRAINING_PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      JINJI_SCIM_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (tries > 600) throw new Error('the training server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' };
  // one warm-up request outside the measurement (JIT, prepared statements, the pool's connections)
  const warm = await fetch(`${base}/scim/v2/Users?count=1`, { headers });
  if (warm.status !== 200) throw new Error(`warm-up: ${warm.status} ${await warm.text()}`);

  // ---- through the API ----
  const bodies = Array.from({ length: Math.ceil(USERS / BATCH) }, (_, b) => JSON.stringify(bulkBody(b * BATCH)));
  // The API's batch and the floor's batch alternate, so that both meet the same load of a shared machine.
  const actorLabel = 'service:bench-floor';
  async function floorBatch(from: number) {
    const now = new Date();
    const rows = Array.from({ length: Math.min(BATCH, USERS - from) }, (_, k) => {
      const u = userAt(from + k);
      return {
        organisationId: floorOrg,
        id: randomUUID(),
        loginId: u.loginId,
        displayName: `${u.familyName} ${u.givenName}`,
        email: u.email,
        nameKana: u.nameKana,
        departmentName: u.departmentName,
        externalId: u.externalId,
        linkedAt: now,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.asTenant(floorOrg, async (tx) => {
      await tx.insert(users).values(rows);
      await tx.insert(auditLogs).values(
        rows.map((r) => ({
          organisationId: floorOrg,
          at: now,
          actorUserId: null,
          actorLabel,
          action: 'create',
          targetType: 'user',
          targetId: r.id,
          after: {
            loginId: r.loginId,
            displayName: r.displayName,
            email: r.email,
            nameKana: r.nameKana,
            departmentName: r.departmentName,
            externalId: r.externalId,
            isActive: true,
            linked: true,
          },
        })),
      );
    });
  }
  let apiMs = 0;
  let floorMs = 0;
  for (const [b, body] of bodies.entries()) {
    const t0 = performance.now();
    const res = await fetch(`${base}/scim/v2/Bulk`, { method: 'POST', headers, body });
    const json = (await res.json()) as { Operations?: { status: string }[] };
    apiMs += performance.now() - t0;
    const created = json.Operations?.filter((o) => o.status === '201').length ?? 0;
    if (res.status !== 200 || created !== JSON.parse(body).Operations.length) {
      throw new Error(`bulk: ${res.status} ${JSON.stringify(json).slice(0, 400)}`);
    }
    const f0 = performance.now();
    await floorBatch(b * BATCH);
    floorMs += performance.now() - f0;
  }
  const seconds = apiMs / 1000;
  const floorSeconds = floorMs / 1000;
  for (const org of [apiOrg, floorOrg]) {
    const { n } = (
      await db.executeSql(`select count(*)::int as n from training.users where organisation_id = $1`, [org])
    ).rows[0] as { n: number };
    if (n !== USERS) throw new Error(`${n} users written instead of ${USERS}`);
  }

  const usersPerS = USERS / seconds;
  const floorPerS = USERS / floorSeconds;
  const ratio = usersPerS / floorPerS;
  console.log(`API (SCIM Bulk over HTTP)  ${seconds.toFixed(2)} s → ${Math.round(usersPerS).toLocaleString()} users/s`);
  console.log(
    `floor (direct inserts)     ${floorSeconds.toFixed(2)} s → ${Math.round(floorPerS).toLocaleString()} users/s`,
  );
  console.log(`ratio API / floor          ${ratio.toFixed(2)}`);
  console.log(
    JSON.stringify({
      bench: 'training-api',
      users: USERS,
      users_per_s: Math.round(usersPerS),
      seconds: Number(seconds.toFixed(2)),
      floor_users_per_s: Math.round(floorPerS),
      ratio: Number(ratio.toFixed(2)),
      batch: BATCH,
      load_avg_1m: Number(loadavg()[0]!.toFixed(2)),
    }),
  );
} finally {
  if (server) {
    server.kill('SIGTERM');
    await new Promise((r) => server!.on('exit', r));
  }
  await db.close();
  await scratch.drop(dbName);
}
