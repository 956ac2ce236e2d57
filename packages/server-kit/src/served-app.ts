// An app as one of a process's apps (its server.ts, or `npm start` beside the other): its own pg-boss
// schema, the outbox's mail worker (decision 010), then the app built over both. Both apps start so;
// only what they build differs.
import type { Engine } from '@jinji/db/client';
import { startBoss } from '@jinji/jobs/boss';
import type { MailOutboxTable } from '@jinji/mail/outbox';
import { type MailWorker, startMailWorker } from '@jinji/mail/worker';
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import type { BaseConfig } from './config';
import type { ReadinessProbe } from './health';
import { type BootLog, consoleLog, lateLog } from './logger';
import type { ServedApp } from './run-apps';

export function servedApp(opts: {
  name: string;
  config: Pick<BaseConfig, 'host' | 'mail'> & { port: number };
  db: { engine: Engine; owner: Parameters<typeof startMailWorker>[0]['owner'] };
  /** the app's pg-boss schema (HR: pgboss) */
  jobsSchema: string;
  mailOutbox: MailOutboxTable;
  /** `jobsAlive`: the readiness probe of this app's job worker (health.ts) */
  build(ctx: { boss: PgBoss; mail: MailWorker; jobsAlive: ReadinessProbe }): Promise<FastifyInstance>;
}): ServedApp {
  const { config, db } = opts;
  return {
    name: opts.name,
    port: config.port,
    host: config.host,
    start: async (onError) => {
      const jobs = await startBoss(db.engine, { schema: opts.jobsSchema, onError });
      // the worker starts before the app: it logs to the console until the app's log exists
      let log: BootLog = consoleLog;
      const mail = await startMailWorker({
        boss: jobs.boss,
        owner: db.owner,
        table: opts.mailOutbox,
        ...config.mail,
        log: lateLog(() => log),
      });
      // the worker runs while pg-boss has not stopped and its schema answers
      let stopped = false;
      jobs.boss.on('stopped', () => {
        stopped = true;
      });
      const jobsAlive: ReadinessProbe = async () => !stopped && Number(await jobs.boss.schemaVersion()) > 0;
      const app = await opts.build({ boss: jobs.boss, mail, jobsAlive });
      log = app.log;
      return { app, stop: () => jobs.stop().then(() => mail.close()) };
    },
  };
}
