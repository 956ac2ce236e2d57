// Applies an app's committed drizzle migrations in code (drizzle-kit's migrate cannot load PGlite), then
// secures every tenant table of the app's schema. On PostgreSQL an advisory lock lets several processes
// start at once, and the app's request login is provisioned (decision 008).
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type AppDatabaseSpec, type Database, requestLoginTable, type SqlExecutor, type Tables } from './client';
import { rateLimitSql } from './rate-limit';
import { secureTenantTables } from './rls';

export type MigrateOptions = {
  migrationsFolder: string;
  /** drizzle's bookkeeping; each app needs its own table (drizzle's default: drizzle.__drizzle_migrations) */
  migrationsSchema?: string;
  migrationsTable?: string;
  /** serialises concurrent starts of this app on PostgreSQL; one key per app */
  lockKey: number;
  /** false builds a test template: each clone provisions its own login (test-kit) */
  provisionRequestLogin?: boolean;
};

export async function migrateDatabase<S extends Tables>(db: Database<S>, opts: MigrateOptions): Promise<void> {
  const config = {
    migrationsFolder: opts.migrationsFolder,
    migrationsSchema: opts.migrationsSchema,
    migrationsTable: opts.migrationsTable,
  };
  const rls = { schema: db.spec.schema, tenantColumn: db.spec.tenantColumn, appRole: db.spec.appRole };
  if (db.engine.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the two drizzle flavours share the migrator contract
    await migratePglite(db.owner as any, config);
    await secureKitTables(db, rls);
    return;
  }
  // The lock is per connection, so it is held on a client of its own.
  const lock = new pg.Client({ connectionString: db.engine.connectionString });
  lock.on('error', () => {}); // a lost connection fails the migration's next statement instead of the process
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [opts.lockKey]);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await migrateNodePg(db.owner as any, config);
    await secureKitTables(db, rls);
    if (opts.provisionRequestLogin !== false) await provisionRequestLogin(lock, db.spec);
  } finally {
    await lock.end();
  }
}

/** After every migration run: RLS on every tenant table, and the kit's own tables (rate-limit counters). */
async function secureKitTables(db: SqlExecutor, rls: { schema: string; tenantColumn: string; appRole: string }) {
  await secureTenantTables(db, rls);
  await db.executeSql(rateLimitSql(rls));
}

/**
 * The role the app's request pool logs in as: LOGIN, NOINHERIT, member of the app role only, so it
 * holds no right until `SET LOCAL ROLE <app role>`, and RESET ROLE lands on nothing. One per database
 * (`<prefix><database oid>`): a row naming another database's role (a clone or a restored copy) is
 * replaced. Its secret lives in the app's owner-only table, created here if the app's migrations did
 * not. The password is sent as a SCRAM verifier, so the secret never appears in a statement log.
 */
export async function provisionRequestLogin(
  c: pg.ClientBase | pg.Pool,
  spec: AppDatabaseSpec<Tables>,
): Promise<string> {
  const table = requestLoginTable(spec);
  await c.query(
    `create table if not exists ${table} (
       singleton boolean primary key default true check (singleton), role_name text not null, secret text not null)`,
  );
  await c.query(`revoke all on ${table} from public`);
  const oid = (await c.query(`select oid::text from pg_database where datname = current_database()`)).rows[0].oid;
  const wanted = `${spec.requestLogin.rolePrefix}${oid}`;
  await c.query(
    `insert into ${table} (role_name, secret) values ($1, $2)
     on conflict (singleton) do update set role_name = excluded.role_name, secret = excluded.secret
     where ${table}.role_name <> excluded.role_name`,
    [wanted, randomBytes(32).toString('base64url')],
  );
  const { role_name: role, secret } = (await c.query(`select role_name, secret from ${table}`)).rows[0];
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
    if (found.powerful) throw new Error(`role ${role} exists with more than login rights; drop it first`);
    await c.query(`alter role ${ident} LOGIN NOINHERIT ${password}`);
  }
  await c.query(`grant ${pg.escapeIdentifier(spec.appRole)} to ${ident}`);
  return role;
}

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802/7677, as libpq's PQencryptPasswordConn). */
function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * Whether the database holds every migration the app was built with (readiness, decision 024): drizzle
 * records each applied migration with its journal timestamp, and applies a migration only when it is
 * newer than the last one recorded — so the database is current when its last one is at least the
 * journal's last. A database ahead of this build (a newer process migrated it) counts as current.
 */
export async function migrationsCurrent(
  db: SqlExecutor,
  opts: Pick<MigrateOptions, 'migrationsFolder' | 'migrationsSchema' | 'migrationsTable'>,
): Promise<{ current: boolean; applied: number; expected: number }> {
  const entries = journalOf(opts.migrationsFolder);
  const table = `"${(opts.migrationsSchema ?? 'drizzle').replaceAll('"', '""')}"."${(opts.migrationsTable ?? '__drizzle_migrations').replaceAll('"', '""')}"`;
  const exists = (await db.executeSql('select to_regclass($1) is not null as ok', [table])).rows[0] as { ok: boolean };
  if (!exists.ok) return { current: entries.length === 0, applied: 0, expected: entries.length };
  const row = (await db.executeSql(`select count(*)::int as n, max(created_at)::text as last from ${table}`))
    .rows[0] as { n: number; last: string | null };
  const last = Math.max(0, ...entries.map((e) => e.when));
  return { current: Number(row.last ?? 0) >= last, applied: row.n, expected: entries.length };
}

const journals = new Map<string, { when: number }[]>();
function journalOf(folder: string): { when: number }[] {
  let entries = journals.get(folder);
  if (!entries) {
    const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    entries = journal.entries;
    journals.set(folder, entries);
  }
  return entries;
}
