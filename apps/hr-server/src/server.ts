// Listen, signals, graceful close — nothing else.

import { acquireDataDirLock } from '@jinji/db/data-dir-lock';
import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { startJobs } from './jobs/boss';
import { registerWorkers } from './jobs/workers';

const startedAt = performance.now();
const config = loadConfig();
const releaseLock = config.databaseUrl ? () => {} : acquireDataDirLock(config.dataDir);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateDatabase(db);
let log: { error(obj: object, msg: string): void } = { error: (obj, msg) => console.error(msg, obj) };
const jobs = await startJobs(db, (err) => log.error({ err }, 'job queue error'));
const app = await buildApp({ config, db, jobs: await registerWorkers(jobs.boss, db) });
log = app.log;
await app.listen({ port: config.port, host: config.host });
app.log.info(
  { database: db.kind, startupMs: Math.round(performance.now() - startedAt) },
  `jinji ready on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port}`,
);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // In-flight requests get up to 20 s; then remaining sockets are cut.
  const deadline = setTimeout(() => app.server.closeAllConnections(), 20_000);
  deadline.unref();
  await app.close();
  app.log.info('http closed');
  await jobs.stop();
  app.log.info('jobs stopped');
  await db.close();
  releaseLock();
  app.log.info('database closed');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
