// docs/decisions/003: pg-boss 10 runs on both engines (on PGlite through its `db` adapter option).

import { createTestEngine, TEST_DB, type TestEngine } from '@jinji/test-kit/database';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoss } from './boss';

// pg-boss needs no app tables: an empty database
let engine: TestEngine;
beforeAll(async () => {
  engine = await createTestEngine({ name: 'empty', build: async () => {}, apps: [] });
});
afterAll(() => engine?.close());

const waitFor = async (check: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
};

describe(`durable jobs (${TEST_DB})`, () => {
  it('runs a job, retries a failing one with backoff and leaves it visible as failed', async () => {
    const boss = createBoss(engine, { schema: 'pgboss' });
    await boss.start();
    try {
      await boss.createQueue('ok-queue');
      await boss.createQueue('bad-queue');
      const seen: unknown[] = [];
      await boss.work('ok-queue', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        seen.push(job!.data);
      });
      let attempts = 0;
      await boss.work('bad-queue', { pollingIntervalSeconds: 0.5 }, async () => {
        attempts++;
        throw new Error('always fails');
      });
      await boss.send('ok-queue', { items: 3 });
      const badId = await boss.send('bad-queue', {}, { retryLimit: 2, retryDelay: 1, retryBackoff: true });
      await waitFor(async () => seen.length === 1);
      expect(seen).toEqual([{ items: 3 }]);
      await waitFor(async () => (await boss.getJobById('bad-queue', badId!))?.state === 'failed', 20_000);
      expect(attempts).toBe(3);
      const failed = await boss.getJobById('bad-queue', badId!);
      expect(failed).toMatchObject({ state: 'failed', retryCount: 2 });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });

  it('keeps queued jobs across a restart', async () => {
    const first = createBoss(engine, { schema: 'pgboss' });
    await first.start();
    await first.createQueue('durable');
    const id = await first.send('durable', { n: 1 });
    await first.stop({ graceful: true, wait: true });

    const second = createBoss(engine, { schema: 'pgboss' });
    await second.start();
    try {
      const done: string[] = [];
      await second.work('durable', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        done.push(job!.id);
      });
      await waitFor(async () => done.length === 1);
      expect(done).toEqual([id]);
    } finally {
      await second.stop({ graceful: false, wait: true });
    }
  });

  it("keeps two apps' queues apart on one database: one pg-boss schema each", async () => {
    const hr = createBoss(engine, { schema: 'pgboss' });
    const other = createBoss(engine, { schema: 'pgboss_other' });
    await hr.start();
    await other.start();
    try {
      await hr.createQueue('mail');
      await other.createQueue('mail');
      const id = await hr.send('mail', { n: 1 });
      expect(await other.getJobById('mail', id!)).toBeNull();
      expect((await hr.getJobById('mail', id!))?.state).toBe('created');
      const schemas = await engine.executeSql(
        `select nspname from pg_namespace where nspname in ('pgboss', 'pgboss_other') order by 1`,
      );
      expect(schemas.rows).toEqual([{ nspname: 'pgboss' }, { nspname: 'pgboss_other' }]);
    } finally {
      await other.stop({ graceful: false, wait: true });
      await hr.stop({ graceful: false, wait: true });
    }
  });

  it("survives the database going away as a job ends: the run's completion fails into the 'error' event", async () => {
    // pg-boss's worker calls complete()/fail() without awaiting them: a connection lost at that moment
    // was an unhandled rejection, which ends a Node process
    let cut = false;
    const executeSql: PgBoss.Db['executeSql'] = async (text, values) => {
      if (cut && /state = 'completed'|DELETE FROM/.test(text))
        throw Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
          severity: 'FATAL',
        });
      return engine.executeSql(text, values) as ReturnType<PgBoss.Db['executeSql']>;
    };
    const boss = new PgBoss({ db: { executeSql }, schema: 'pgboss_cut' } as PgBoss.ConstructorOptions);
    const errors: unknown[] = [];
    boss.on('error', (e) => errors.push(e));
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    await boss.start();
    try {
      await boss.createQueue('cut-queue');
      let runs = 0;
      await boss.work('cut-queue', { pollingIntervalSeconds: 0.5 }, async () => {
        runs++;
        cut = true; // the database goes away while the handler finishes
      });
      await boss.send('cut-queue', {});
      await waitFor(async () => errors.length > 0);
      await new Promise((r) => setTimeout(r, 200));
      expect(runs).toBe(1);
      expect(unhandled).toEqual([]);
      expect(errors[0]).toMatchObject({ code: '57P01' });
    } finally {
      cut = false;
      process.removeListener('unhandledRejection', onUnhandled);
      await boss.stop({ graceful: false, wait: true });
    }
  });
});
