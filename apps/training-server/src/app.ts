// buildTrainingApp(): the kit's base app, training's auth kit and its routes. server.ts only listens.
import { findDatabaseError, isFailedQuery } from '@jinji/db/errors';
import { startBoss } from '@jinji/jobs/boss';
import { startMailWorker } from '@jinji/mail/worker';
import { createBaseApp, sessionSecuritySchemes } from '@jinji/server-kit/base-app';
import { healthRoutes } from '@jinji/server-kit/health';
import { type BootLog, consoleLog, lateLog } from '@jinji/server-kit/logger';
import type { ServedApp } from '@jinji/server-kit/run-apps';
import type { FastifyServerOptions } from 'fastify';
import type { TrainingConfig } from './config';
import type { TrainingDb } from './db/database';
import { mailOutbox } from './db/schema/index';
import { trainingAuthRoutes } from './features/auth/auth.routes';
import { trainingAuth, trainingAuthOptions } from './plugins/auth';

export async function buildTrainingApp(opts: {
  config: TrainingConfig;
  db: TrainingDb;
  logger?: FastifyServerOptions['logger'] | boolean;
}) {
  const { config, db } = opts;
  const app = await createBaseApp({
    config,
    logger: opts.logger,
    databaseErrors: { findDatabaseError, isFailedQuery },
    openapi: {
      title: '研修申込システム API',
      version: '0.1.0',
      description: 'jinji 研修申込システム HTTP API',
      securitySchemes: sessionSecuritySchemes(trainingAuth.names.secure.sid),
    },
    web: {
      dist: config.webDist,
      missingText: 'jinji: the training web app is not built. Run `npm start` (it builds it) or `npm run build`.',
    },
  });
  await app.register(trainingAuth.plugin, trainingAuthOptions(db, config));
  await app.register(healthRoutes, { db });
  await app.register(trainingAuthRoutes, { db, config });
  return app;
}

/** Training as one of a process's apps (its server.ts, or `npm start` beside HR); its pg-boss has its own
 * schema; its only worker so far sends the outbox's mails. */
export const servedTraining = (config: TrainingConfig, db: TrainingDb): ServedApp => ({
  name: 'jinji training',
  port: config.port,
  host: config.host,
  start: async (onError) => {
    const jobs = await startBoss(db.engine, { schema: 'pgboss_training', onError });
    // the outbox's worker (decision 010), logging to the console until the app's log exists
    let log: BootLog = consoleLog;
    const mail = await startMailWorker({
      boss: jobs.boss,
      owner: db.owner,
      table: mailOutbox,
      ...config.mail,
      log: lateLog(() => log),
    });
    const app = await buildTrainingApp({ config, db });
    log = app.log;
    return { app, stop: () => jobs.stop().then(() => mail.close()) };
  },
});
