// HR alone: boot, the app, and the kit's listen and graceful close — nothing else.

import { type BootLog, consoleLog, lateLog } from '@jinji/server-kit/logger';
import { runServer } from '@jinji/server-kit/run-server';
import { buildApp } from './app';
import { bootHr } from './boot';
import { loadConfig } from './config';
import { startJobs } from './jobs/boss';
import { startHrMail } from './jobs/mail';
import { registerWorkers } from './jobs/workers';

const startedAt = performance.now();
const config = loadConfig();
const { db, close } = await bootHr(config);
// the app's logger once it exists; the queues start before it
let log: BootLog = consoleLog;
const jobs = await startJobs(db, (err) => log.error({ err }, 'job queue error'));
const mail = await startHrMail(
  jobs.boss,
  db,
  config,
  lateLog(() => log),
);
const app = await buildApp({ config, db, jobs: await registerWorkers(jobs.boss, db), mail });
log = app.log;
await runServer({
  apps: [{ app, port: config.port, host: config.host, name: 'jinji' }],
  resources: [
    { close: () => jobs.stop().then(() => mail.close()), closedMessage: 'jobs stopped' },
    { close, closedMessage: 'database closed' },
  ],
  readyFields: { database: db.kind },
  startedAt,
});
