// HR alone: boot, the app, and the kit's listen and graceful close — nothing else.

import { runServer } from '@jinji/server-kit/run-server';
import { buildApp } from './app';
import { bootHr } from './boot';
import { loadConfig } from './config';
import { startJobs } from './jobs/boss';
import { registerWorkers } from './jobs/workers';

const startedAt = performance.now();
const config = loadConfig();
const { db, close } = await bootHr(config);
let log: { error(obj: object, msg: string): void } = { error: (obj, msg) => console.error(msg, obj) };
const jobs = await startJobs(db, (err) => log.error({ err }, 'job queue error'));
const app = await buildApp({ config, db, jobs: await registerWorkers(jobs.boss, db) });
log = app.log;
await runServer({
  apps: [{ app, port: config.port, host: config.host, name: 'jinji' }],
  resources: [
    { close: () => jobs.stop(), closedMessage: 'jobs stopped' },
    { close, closedMessage: 'database closed' },
  ],
  readyFields: { database: db.kind },
  startedAt,
});
