// buildTrainingApp(): the kit's base app, training's auth kit and its routes. server.ts only listens.
import { findDatabaseError, isDatabaseUnavailable, isFailedQuery } from '@jinji/db/errors';
import { hitRateLimit } from '@jinji/db/rate-limit';
import { type MailWorker, NO_MAIL_WORKER } from '@jinji/mail/worker';
import { createBaseApp, sessionSecuritySchemes } from '@jinji/server-kit/base-app';
import { healthRoutes, kitReadiness, type ReadinessProbe } from '@jinji/server-kit/health';
import type { ServedApp } from '@jinji/server-kit/run-apps';
import { servedApp } from '@jinji/server-kit/served-app';
import type { FastifyServerOptions } from 'fastify';
import type { TrainingConfig } from './config';
import { type TrainingDb, trainingDatabase } from './db/database';
import { mailOutbox } from './db/schema/index';
import { applicationRoutes } from './features/applications/applications.routes';
import { trainingAuthRoutes } from './features/auth/auth.routes';
import { courseRoutes } from './features/courses/courses.routes';
import { SCIM_PREFIX, scimRoutes } from './features/scim/scim.routes';
import { scimTokenRoutes } from './features/scim/scim-tokens.routes';
import { trainingUserRoutes } from './features/users/users.routes';
import { trainingAuth, trainingAuthOptions } from './plugins/auth';

export async function buildTrainingApp(opts: {
  config: TrainingConfig;
  db: TrainingDb;
  logger?: FastifyServerOptions['logger'] | boolean;
  /** The outbox's worker, woken after a step wrote mails; without it (no SMTP_URL, most tests) they stay in the outbox. */
  mail?: MailWorker;
  /** readiness of the job worker (served-app.ts); without it readiness checks no worker */
  jobsAlive?: ReadinessProbe;
}) {
  const { config, db, mail = NO_MAIL_WORKER } = opts;
  const app = await createBaseApp({
    config,
    logger: opts.logger,
    databaseErrors: { findDatabaseError, isFailedQuery, isUnavailable: isDatabaseUnavailable },
    rateLimitHit: (key, windowMs) => hitRateLimit(db, key, windowMs),
    openapi: {
      title: '研修申込システム API',
      version: '0.1.0',
      description: 'jinji 研修申込システム HTTP API',
      securitySchemes: {
        ...sessionSecuritySchemes(trainingAuth.names.secure.sid),
        scimBearer: { type: 'http', scheme: 'bearer', description: '連携設定で発行した SCIM トークン' },
      },
    },
    web: {
      dist: config.webDist,
      missingText: 'jinji: the training web app is not built. Run `npm start` (it builds it) or `npm run build`.',
    },
  });
  await app.register(trainingAuth.plugin, trainingAuthOptions(db, config));
  await app.register(healthRoutes, {
    db,
    readiness: kitReadiness(db, trainingDatabase.migrations, opts.jobsAlive),
  });
  await app.register(trainingAuthRoutes, { db, config });
  await app.register(scimTokenRoutes, { db });
  await app.register(scimRoutes, { db, config, prefix: SCIM_PREFIX });
  await app.register(trainingUserRoutes, { db, config, mail });
  await app.register(courseRoutes, { db, mail, publicUrl: config.publicUrl, config });
  await app.register(applicationRoutes, { db, mail, publicUrl: config.publicUrl, config });
  return app;
}

/** Training as one of a process's apps: its pg-boss schema; its worker sends the outbox's mails. */
export const servedTraining = (config: TrainingConfig, db: TrainingDb): ServedApp =>
  servedApp({
    name: 'jinji training',
    config,
    db,
    jobsSchema: 'pgboss_training',
    mailOutbox,
    build: ({ mail, jobsAlive }) => buildTrainingApp({ config, db, mail, jobsAlive }),
  });
