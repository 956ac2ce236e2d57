// One Database per app over one engine: PGlite in a directory (default) or a PostgreSQL server.
// The engine is opened once per process and shared (decision 009: one PGlite instance serves both
// apps; on PostgreSQL one owner pool); each app binds its drizzle schema, app role and request login.
// Every request-path query runs inside asTenant()/asAnonymous(): a transaction under the app's
// non-privileged role with app.tenant_id set transaction-locally (decision 002). On PostgreSQL those
// transactions run on the app's own pool that logs in as its request login, which has no right but
// becoming the app role: RESET ROLE there reaches nothing (decision 008).

import { AsyncLocalStorage } from 'node:async_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Extensions, PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Tables = Record<string, unknown>;
export type Db<S extends Tables> = PgDatabase<PgQueryResultHKT, S>;
export type Tx<S extends Tables> = PgTransaction<PgQueryResultHKT, S, ExtractTablesWithRelations<S>>;
export type DatabaseKind = 'pglite' | 'postgres';

/** What pg-boss needs when it cannot open its own connections (PGlite). */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** The process's one connection to the database, shared by every app's Database. */
export type Engine = PgliteEngine | PostgresEngine;
export type PgliteEngine = {
  kind: 'pglite';
  client: PGlite;
  executeSql: SqlExecutor['executeSql'];
  close(): Promise<void>;
};
export type PostgresEngine = {
  kind: 'postgres';
  /** the owner's */
  connectionString: string;
  /** owner pool: migrations, tenant creation, system jobs — never the request path */
  pool: pg.Pool;
  /** connections of each app's request pool */
  poolSize: number;
  executeSql: SqlExecutor['executeSql'];
  close(): Promise<void>;
};

/** What makes a Database one app's: its tables, schema, role and request login. */
export type AppDatabaseSpec<S extends Tables> = {
  /** the app's drizzle schema module */
  tables: S;
  /** the PostgreSQL schema holding the app's tables (HR: public) */
  schema: string;
  /** the column that names the tenant in every tenant-owned table */
  tenantColumn: string;
  /** NOLOGIN role every request runs as (SET LOCAL ROLE) */
  appRole: string;
  /**
   * The login of the request pool on PostgreSQL: `<rolePrefix><database oid>`, member of `appRole`
   * only; its secret is kept in the owner-only table `table` of `schema`.
   */
  requestLogin: { rolePrefix: string; table: string };
  /**
   * search_path inside request transactions, for raw SQL naming the app's tables unqualified (an app in
   * a schema of its own gets that schema from defineAppDatabase)
   */
  searchPath?: string;
};

export type Database<S extends Tables> = {
  kind: DatabaseKind;
  spec: AppDatabaseSpec<S>;
  engine: Engine;
  /** Owner connection: migrations, tenant creation, system jobs, tests. Never used on the request path. */
  owner: Db<S>;
  asTenant<T>(tenantId: string, fn: (tx: Tx<S>) => Promise<T>): Promise<T>;
  /** Before a tenant is known (login by code, first-run check): sees no tenant rows. */
  asAnonymous<T>(fn: (tx: Tx<S>) => Promise<T>): Promise<T>;
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
  requestStatement(q: RequestQuery): Promise<{ rows: unknown[] }>;
  /**
   * A transaction on a request connection whose statements (prepared by `name` on PostgreSQL) go out
   * as they are: BEGIN, the caller's statements, COMMIT (ROLLBACK on a throw). Its first statement is
   * an SQL function that sets tenant and role itself, as for requestStatement; nothing is set here.
   */
  requestTransaction<T>(fn: (query: (q: RequestQuery) => Promise<{ rows: unknown[] }>) => Promise<T>): Promise<T>;
  /** Closes this app's request pool, and the engine when the Database opened it (openDatabase). */
  close(): Promise<void>;
};

/** A statement of the request path: `name` prepares it once per connection on PostgreSQL. */
export type RequestQuery = { name: string; text: string; values: unknown[] };

export type PgliteOptions = { dataDir?: string; extensions?: Extensions; loadDataDir?: Blob | File };

export async function openPgliteEngine(opts: PgliteOptions = {}): Promise<PgliteEngine> {
  // PGlite's default shared_buffers (128 MB) is most of an idle server's RSS; 64 MB measured no slower
  // for search or imports (decision 007)
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];
  const options = { extensions: opts.extensions, startParams, loadDataDir: opts.loadDataDir };
  const client = opts.dataDir ? await PGlite.create(opts.dataDir, options) : await PGlite.create(options);
  const executeSql = async (text: string, values?: unknown[]) => {
    // exec (simple protocol) only for multi-statement scripts: it runs them in one transaction,
    // where VACUUM and friends are refused
    if ((values && values.length > 0) || !text.includes(';')) return client.query(text, values as unknown[]);
    const results = await client.exec(text);
    return results[results.length - 1] ?? { rows: [] };
  };
  return { kind: 'pglite', client, executeSql, close: () => client.close() };
}

/**
 * drizzle's node-postgres transaction() checks a client out and sends BEGIN before its try/finally: a
 * BEGIN that fails (its connection ended by a restart) never gives the client back, and once the pool's
 * every client is lost so, each request waits for a connection forever. The clients of this pool give
 * themselves back, with the error, when BEGIN fails (drizzle then never reaches its release).
 */
class BeginReleasingPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's connect() is overloaded (callback and promise)
  override connect(...args: any[]): any {
    if (args.length > 0) return (super.connect as (...a: unknown[]) => unknown)(...args); // pool.query's own
    return super.connect().then((client) => {
      const query = client.query as (...a: unknown[]) => unknown;
      // give the client back its own query: the prototype's, not the one of its first checkout (a pinned
      // copy would hide any later wrapper of pg.Client.prototype.query, e.g. the test kit's SQL capture)
      const unpatch = () => Reflect.deleteProperty(client, 'query');
      const patched = ((...a: unknown[]) => {
        const result = query.apply(client, a);
        const text = typeof a[0] === 'string' ? a[0] : (a[0] as { text?: unknown } | undefined)?.text;
        if (typeof text === 'string' && /^\s*begin\b/i.test(text) && result instanceof Promise) {
          return result.catch((error: Error) => {
            unpatch(); // the next checkout wraps afresh
            client.release(error);
            throw error;
          });
        }
        return result;
      }) as typeof client.query;
      client.query = patched;
      const release = client.release;
      client.release = (err?: Error | boolean) => {
        unpatch();
        client.release = release;
        return release.call(client, err);
      };
      return client;
    });
  }
}

/**
 * A pool that outlives its server's restarts (#14 item 2). A backend ended by the server (a restart,
 * pg_terminate_backend) makes its client emit 'error': the pool hears it for idle clients and drops them,
 * but a client checked out between two statements (a transaction awaiting the app) has no listener, and
 * an unheard 'error' event ends the process. Every client gets one: the error reaches the next query on
 * it, the caller releases it with that error, and the pool opens a fresh connection next time.
 */
export function resilientPool(config: pg.PoolConfig): pg.Pool {
  const pool = new BeginReleasingPool(config);
  pool.on('error', () => {}); // an idle client's: the pool has removed it already
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return pool;
}

/** `connectionString` names the owner; `poolSize` is each app's request pool, the owner's stays ≤ 4. */
export function openPostgresEngine(connectionString: string, poolSize = 10): PostgresEngine {
  const pool = resilientPool({ connectionString, max: Math.min(poolSize, 4) });
  return {
    kind: 'postgres',
    connectionString,
    pool,
    poolSize,
    executeSql: async (text, values) => pool.query(text, values as unknown[]),
    close: () => pool.end(),
  };
}

export async function openEngine(opts: {
  databaseUrl?: string;
  dataDir?: string;
  extensions?: Extensions;
}): Promise<Engine> {
  return opts.databaseUrl
    ? openPostgresEngine(opts.databaseUrl)
    : openPgliteEngine({ dataDir: opts.dataDir, extensions: opts.extensions });
}

/** Opens an engine for one app alone; close() closes both. */
export async function openDatabase<S extends Tables>(
  opts: { databaseUrl?: string; dataDir?: string; extensions?: Extensions },
  spec: AppDatabaseSpec<S>,
): Promise<Database<S>> {
  const engine = await openEngine(opts);
  return bindDatabase(engine, spec, { ownsEngine: true });
}

const tenantContext = new AsyncLocalStorage<string | null>();

/**
 * The tenant of the asTenant() transaction the caller runs in, for a repository to bind as a parameter
 * (`where tenant_id = $n`): row-level security keeps tenants apart either way, but a distributed database
 * routes a statement by its distribution column only when the statement names it (docs/scale-out.md).
 */
export function currentTenantId(): string {
  const id = tenantContext.getStore();
  if (!id) throw new Error('currentTenantId() outside an asTenant() transaction');
  return id;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The app's secret table, schema-qualified. */
export const requestLoginTable = (spec: AppDatabaseSpec<Tables>) =>
  `${quoteIdent(spec.schema)}.${quoteIdent(spec.requestLogin.table)}`;

/**
 * One app's Database over a shared engine. Several apps may bind the same engine: on PGlite they
 * share its one connection (PGlite's lock serialises their transactions); on PostgreSQL they share
 * the owner pool and each gets a request pool logging in as its own request login.
 */
export function bindDatabase<S extends Tables>(
  engine: Engine,
  spec: AppDatabaseSpec<S>,
  opts: { ownsEngine?: boolean; poolSize?: number } = {},
): Database<S> {
  const scoped = async <T>(db: Db<S>, tenantId: string | null, fn: (tx: Tx<S>) => Promise<T>): Promise<T> =>
    tenantContext.run(tenantId, () =>
      db.transaction(async (tx) => {
        // set_config(…, true) is transaction-local: nothing survives into the next use of the connection.
        // 'role' set this way is SET LOCAL ROLE; one round trip for all.
        await tx.execute(
          spec.searchPath === undefined
            ? sql`select set_config('app.tenant_id', ${tenantId ?? ''}, true), set_config('role', ${spec.appRole}, true)`
            : sql`select set_config('app.tenant_id', ${tenantId ?? ''}, true), set_config('role', ${spec.appRole}, true), set_config('search_path', ${spec.searchPath}, true)`,
        );
        return fn(tx as Tx<S>);
      }),
    );
  const closeEngine = () => (opts.ownsEngine ? engine.close() : Promise.resolve());

  if (engine.kind === 'pglite') {
    const { client, executeSql } = engine;
    const owner = drizzlePglite(client, { schema: spec.tables }) as unknown as Db<S>;
    return {
      kind: 'pglite',
      spec,
      engine,
      owner,
      asTenant: (tenantId, fn) => scoped(owner, tenantId, fn),
      asAnonymous: (fn) => scoped(owner, null, fn),
      executeSql,
      copyFrom: async (table, columns, csv) => {
        const load = loadThroughTemp(qualified(spec, table), columns);
        await client.transaction(async (tx) => {
          await tx.query(load.create);
          await tx.query(load.copy.replace('STDIN', `'/dev/blob'`), [], { blob: new Blob([csv]) });
          await tx.query(load.insert);
        });
      },
      probeRequestConnection: (text) => client.query(text),
      requestStatement: (q) => client.query(q.text, q.values),
      requestTransaction: (fn) => client.transaction((tx) => fn((q) => tx.query(q.text, q.values))),
      close: closeEngine,
    };
  }

  const { pool, connectionString } = engine;
  const poolSize = opts.poolSize ?? engine.poolSize;
  const owner = drizzleNodePg(pool, { schema: spec.tables }) as unknown as Db<S>;
  let request: Promise<{ pool: pg.Pool; db: Db<S> }> | null = null;
  const requestPool = () => {
    request ??= (async () => {
      const rows = (await pool.query(`select role_name, secret from ${requestLoginTable(spec)}`)).rows;
      if (!rows[0]) throw new Error('no request login provisioned; run the migrations first');
      const url = new URL(connectionString);
      url.username = encodeURIComponent(rows[0].role_name);
      url.password = encodeURIComponent(rows[0].secret);
      const p = resilientPool({ connectionString: url.toString(), max: poolSize });
      return { pool: p, db: drizzleNodePg(p, { schema: spec.tables }) as unknown as Db<S> };
    })().catch((e) => {
      request = null; // try again on the next request
      throw e;
    });
    return request;
  };
  return {
    kind: 'postgres',
    spec,
    engine,
    owner,
    asTenant: async (tenantId, fn) => scoped((await requestPool()).db, tenantId, fn),
    asAnonymous: async (fn) => scoped((await requestPool()).db, null, fn),
    executeSql: engine.executeSql,
    copyFrom: async (table, columns, csv) => {
      const load = loadThroughTemp(qualified(spec, table), columns);
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
    requestTransaction: async (fn) => {
      const conn = await (await requestPool()).pool.connect();
      try {
        await conn.query('begin');
        const result = await fn((q) => conn.query(q));
        await conn.query('commit');
        return result;
      } catch (e) {
        await conn.query('rollback').catch(() => {});
        throw e;
      } finally {
        conn.release();
      }
    },
    close: async () => {
      const r = request ? await request.catch(() => null) : null;
      await r?.pool.end();
      await closeEngine();
    },
  };
}

const qualified = (spec: AppDatabaseSpec<Tables>, table: string) => `${quoteIdent(spec.schema)}.${quoteIdent(table)}`;

function loadThroughTemp(table: string, columns: string[]) {
  const cols = columns.map(quoteIdent).join(', ');
  return {
    create: `CREATE TEMP TABLE kit_copy_load ON COMMIT DROP AS SELECT ${cols} FROM ${table} WITH NO DATA`,
    copy: `COPY kit_copy_load (${cols}) FROM STDIN WITH (FORMAT csv)`,
    insert: `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM kit_copy_load`,
  };
}

/** Rows of a raw SQL statement; both drivers return `{ rows }`. */
export async function queryRows<T>(tx: { execute(query: SQL): PromiseLike<unknown> }, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
