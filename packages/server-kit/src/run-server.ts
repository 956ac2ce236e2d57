// Listen, signals, graceful close. One process may serve several apps over one database (decision 009:
// HR on :3000 and training on :3100 over one PGlite): every app listens; on SIGTERM/SIGINT every app
// stops taking requests and finishes those in flight (up to 20 s, then sockets are cut), and only then
// the process's resources close in the order given (jobs, then the database and its lock).
import type { FastifyInstance } from 'fastify';

export type ListeningApp = {
  app: FastifyInstance;
  port: number;
  host: string;
  /** the ready line says `${name} ready on http://…` */
  name: string;
};

export type Shutdown = {
  close(): Promise<void>;
  /** logged once `close` has finished, e.g. 'jobs stopped' */
  closedMessage: string;
};

export type RunServerOptions = {
  apps: ListeningApp[];
  /** closed after every app's HTTP side, in this order */
  resources: Shutdown[];
  /** fields of each ready line, e.g. the database kind */
  readyFields?: Record<string, unknown>;
  /** performance.now() when the process started booting */
  startedAt?: number;
  /** how long in-flight requests may take after the signal */
  graceMs?: number;
  /** what happens once everything is closed; the default ends the process with code 0 */
  onClosed?: () => void;
};

export type RunningServer = {
  /** the listening URL of each app, in the order given */
  urls: string[];
  /** the same graceful close a signal starts */
  shutdown(signal: string): Promise<void>;
};

export async function runServer(opts: RunServerOptions): Promise<RunningServer> {
  const { apps, resources, readyFields = {}, startedAt = performance.now(), graceMs = 20_000 } = opts;
  const [first] = apps;
  if (!first) throw new Error('runServer needs at least one app');
  const urls: string[] = [];
  for (const { app, port, host, name } of apps) {
    await app.listen({ port, host });
    const address = app.server.address();
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${address && typeof address === 'object' ? address.port : port}`;
    urls.push(url);
    app.log.info({ ...readyFields, startupMs: Math.round(performance.now() - startedAt) }, `${name} ready on ${url}`);
  }
  const log = first.app.log;

  let closing: Promise<void> | null = null;
  const shutdown = (signal: string) => {
    closing ??= (async () => {
      log.info({ signal }, 'shutting down');
      await Promise.all(
        apps.map(async ({ app }) => {
          const deadline = setTimeout(() => app.server.closeAllConnections(), graceMs);
          deadline.unref();
          await app.close();
        }),
      );
      log.info('http closed');
      for (const resource of resources) {
        await resource.close();
        log.info(resource.closedMessage);
      }
      (opts.onClosed ?? (() => process.exit(0)))();
    })();
    return closing;
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    urls,
    shutdown: (signal) => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      return shutdown(signal);
    },
  };
}
