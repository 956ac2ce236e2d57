// An app on the kit's database in one call (both apps' buildApp): the base app reading the database's
// errors and counting rate limits in it, the app's auth plugin, the health routes (readiness over the
// app's migrations and job worker), then the features' routes in the app's order, each given `ctx`;
// and defineKitApp(), the whole app of one declaration (training): that app, its served form, and its
// entries — served alone and its command line — from its database, config and commands.
import type { Database, Tables } from '@jinji/db/client';
import { findDatabaseError, isDatabaseUnavailable, isFailedQuery } from '@jinji/db/errors';
import type { MigrateOptions } from '@jinji/db/migrate';
import { hitRateLimit } from '@jinji/db/rate-limit';
import type { MailOutboxTable } from '@jinji/mail/outbox';
import { type MailWorker, NO_MAIL_WORKER } from '@jinji/mail/worker';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppAuth } from './app-auth';
import { type BaseAppOptions, createBaseApp, sessionSecuritySchemes } from './base-app';
import { type BootableDatabase, bootApp, type Closable } from './boot';
import { type CliCommands, migrateCommand, runAppCli } from './cli';
import type { WebAppConfig } from './config';
import { healthRoutes, kitReadiness, type ReadinessProbe } from './health';
import { type ServedApp, serveAlone } from './run-apps';
import { servedApp } from './served-app';

/** The kit's database as an app holds it (its tables' type is the app's). */
type KitDatabase = Pick<Database<Tables>, 'kind' | 'asAnonymous' | 'executeSql' | 'requestStatement' | 'spec'>;

type KitOpenApi = Omit<BaseAppOptions['openapi'], 'securitySchemes'> & {
  /** schemes beside the session cookie's and the CSRF header's (which come from the auth kit) */
  securitySchemes?: BaseAppOptions['openapi']['securitySchemes'];
};

export type KitAppOptions<Ctx extends { db: KitDatabase }, U, S> = Omit<
  BaseAppOptions,
  'databaseErrors' | 'rateLimitHit' | 'openapi'
> & {
  openapi: KitOpenApi;
  /** what every feature's routes are registered with; its `db` also serves rate limits and health */
  ctx: Ctx;
  /** the app's database definition (defineAppDatabase): readiness checks its migrations */
  database: { migrations: MigrateOptions };
  /** readiness of the job worker (served-app.ts); without it readiness checks no worker */
  jobsAlive?: ReadinessProbe;
  /** the app's auth plugin, registered before any route (it checks that each declares its access) */
  auth: AppAuth<U, S>;
  /** the features' route plugins, registered in this order (the OpenAPI document's order) */
  routes: readonly FastifyPluginAsyncZod<Ctx>[];
};

export async function createKitApp<Ctx extends { db: KitDatabase }, U, S>(opts: KitAppOptions<Ctx, U, S>) {
  const { ctx, database, jobsAlive, auth, routes, openapi, ...base } = opts;
  const { db } = ctx;
  const { kit, resolveSession, resolveService } = auth;
  const securitySchemes = { ...sessionSecuritySchemes(kit.names.secure.sid), ...openapi.securitySchemes };
  const app = await createBaseApp({
    ...base,
    openapi: { ...openapi, securitySchemes },
    databaseErrors: { findDatabaseError, isFailedQuery, isUnavailable: isDatabaseUnavailable },
    rateLimitHit: (key, windowMs) => hitRateLimit(db, key, windowMs),
  });
  await app.register(kit.plugin, {
    resolveSession,
    ...(resolveService ? { resolveService } : {}),
    authorize: kit.authorize,
  });
  await app.register(healthRoutes, { db, readiness: kitReadiness(db, database.migrations, jobsAlive) });
  for (const routesOf of routes) await app.register(routesOf, ctx);
  return app;
}

/** The database an app is served on: the kit's, with the engine its job queue and mail worker share. */
type ServedDatabase = KitDatabase & Closable & Parameters<typeof servedApp>[0]['db'];

/**
 * A web app of the kit whose features take `{ db, config, mail }` (training): its build (tests and
 * served()), its served form (one of a process's apps with its pg-boss schema and mail worker), and the
 * app alone — `serveAlone()` (its server.ts) and `runCli()` (its cli.ts) on its own booted database.
 */
export function defineKitApp<
  C extends WebAppConfig,
  D extends ServedDatabase,
  U,
  S,
  A extends BootableDatabase<D> & { migrations: MigrateOptions },
>(def: {
  /** the ready line's name */
  name: string;
  jobsSchema: string;
  mailOutbox: MailOutboxTable;
  /** the app's database definition (defineAppDatabase) */
  database: A;
  /** the app's config loader, the only reader of process.env */
  loadConfig(env?: NodeJS.ProcessEnv): C;
  /** the app's command line: its usage title, what `migrate` says it did, and its features' commands */
  cli: { title: string; migrated: string; commands: CliCommands<D> };
  openapi: KitOpenApi;
  /** the web app's name in the text a browser reads when it is not built ("the training web app") */
  webName: string;
  /** the app's auth (its kit and resolvers) for the database and config it is built on */
  auth(deps: { db: D; config: C }): AppAuth<U, S>;
  routes: readonly FastifyPluginAsyncZod<{ db: D; config: C; mail: MailWorker }>[];
}) {
  const build = (opts: {
    config: C;
    db: D;
    /** Tests pass false or a stream-backed logger. */
    logger?: BaseAppOptions['logger'];
    /** The outbox's worker; without it (no SMTP_URL, most tests) mails stay in the outbox. */
    mail?: MailWorker;
    jobsAlive?: ReadinessProbe;
  }) => {
    const { config, db } = opts;
    return createKitApp({
      config,
      logger: opts.logger,
      ctx: { db, config, mail: opts.mail ?? NO_MAIL_WORKER },
      database: def.database,
      jobsAlive: opts.jobsAlive,
      openapi: def.openapi,
      web: {
        dist: config.webDist,
        missingText: `jinji: the ${def.webName} web app is not built. Run \`npm start\` (it builds it) or \`npm run build\`.`,
      },
      auth: def.auth({ db, config }),
      routes: def.routes,
    });
  };
  const served = (config: C, db: D): ServedApp =>
    servedApp({
      name: def.name,
      config,
      db,
      jobsSchema: def.jobsSchema,
      mailOutbox: def.mailOutbox,
      build: ({ mail, jobsAlive }) => build({ config, db, mail, jobsAlive }),
    });
  const { database, loadConfig, cli } = def;
  // every app has `migrate` (the boot applies the migrations; the command says so)
  const commands: CliCommands<D> = { migrate: migrateCommand(cli.migrated), ...cli.commands };
  return {
    build,
    served,
    database,
    loadConfig,
    commands,
    serveAlone: () => serveAlone(loadConfig(), database, served),
    runCli: () => runAppCli(cli.title, commands, () => bootApp(loadConfig(), database)),
  };
}
