// An app on the kit's database in one call (both apps' buildApp): the base app reading the database's
// errors and counting rate limits in it, the app's auth plugin, the health routes (readiness over the
// app's migrations and job worker), then the features' routes in the app's order, each given `ctx`.
import type { Database, Tables } from '@jinji/db/client';
import { findDatabaseError, isDatabaseUnavailable, isFailedQuery } from '@jinji/db/errors';
import type { MigrateOptions } from '@jinji/db/migrate';
import { hitRateLimit } from '@jinji/db/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type BaseAppOptions, createBaseApp } from './base-app';
import { healthRoutes, kitReadiness, type ReadinessProbe } from './health';

/** The kit's database as an app holds it (its tables' type is the app's). */
type KitDatabase = Pick<Database<Tables>, 'kind' | 'asAnonymous' | 'executeSql' | 'requestStatement' | 'spec'>;

export type KitAppOptions<Ctx extends { db: KitDatabase }> = Omit<BaseAppOptions, 'databaseErrors' | 'rateLimitHit'> & {
  /** what every feature's routes are registered with; its `db` also serves rate limits and health */
  ctx: Ctx;
  /** the app's database definition (defineAppDatabase): readiness checks its migrations */
  database: { migrations: MigrateOptions };
  /** readiness of the job worker (served-app.ts); without it readiness checks no worker */
  jobsAlive?: ReadinessProbe;
  /** registers the app's auth plugin, before any route (it checks that each declares its access) */
  auth(app: FastifyInstance): PromiseLike<unknown>;
  /** the features' route plugins, registered in this order (the OpenAPI document's order) */
  routes: readonly FastifyPluginAsyncZod<Ctx>[];
};

export async function createKitApp<Ctx extends { db: KitDatabase }>(opts: KitAppOptions<Ctx>) {
  const { ctx, database, jobsAlive, auth, routes, ...base } = opts;
  const { db } = ctx;
  const app = await createBaseApp({
    ...base,
    databaseErrors: { findDatabaseError, isFailedQuery, isUnavailable: isDatabaseUnavailable },
    rateLimitHit: (key, windowMs) => hitRateLimit(db, key, windowMs),
  });
  await auth(app);
  await app.register(healthRoutes, { db, readiness: kitReadiness(db, database.migrations, jobsAlive) });
  for (const routesOf of routes) await app.register(routesOf, ctx);
  return app;
}
