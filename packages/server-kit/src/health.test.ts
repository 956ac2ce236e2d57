// Liveness and readiness on a bare base app with probes whose outcome the test decides: readiness is
// 200 only when every probe holds, 503 with each check's outcome otherwise (a probe that hangs counts
// as a timeout after the short limit); liveness never asks the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BaseApp, createBaseApp } from './base-app';
import { healthRoutes, type ReadinessProbes } from './health';

let app: BaseApp;
const state = { database: true, migrations: true, jobs: true, hang: false, dbCalls: 0 };

beforeAll(async () => {
  app = await createBaseApp({
    config: { logLevel: 'info', trustProxy: false },
    databaseErrors: { findDatabaseError: () => null, isFailedQuery: () => false, isUnavailable: () => false },
    openapi: { title: 't', version: '0', description: 'd', securitySchemes: {} },
    web: { dist: '/nonexistent', missingText: 'not built' },
    logger: false,
  });
  const readiness: ReadinessProbes = {
    database: async () => {
      state.dbCalls++;
      if (state.hang) await new Promise(() => {});
      if (!state.database) throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=secret');
      return true;
    },
    migrations: async () => state.migrations,
    jobs: async () => state.jobs,
  };
  const db = { kind: 'postgres' as const, executeSql: async () => ({}) };
  await app.register(healthRoutes, { db, readiness, timeoutMs: 200 });
  await app.ready();
});
afterAll(() => app?.close());

const ready = async () => {
  const res = await app.inject({ url: '/api/health/ready' });
  const body = res.json();
  return {
    status: res.statusCode,
    body,
    byName: Object.fromEntries(body.checks.map((c: { name: string; status: string }) => [c.name, c.status])),
  };
};

describe('health for load balancers', () => {
  it('is ready when the database answers, migrations are current and the worker runs', async () => {
    Object.assign(state, { database: true, migrations: true, jobs: true, hang: false });
    const r = await ready();
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('ready');
    expect(r.byName).toEqual({ database: 'ok', migrations: 'ok', jobs: 'ok' });
  });

  it('answers 503 naming the check that failed: migrations behind, or the worker stopped', async () => {
    Object.assign(state, { database: true, migrations: false, jobs: true, hang: false });
    expect(await ready()).toMatchObject({ status: 503, byName: { database: 'ok', migrations: 'failed', jobs: 'ok' } });
    Object.assign(state, { migrations: true, jobs: false });
    expect(await ready()).toMatchObject({ status: 503, byName: { database: 'ok', migrations: 'ok', jobs: 'failed' } });
  });

  it('reports an unreachable database as 503 without its error text, and a hanging one as a timeout', async () => {
    Object.assign(state, { database: false, migrations: true, jobs: true, hang: false });
    const down = await ready();
    expect(down).toMatchObject({ status: 503, body: { status: 'not_ready' }, byName: { database: 'failed' } });
    expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|secret/);
    Object.assign(state, { database: true, hang: true });
    const hung = await ready();
    expect(hung).toMatchObject({ status: 503, byName: { database: 'timeout' } });
    expect(hung.body.checks[0].ms).toBeGreaterThanOrEqual(190);
  });

  it('answers liveness without asking the database, even while it is down', async () => {
    Object.assign(state, { database: false, hang: false });
    const before = state.dbCalls;
    const res = await app.inject({ url: '/api/health/live' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(state.dbCalls).toBe(before);
  });
});
