// Training alone (a PostgreSQL deployment of its own): boot through the kit, the app, listen.

import { openDatabase } from '@jinji/db/client';
import { acquireDataDirLock } from '@jinji/db/data-dir-lock';
import { bootDatabase } from '@jinji/server-kit/boot';
import { type BootLog, consoleLog, lateLog } from '@jinji/server-kit/logger';
import { runServer } from '@jinji/server-kit/run-server';
import { buildTrainingApp } from './app';
import { loadTrainingConfig } from './config';
import { migrateTraining, trainingDatabaseSpec } from './db/database';
import { startTrainingJobs, startTrainingMail } from './jobs';

const startedAt = performance.now();
const config = loadTrainingConfig();
const driver = { openDatabase: (o: object) => openDatabase(o, trainingDatabaseSpec), acquireDataDirLock };
const { db, close } = await bootDatabase(config, driver, [migrateTraining]);
let log: BootLog = consoleLog;
const jobs = await startTrainingJobs(db, (err) => log.error({ err }, 'job queue error'));
const mail = await startTrainingMail(
  jobs.boss,
  db,
  config,
  lateLog(() => log),
);
const app = await buildTrainingApp({ config, db });
log = app.log;
const stopJobs = { close: () => jobs.stop().then(() => mail.close()), closedMessage: 'jobs stopped' };
const closeDatabase = { close, closedMessage: 'database closed' };
const listening = { app, port: config.port, host: config.host, name: 'jinji training' };
await runServer({
  apps: [listening],
  resources: [stopJobs, closeDatabase],
  readyFields: { database: db.kind },
  startedAt,
});
