// buildTrainingApp(): the kit's app on training's database, its auth kit and its features' routes in
// order. server.ts only listens.
import { type MailWorker, NO_MAIL_WORKER } from '@jinji/mail/worker';
import { sessionSecuritySchemes } from '@jinji/server-kit/base-app';
import type { ReadinessProbe } from '@jinji/server-kit/health';
import { createKitApp } from '@jinji/server-kit/kit-app';
import type { ServedApp } from '@jinji/server-kit/run-apps';
import { servedApp } from '@jinji/server-kit/served-app';
import type { FastifyServerOptions } from 'fastify';
import type { TrainingConfig } from './config';
import { type TrainingDb, trainingDatabase } from './db/database';
import { mailOutbox } from './db/schema/index';
import { applicationRoutes } from './features/applications/applications.routes';
import { trainingAuthRoutes } from './features/auth/auth.routes';
import { resolveTrainingSession } from './features/auth/auth.service';
import { courseRoutes } from './features/courses/courses.routes';
import { scimFeatureRoutes } from './features/scim/scim.routes';
import { resolveScimToken } from './features/scim/scim.service';
import { trainingUserRoutes } from './features/users/users.routes';
import { trainingAuth } from './plugins/auth';

export async function buildTrainingApp(opts: {
  config: TrainingConfig;
  db: TrainingDb;
  logger?: FastifyServerOptions['logger'] | boolean;
  /** The outbox's worker, woken after a step wrote mails; without it (no SMTP_URL, most tests) they stay in the outbox. */
  mail?: MailWorker;
  jobsAlive?: ReadinessProbe;
}) {
  const { config, db, mail = NO_MAIL_WORKER } = opts;
  return createKitApp({
    config,
    logger: opts.logger,
    ctx: { db, config, mail },
    database: trainingDatabase,
    jobsAlive: opts.jobsAlive,
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
    auth: (app) =>
      app.register(trainingAuth.plugin, {
        resolveSession: (token) => resolveTrainingSession(db, config, token),
        resolveService: (token) => resolveScimToken(db, token),
        authorize: trainingAuth.authorize,
      }),
    routes: [trainingAuthRoutes, scimFeatureRoutes, trainingUserRoutes, courseRoutes, applicationRoutes],
  });
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
