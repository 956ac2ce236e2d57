// The server bench:login measures: HR's app as server.ts builds it, plus one bench-only route (never in
// the product) that answers from one raw select of the session row — the floor /auth/me is held to.
// The floor reads as the owner (its `system_access` policy sees the row without a tenant transaction),
// on a pool as large as the request pool, with a prepared statement.
import { parseSessionToken } from '@jinji/auth/session-token';
import pg from 'pg';
import { buildApp } from '../apps/hr-server/src/app';
import { loadConfig } from '../apps/hr-server/src/config';
import { openDatabase } from '../apps/hr-server/src/db/client';
import { migrateDatabase } from '../apps/hr-server/src/db/migrate';
import { createAccount } from '../apps/hr-server/src/features/auth/auth.service';
import { SESSION_COOKIE } from '../apps/hr-server/src/plugins/auth';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateDatabase(db);
const app = await buildApp({ config, db });

// One account per bench connection (login.ts): concurrent logins on one account from one source are
// counted in advance by the lockout and would measure lockouts, not logins.
const bench = process.env.BENCH_ACCOUNTS; // `${tenantCode}:${count}:${password}`
if (bench) {
  const [tenantCode = '', count = '0', ...rest] = bench.split(':');
  const password = rest.join(':');
  for (let i = 1; i <= Number(count); i++) {
    const loginId = `bench${String(i).padStart(2, '0')}`;
    await createAccount(db, { tenantCode, loginId, password, displayName: loginId, email: null });
  }
}

// by the session table's key (tenant, id hash), as the product reads it: by the hash alone it is a full
// scan, which made this "floor" slower than /auth/me once earlier runs had left 66,000 sessions behind
const text = 'select user_id, last_seen_at, expires_at from sessions where tenant_id = $1 and id_hash = $2';
const pool = config.databaseUrl ? new pg.Pool({ connectionString: config.databaseUrl, max: 10 }) : null;
const selectSessionRow = (tenantId: string, idHash: string) =>
  pool
    ? pool.query({ name: 'bench_session_row', text, values: [tenantId, idHash] })
    : db.executeSql(text, [tenantId, idHash]);

app.get('/bench/me-floor', async (request, reply) => {
  const parsed = parseSessionToken(request.cookies[SESSION_COOKIE] ?? '');
  const row = parsed ? (await selectSessionRow(parsed.tenantId, parsed.idHash)).rows[0] : undefined;
  if (!row) return reply.code(401).send({ error: 'UNAUTHENTICATED' });
  return { userId: (row as { user_id: string }).user_id };
});

await app.listen({ port: config.port, host: config.host });
process.on('SIGTERM', async () => {
  await app.close();
  await pool?.end();
  await db.close();
  process.exit(0);
});
