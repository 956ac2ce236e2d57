// buildApp(): the kit's app on HR's database, HR's auth kit and its features' routes in order. server.ts
// only listens.

import { type MailWorker, NO_MAIL_WORKER } from '@jinji/mail/worker';
import type { ReadinessProbe } from '@jinji/server-kit/health';
import { createKitApp } from '@jinji/server-kit/kit-app';
import type { ServedApp } from '@jinji/server-kit/run-apps';
import { servedApp } from '@jinji/server-kit/served-app';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Config } from './config';
import { type Database, hrDatabase } from './db/client';
import { mailOutbox } from './db/schema/index';
import { accessControlRoutes } from './features/access-control/access-control.routes';
import { attendanceRoutes } from './features/attendance/attendance.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { authRoutes } from './features/auth/auth.routes';
import { resolveSession } from './features/auth/auth.service';
import { codeSettingsRoutes } from './features/code-settings/code-settings.routes';
import { accountNoticeRoutes } from './features/employees/account-notice.routes';
import { employeeRoutes } from './features/employees/employees.routes';
import { importRoutes } from './features/imports/imports.routes';
import type { JobQueue } from './features/imports/imports.service';
import { mailRoutes } from './features/mail/mail.routes';
import { masterRoutes } from './features/masters/masters.routes';
import { passwordPolicyRoutes } from './features/password-policy/password-policy.routes';
import { profileBatchRoutes } from './features/profile-batch/profile-batch.routes';
import { profileSheetRoutes } from './features/profile-sheet/profile-sheet.routes';
import { recordRoutes } from './features/records/records.routes';
import { requestRoutes } from './features/requests/requests.routes';
import { selfServiceRoutes } from './features/self-service/self-service.routes';
import { setupRoutes } from './features/tenants/setup.routes';
import { HR_JOBS_SCHEMA } from './jobs/boss';
import { registerRecordJobs } from './jobs/records';
import { registerRequestJobs } from './jobs/requests';
import { registerWorkers } from './jobs/workers';
import { hrAuth } from './plugins/auth';

export type BuildAppOptions = {
  config: Config;
  db: Database;
  /** The durable job queue (pg-boss); without it, routes that start jobs answer with an error. */
  jobs?: JobQueue;
  /** The outbox's worker (decision 010); without it (no SMTP_URL, most tests) mails stay in the outbox. */
  mail?: MailWorker;
  /** Tests pass false or a stream-backed logger. */
  logger?: FastifyServerOptions['logger'] | boolean;
  /** readiness of the job worker (served-app.ts); without it readiness checks no worker */
  jobsAlive?: ReadinessProbe;
};

export async function buildApp({
  config,
  db,
  jobs,
  mail = NO_MAIL_WORKER,
  logger,
  jobsAlive,
}: BuildAppOptions): Promise<FastifyInstance> {
  return createKitApp({
    config,
    logger,
    ctx: { db, config, jobs, mail, isSmtpConfigured: config.mail.smtpUrl !== undefined },
    database: hrDatabase,
    jobsAlive,
    openapi: {
      title: 'jinji HR API',
      version: '0.1.0',
      description: 'jinji 人事管理 HTTP API',
    },
    web: {
      dist: config.webDist,
      missingText: 'jinji: the web app is not built. Run `npm start` (it builds it) or `npm run build`.',
    },
    auth: { kit: hrAuth, resolveSession: (token) => resolveSession(db, config, token) },
    routes: [
      setupRoutes,
      authRoutes,
      passwordPolicyRoutes,
      employeeRoutes,
      accountNoticeRoutes,
      attendanceRoutes,
      masterRoutes,
      accessControlRoutes,
      codeSettingsRoutes,
      importRoutes,
      profileBatchRoutes,
      auditRoutes,
      selfServiceRoutes,
      requestRoutes,
      recordRoutes,
      profileSheetRoutes,
      mailRoutes,
    ],
  });
}

/**
 * HR as one of a process's apps (its server.ts, or `npm start` beside training): its job queue, then the app.
 * `registerJobs`: jobs of the composition root on HR's queue (the scheduled backup of both apps, decision 022).
 */
export const servedHr = (
  config: Config,
  db: Database,
  opts: { registerJobs?(boss: PgBoss): Promise<void> } = {},
): ServedApp =>
  servedApp({
    name: 'jinji',
    config,
    db,
    jobsSchema: HR_JOBS_SCHEMA,
    mailOutbox,
    build: async ({ boss, mail, jobsAlive }) => {
      await registerRequestJobs(boss, { db, mail });
      await registerRecordJobs(boss, { db, mail });
      await opts.registerJobs?.(boss);
      return buildApp({ config, db, jobs: await registerWorkers(boss, db), mail, jobsAlive });
    },
  });
