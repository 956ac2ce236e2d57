// A database out of reach is told from a wrong statement: the errors node-postgres really throws when the
// server refuses connections or ends them (on PostgreSQL), and the errors of a statement that is wrong.
import { createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openPostgresEngine } from './client';
import { isDatabaseUnavailable } from './errors';

const pgUrl = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;

/** a loopback port with nothing listening on it */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

const caught = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
};

describe('isDatabaseUnavailable', () => {
  it('says yes to a refused connection, through drizzle and a pool', async () => {
    const pool = new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${await closedPort()}/x` });
    pool.on('error', () => {});
    const error = await caught(() => drizzle(pool).execute(sql`select 1`));
    expect(isDatabaseUnavailable(error)).toBe(true);
    await pool.end();
  });

  it('says yes to the SQLSTATEs of a restart and of a lost connection, and no to wrong statements', () => {
    const pgError = (code: string) => Object.assign(new Error('x'), { code, severity: 'FATAL' });
    for (const code of ['57P01', '57P02', '57P03', '08006', '08003', '08001', '53300'])
      expect(isDatabaseUnavailable(new Error('Failed query', { cause: pgError(code) })), code).toBe(true);
    for (const code of ['23505', '42P01', '40001', '22P02', '0A000'])
      expect(isDatabaseUnavailable(new Error('Failed query', { cause: pgError(code) })), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error(), { code: 'ECONNREFUSED' })]))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it.runIf(pgUrl)('says yes to a query whose backend is terminated, and the pool goes on with a new one', async () => {
    const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
    const idleErrors: Error[] = [];
    pool.on('error', (e) => idleErrors.push(e));
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      const conn = await pool.connect();
      // a checked-out client has no listener of the pool's: when the server ends the connection after the
      // failed query, the client emits 'error' too (a race with release() below), which would go uncaught
      const checkedOutErrors: Error[] = [];
      conn.on('error', (e) => checkedOutErrors.push(e));
      const pid = (await conn.query('select pg_backend_pid() as pid')).rows[0].pid;
      const running = conn.query('select pg_sleep(5)').then(
        () => null,
        (e: unknown) => e,
      );
      await new Promise((r) => setTimeout(r, 200));
      await admin.query('select pg_terminate_backend($1)', [pid]);
      const error = await running;
      expect(error).toMatchObject({ code: '57P01' });
      expect(isDatabaseUnavailable(error)).toBe(true);
      conn.release(error as Error);
      for (const e of checkedOutErrors) expect(isDatabaseUnavailable(e)).toBe(true);
      // an idle client ended by the server: the pool's 'error' event, then a fresh connection
      const idle = await pool.connect();
      const idlePid = (await idle.query('select pg_backend_pid() as pid')).rows[0].pid;
      idle.release();
      await admin.query('select pg_terminate_backend($1)', [idlePid]);
      for (let i = 0; i < 50 && idleErrors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(idleErrors.length).toBe(1);
      expect(isDatabaseUnavailable(idleErrors[0])).toBe(true);
      expect((await pool.query('select 1 as one')).rows[0].one).toBe(1);
    } finally {
      await admin.end();
      await pool.end();
    }
  });

  it.runIf(pgUrl)(
    "the engine's pool survives a backend ended while its client is checked out between statements",
    async () => {
      const engine = openPostgresEngine(pgUrl!, 2);
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      const uncaught: unknown[] = [];
      const onUncaught = (e: unknown) => uncaught.push(e);
      process.prependListener('uncaughtException', onUncaught);
      try {
        // a transaction between two statements (the app awaits something of its own): no query is active
        const conn = await engine.pool.connect();
        await conn.query('begin');
        const pid = (await conn.query('select pg_backend_pid() as pid')).rows[0].pid;
        await admin.query('select pg_terminate_backend($1)', [pid]);
        await new Promise((r) => setTimeout(r, 300));
        const next = await conn.query('select 1').then(
          () => null,
          (e: unknown) => e,
        );
        expect(isDatabaseUnavailable(next)).toBe(true);
        conn.release(next as Error);
        expect(uncaught).toEqual([]);
        expect((await engine.pool.query('select 1 as one')).rows[0].one).toBe(1);
      } finally {
        process.removeListener('uncaughtException', onUncaught);
        await admin.end();
        await engine.close();
      }
    },
  );

  it.runIf(pgUrl)('gives back the client of a transaction whose BEGIN fails (drizzle does not)', async () => {
    const engine = openPostgresEngine(pgUrl!, 1);
    try {
      const db = drizzle(engine.pool);
      // a BEGIN the server refuses, as a BEGIN on a connection that has just been ended is
      const failing = db.transaction(async () => 1, { isolationLevel: 'no such level' as 'serializable' });
      await expect(failing).rejects.toThrow();
      expect(engine.pool.totalCount - engine.pool.idleCount).toBe(0); // none checked out and lost
      expect(await db.transaction(async (tx) => (await tx.execute(sql`select 1 as one`)).rows[0])).toEqual({
        one: 1,
      });
    } finally {
      await engine.close();
    }
  });
});
