// Training alone (a PostgreSQL deployment of its own): boot through the kit, the app, listen.

import { openDatabase } from '@jinji/db/client';
import { acquireDataDirLock } from '@jinji/db/data-dir-lock';
import { bootDatabase } from '@jinji/server-kit/boot';
import { runServer } from '@jinji/server-kit/run-server';
import { buildTrainingApp } from './app';
import { loadTrainingConfig } from './config';
import { migrateTraining, trainingDatabaseSpec } from './db/database';
import { startTrainingJobs } from './jobs';

const startedAt = performance.now();
const config = loadTrainingConfig();
const driver = { openDatabase: (o: object) => openDatabase(o, trainingDatabaseSpec), acquireDataDirLock };
const { db, close } = await bootDatabase(config, driver, [migrateTraining]);
const app = await buildTrainingApp({ config, db });
const jobs = await startTrainingJobs(db, (err) => app.log.error({ err }, 'job queue error'));
const stopJobs = { close: () => jobs.stop(), closedMessage: 'jobs stopped' };
const closeDatabase = { close, closedMessage: 'database closed' };
const listening = { app, port: config.port, host: config.host, name: 'jinji training' };
await runServer({
  apps: [listening],
  resources: [stopJobs, closeDatabase],
  readyFields: { database: db.kind },
  startedAt,
});
