// Every server entry point in one shape (an app alone, or `npm start`'s apps over one database): boot the
// database, start each app (its job queue, then the app that takes it), then the kit's listen and graceful
// close — HTTP first, then the job queues, then the database and its lock.
import type { FastifyInstance } from 'fastify';
import { type BootableDatabase, type Booted, bootApp, type Closable } from './boot';
import type { BaseConfig } from './config';
import { runServer } from './run-server';

export type ServedApp = {
  /** the ready line says `${name} ready on http://…` */
  name: string;
  port: number;
  host: string;
  /** job-queue errors go to `onError`; `stop` ends the app's job queue */
  start(onError: (err: Error) => void): Promise<{ app: FastifyInstance; stop(): Promise<unknown> }>;
};

type Started = Omit<ServedApp, 'start'> & Awaited<ReturnType<ServedApp['start']>>;

export async function runApps<Db extends { kind: string }>(opts: {
  boot(): Promise<Booted<Db>>;
  apps(db: Db): ServedApp[];
}) {
  const startedAt = performance.now();
  const { db, close } = await opts.boot();
  // a queue starts before its app exists: its errors go to the console until the first app's log is there
  let log: { error(obj: object, msg: string): void } = { error: (obj, msg) => console.error(msg, obj) };
  const onError = (err: Error) => log.error({ err }, 'job queue error');
  const started: Started[] = [];
  for (const served of opts.apps(db)) started.push({ ...served, ...(await served.start(onError)) });
  log = started[0]?.app.log ?? log;
  const stopJobs = () => Promise.all(started.map((s) => s.stop())).then(() => {});
  return runServer({
    apps: started,
    resources: [
      { close: stopJobs, closedMessage: 'jobs stopped' },
      { close, closedMessage: 'database closed' },
    ],
    readyFields: { database: db.kind },
    startedAt,
  });
}

/** One app alone (its server.ts): its database booted and migrated, then the app served on it. */
export const serveAlone = <
  C extends Pick<BaseConfig, 'databaseUrl' | 'dataDir'>,
  Db extends Closable & { kind: string },
>(
  config: C,
  database: BootableDatabase<Db>,
  served: (config: C, db: Db) => ServedApp,
) => runApps({ boot: () => bootApp(config, database), apps: (db) => [served(config, db)] });
