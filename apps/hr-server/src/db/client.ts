// One Database for both engines: PGlite in a directory (default) or a PostgreSQL server (DATABASE_URL).
// Every request-path query runs inside asTenant()/asAnonymous(): a transaction under the
// non-privileged role jinji_app with app.tenant_id set transaction-locally (docs/decisions/002).
// On PostgreSQL those transactions run on a pool of their own that logs in as the database's request
// role, which has no right but becoming jinji_app: RESET ROLE there reaches nothing (decision 008).

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DatabaseKind = 'pglite' | 'postgres';

/** What pg-boss needs when it cannot open its own connections (PGlite). */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export type Database = {
  kind: DatabaseKind;
  /** Owner connection: migrations, tenant creation, system jobs, tests. Never used on the request path. */
  owner: Db;
  asTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Before a tenant is known (login by code, first-run check): sees no tenant rows. */
  asAnonymous<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Raw SQL as owner (multi-statement allowed when no values). */
  executeSql: SqlExecutor['executeSql'];
  /**
   * Bulk load as owner with COPY (demo data, benchmarks): `csv` is RFC 4180 text without a header.
   * COPY FROM is refused on a table under row-level security for any role that does not bypass it,
   * so the rows go through a temporary table and one INSERT … SELECT (the owner's policy admits them).
   */
  copyFrom(table: string, columns: string[], csv: string): Promise<void>;
  /**
   * One statement on a request connection outside any tenant transaction, as the request role
   * itself (PostgreSQL: a role with no rights at all). For the isolation tests only.
   */
  probeRequestConnection(text: string): Promise<{ rows: unknown[] }>;
  /**
   * One statement on a request connection in its own implicit transaction, for SQL functions that set
   * tenant and role themselves (the session lookup: one round trip). Prepared once per connection by
   * `name` on PostgreSQL; PGlite runs it by text.
   */
  requestStatement(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  /** For pg-boss: a connection string on PostgreSQL, an executor on PGlite. */
  jobConnection: { connectionString: string } | { db: SqlExecutor };
  close(): Promise<void>;
};

async function scoped<T>(db: Db, tenantId: string | null, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // set_config(…, true) is transaction-local: nothing survives into the next use of the connection.
    // 'role' set this way is SET LOCAL ROLE; one round trip for both.
    await tx.execute(
      sql`select set_config('app.tenant_id', ${tenantId ?? ''}, true), set_config('role', 'jinji_app', true)`,
    );
    return fn(tx as Tx);
  });
}

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // The extensions the migrations create must be loaded into PGlite up front.
  const extensions = { pg_trgm, btree_gin };
  // PGlite's default shared_buffers (128 MB) is most of an idle server's RSS; 64 MB measured no slower
  // for search or imports (decision 007)
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];
  const client = dataDir
    ? await PGlite.create(dataDir, { extensions, startParams })
    : await PGlite.create({ extensions, startParams });
  const owner = drizzlePglite(client, { schema }) as unknown as Db;
  const executeSql = async (text: string, values?: unknown[]) => {
    // exec (simple protocol) only for multi-statement scripts: it runs them in one transaction,
    // where VACUUM and friends are refused
    if ((values && values.length > 0) || !text.includes(';')) return client.query(text, values as unknown[]);
    const results = await client.exec(text);
    return results[results.length - 1] ?? { rows: [] };
  };
  return {
    kind: 'pglite',
    owner,
    asTenant: (tenantId, fn) => scoped(owner, tenantId, fn),
    asAnonymous: (fn) => scoped(owner, null, fn),
    executeSql,
    copyFrom: async (table, columns, csv) => {
      const load = loadThroughTemp(table, columns);
      await client.transaction(async (tx) => {
        await tx.query(load.create);
        await tx.query(load.copy.replace('STDIN', `'/dev/blob'`), [], { blob: new Blob([csv]) });
        await tx.query(load.insert);
      });
    },
    probeRequestConnection: (text) => client.query(text),
    requestStatement: (q) => client.query(q.text, q.values),
    jobConnection: { db: { executeSql } },
    close: () => client.close(),
  };
}

/**
 * `connectionString` names the owner. The request pool (`poolSize` connections) logs in as the role
 * that migrateDatabase provisioned, read from the owner-only jinji_request_login on first use; the
 * owner pool stays small (system work only).
 */
export function openPostgres(connectionString: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString, max: Math.min(poolSize, 4) });
  pool.on('error', () => {}); // idle client errors surface on the next query
  const owner = drizzleNodePg(pool, { schema }) as unknown as Db;
  let request: Promise<{ pool: pg.Pool; db: Db }> | null = null;
  const requestPool = () => {
    request ??= (async () => {
      const rows = (await pool.query('select role_name, secret from jinji_request_login')).rows;
      if (!rows[0]) throw new Error('jinji: no request login provisioned; run the migrations first');
      const url = new URL(connectionString);
      url.username = encodeURIComponent(rows[0].role_name);
      url.password = encodeURIComponent(rows[0].secret);
      const p = new pg.Pool({ connectionString: url.toString(), max: poolSize });
      p.on('error', () => {});
      return { pool: p, db: drizzleNodePg(p, { schema }) as unknown as Db };
    })().catch((e) => {
      request = null; // try again on the next request
      throw e;
    });
    return request;
  };
  return {
    kind: 'postgres',
    owner,
    asTenant: async (tenantId, fn) => scoped((await requestPool()).db, tenantId, fn),
    asAnonymous: async (fn) => scoped((await requestPool()).db, null, fn),
    executeSql: async (text, values) => pool.query(text, values as unknown[]),
    copyFrom: async (table, columns, csv) => {
      const load = loadThroughTemp(table, columns);
      const conn = await pool.connect();
      try {
        await conn.query('begin');
        await conn.query(load.create);
        await pipeline(Readable.from([csv]), conn.query(copyFrom(load.copy)));
        await conn.query(load.insert);
        await conn.query('commit');
      } catch (e) {
        await conn.query('rollback').catch(() => {});
        throw e;
      } finally {
        conn.release();
      }
    },
    probeRequestConnection: async (text) => (await requestPool()).pool.query(text),
    requestStatement: async (q) => (await requestPool()).pool.query(q),
    jobConnection: { connectionString },
    close: async () => {
      const r = request ? await request.catch(() => null) : null;
      await r?.pool.end();
      await pool.end();
    },
  };
}

function loadThroughTemp(table: string, columns: string[]) {
  const cols = columns.map(quoteIdent).join(', ');
  return {
    create: `CREATE TEMP TABLE jinji_copy_load ON COMMIT DROP AS SELECT ${cols} FROM ${quoteIdent(table)} WITH NO DATA`,
    copy: `COPY jinji_copy_load (${cols}) FROM STDIN WITH (FORMAT csv)`,
    insert: `INSERT INTO ${quoteIdent(table)} (${cols}) SELECT ${cols} FROM jinji_copy_load`,
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** Rows of a raw SQL statement; both drivers return `{ rows }`. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
