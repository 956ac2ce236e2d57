// Applies the committed migrations in code (drizzle-kit's migrate cannot load PGlite), then secures
// every tenant table. On PostgreSQL an advisory lock lets several processes start at once, and the
// request login is provisioned (docs/decisions/008).
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import path from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './client';

const migrationsFolder = path.join(import.meta.dirname, 'migrations');
const LOCK_KEY = 7_345_001;

export async function migrateDatabase(db: Database): Promise<void> {
  if (db.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the two drizzle flavours share the migrator contract
    await migratePglite(db.owner as any, { migrationsFolder });
    await db.executeSql('select jinji_secure_tenant_tables()');
    return;
  }
  // The lock is per connection, so it is held on a client of its own.
  const lock = new pg.Client({ connectionString: (db.jobConnection as { connectionString: string }).connectionString });
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(${LOCK_KEY})`);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await migrateNodePg(db.owner as any, { migrationsFolder });
    await db.executeSql('select jinji_secure_tenant_tables()');
    await provisionRequestLogin(lock);
  } finally {
    await lock.end();
  }
}

/**
 * The role the request pool logs in as: LOGIN, NOINHERIT, member of jinji_app only, so it holds no
 * right until `SET LOCAL ROLE jinji_app`, and RESET ROLE lands on nothing. One per database
 * (`jinji_req_<database oid>`); its secret lives in the owner-only table jinji_request_login.
 * The password is sent as a SCRAM verifier, so the secret itself never appears in a statement log.
 */
async function provisionRequestLogin(c: pg.Client): Promise<void> {
  const oid = (await c.query(`select oid::text from pg_database where datname = current_database()`)).rows[0].oid;
  await c.query(
    `insert into jinji_request_login (role_name, secret) values ($1, $2) on conflict (singleton) do nothing`,
    [`jinji_req_${oid}`, randomBytes(32).toString('base64url')],
  );
  const { role_name: role, secret } = (await c.query(`select role_name, secret from jinji_request_login`)).rows[0];
  const ident = pg.escapeIdentifier(role);
  const password = `PASSWORD ${pg.escapeLiteral(scramVerifier(secret))}`;
  const found = (
    await c.query<{ powerful: boolean }>(
      'select rolsuper or rolbypassrls or rolcreaterole or rolcreatedb as powerful from pg_roles where rolname = $1',
      [role],
    )
  ).rows[0];
  if (!found) {
    await c.query(`create role ${ident} LOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE ${password}`);
  } else {
    // a role of that name left by a dropped database of the same oid: reused only if it is as weak
    if (found.powerful) throw new Error(`jinji: role ${role} exists with more than login rights; drop it first`);
    await c.query(`alter role ${ident} LOGIN NOINHERIT ${password}`);
  }
  await c.query(`grant jinji_app to ${ident}`);
}

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802/7677, as libpq's PQencryptPasswordConn). */
function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
