// Health for load balancers (decision 024), the same routes in every app; each app supplies its checks.
// - /api/health/live: liveness — the process serves HTTP. No database: a database outage must not make an
//   orchestrator restart every app process (that would not bring the database back).
// - /api/health/ready: readiness — the database answers within a short timeout, it holds every migration
//   of this build, the job worker runs. 503 with the same body otherwise, so traffic goes elsewhere.
// - /api/health: as before the split (scripts and tests wait on it): 200 once the database answers.
// Bodies hold check names, outcomes and milliseconds: never an error message, host, secret or person.
import {
  type TReadinessCheck,
  ZHealthResponse,
  ZLivenessResponse,
  ZReadinessResponse,
} from '@jinji/contracts/common/health';
import type { Database, Tables } from '@jinji/db/client';
import { type MigrateOptions, migrationsCurrent } from '@jinji/db/migrate';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** What health needs of a database: its kind, and a round trip. */
export type HealthDatabase = { kind: 'pglite' | 'postgres'; executeSql(text: string): Promise<unknown> };

/** A readiness check: resolves true when it holds; false, a throw or the timeout is a failure. */
export type ReadinessProbe = () => Promise<boolean>;

export type ReadinessProbes = {
  /** a round trip on the request path (its pool, its login) */
  database: ReadinessProbe;
  /** the database holds every migration of this build */
  migrations: ReadinessProbe;
  /** the job worker runs; absent where the app runs no worker (a test app, a tool) */
  jobs?: ReadinessProbe;
};

export const READINESS_TIMEOUT_MS = 2_000;

/**
 * Public routes of the app's access plugin (the route matrix lists them). A load balancer sends no
 * cookie, so nothing is looked up for it; liveness asks the database nothing.
 */
const PUBLIC = { access: { kind: 'public' as const } };

async function runProbe(name: TReadinessCheck['name'], probe: ReadinessProbe, timeoutMs: number) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const outcome = await Promise.race([
    probe().then(
      (ok) => (ok ? ('ok' as const) : ('failed' as const)),
      () => 'failed' as const,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  return { name, status: outcome, ms: Math.round(performance.now() - started) };
}

export const healthRoutes: FastifyPluginAsyncZod<{
  db: HealthDatabase;
  readiness: ReadinessProbes;
  timeoutMs?: number;
}> = async (app, { db, readiness, timeoutMs = READINESS_TIMEOUT_MS }) => {
  app.get(
    '/api/health',
    {
      config: PUBLIC,
      schema: {
        tags: ['system'],
        summary: 'The database answers (kept as before)',
        response: { 200: ZHealthResponse },
      },
    },
    async () => {
      await db.executeSql('select 1');
      return { status: 'ok' as const, database: db.kind };
    },
  );
  app.get(
    '/api/health/live',
    {
      config: PUBLIC,
      schema: { tags: ['system'], summary: 'Liveness: the process serves HTTP', response: { 200: ZLivenessResponse } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/api/health/ready',
    {
      config: PUBLIC,
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable, migrations current, job worker running',
        response: { 200: ZReadinessResponse, 503: ZReadinessResponse },
      },
    },
    async (_request, reply) => {
      const probes = Object.entries(readiness).filter(([, p]) => p !== undefined) as [
        TReadinessCheck['name'],
        ReadinessProbe,
      ][];
      // the database first: when it is gone the others would only wait for it too
      const database = await runProbe('database', readiness.database, timeoutMs);
      const rest =
        database.status === 'ok'
          ? await Promise.all(probes.filter(([n]) => n !== 'database').map(([n, p]) => runProbe(n, p, timeoutMs)))
          : probes.filter(([n]) => n !== 'database').map(([n]) => ({ name: n, status: 'failed' as const, ms: 0 }));
      const checks = [database, ...rest];
      const ready = checks.every((c) => c.status === 'ok');
      return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database: db.kind, checks });
    },
  );
};

/**
 * The probes of an app on the kit's database: a round trip through the request pool (its login and role,
 * as a request would), the app's migrations against its journal, and the worker's liveness if it runs one.
 */
export function kitReadiness(
  db: Pick<Database<Tables>, 'asAnonymous' | 'executeSql'>,
  migrations: Pick<MigrateOptions, 'migrationsFolder' | 'migrationsSchema' | 'migrationsTable'>,
  jobs?: ReadinessProbe,
): ReadinessProbes {
  return {
    database: async () => {
      await db.asAnonymous((tx) => tx.execute(sql`select 1`));
      return true;
    },
    migrations: async () => (await migrationsCurrent(db, migrations)).current,
    ...(jobs ? { jobs } : {}),
  };
}
