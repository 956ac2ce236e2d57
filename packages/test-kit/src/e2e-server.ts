// An app server as a child process for browser journeys, for either app (or the process serving both):
// a free port per port variable, a fresh PGlite data directory, CLI steps before the server holds its
// lock, and a wait until every port answers its health route.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEmptyPostgresDatabase } from './database';

export type TestServer = {
  /** the first port's */
  url: string;
  /** by port variable, e.g. { PORT: 'http://127.0.0.1:…', TRAINING_PORT: '…' } */
  urls: Record<string, string>;
  stop: () => Promise<void>;
  /** Stops the process (the data stays), runs `between` (e.g. CLI steps, which need the lock), starts it again. */
  restart: (between?: (cli: TCli) => void) => Promise<void>;
  /** kill -9 of the server process (tsx's node child, then tsx), as a power cut would: nothing of it runs after */
  crash: () => Promise<void>;
  /** the data directory (PGlite) */
  dataDir: string;
};

/** Runs the app's CLI with `args` against the test's data dir. */
export type TCli = (args: string[]) => void;

export type StartServerOptions = {
  repoRoot: string;
  /** entry point, relative to repoRoot, run with tsx */
  script: string;
  /** the CLI that prepare() runs */
  cliScript?: string;
  /** environment variables that each get a free port; the first is `url` */
  portEnv: string[];
  /** the variable naming the embedded database's directory */
  dataDirEnv: string;
  env?: Record<string, string>;
  /** steps before the server starts: the app's CLI, or any command run with `env` (the server's: its data dir, its DATABASE_URL on PostgreSQL) */
  prepare?: (cli: TCli, env: NodeJS.ProcessEnv) => void;
  healthPath?: string;
  /** pglite (default): a fresh data directory; postgres: a fresh database on TEST_DATABASE_URL's server */
  database?: E2eDatabase;
  /** an existing PostgreSQL database instead (several processes of one app on one database); not dropped by stop() */
  databaseUrl?: string;
  /**
   * A data directory already migrated (once per run, by the suite's global setup): a PGlite journey starts
   * on a copy of it instead of migrating an empty one, the first boot's slowest part (15–35 s here).
   */
  dataDirTemplate?: string;
};

export type E2eDatabase = 'pglite' | 'postgres';

/**
 * The databases a journey runs on: PGlite always, and PostgreSQL too when TEST_DATABASE_URL names a
 * server (CI sets it, and under CI=true the vitest config refuses to run without it).
 */
export const journeyDatabases = (): E2eDatabase[] =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

export async function startServer(options: StartServerOptions): Promise<TestServer> {
  const tsx = path.join(options.repoRoot, 'node_modules/.bin/tsx');
  const urls: Record<string, string> = {};
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  for (const name of options.portEnv) {
    const port = await freePort();
    env[name] = String(port);
    urls[name] = `http://127.0.0.1:${port}`;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-e2e-'));
  if (options.dataDirTemplate && options.database !== 'postgres')
    cpSync(options.dataDirTemplate, dataDir, { recursive: true });
  env[options.dataDirEnv] = dataDir;
  Object.assign(env, options.env);
  delete env.DATABASE_URL; // the embedded PGlite unless the journey asks for PostgreSQL
  const pgDatabase =
    options.database === 'postgres' && !options.databaseUrl ? await createEmptyPostgresDatabase() : undefined;
  if (pgDatabase) env.DATABASE_URL = pgDatabase.url;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const { cliScript } = options;
  const cli: TCli = (args) => {
    if (!cliScript) throw new Error('prepare() needs cliScript');
    execFileSync(tsx, [cliScript, ...args], {
      cwd: options.repoRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  };
  try {
    options.prepare?.(cli, env);
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    await pgDatabase?.drop();
    throw e;
  }
  const launch = () =>
    spawn(tsx, [options.script], { cwd: options.repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
  let child = launch();
  const stop = async () => {
    child.kill('SIGTERM');
    await exited(child);
    rmSync(dataDir, { recursive: true, force: true });
    await pgDatabase?.drop();
  };
  const url = urls[options.portEnv[0] as string] as string;
  const health = options.healthPath ?? '/api/health';
  const isHealthy = async (u: string) => {
    try {
      return (await fetch(`${u}${health}`)).ok;
    } catch {
      return false; // not listening yet
    }
  };
  const waitHealthy = async () => {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        await stop();
        throw new Error(`${options.script} exited early with code ${child.exitCode}`);
      }
      if ((await Promise.all(Object.values(urls).map(isHealthy))).every(Boolean)) return true;
      await new Promise((r) => setTimeout(r, 250));
    }
    return false;
  };
  const restart = async (between?: (cli: TCli) => void) => {
    child.kill('SIGTERM');
    await exited(child);
    between?.(cli);
    child = launch();
    if (!(await waitHealthy())) throw new Error(`${options.script} did not become healthy again within 90 s`);
  };
  const crash = async () => {
    // tsx runs the script in a node child of its own: SIGKILL cannot be passed on, so the child goes first
    const pid = child.pid;
    let children: number[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {}
    for (const c of children) {
      try {
        process.kill(c, 'SIGKILL');
      } catch {}
    }
    child.kill('SIGKILL');
    await exited(child);
  };
  if (await waitHealthy()) return { url, urls, stop, restart, crash, dataDir };
  await stop();
  throw new Error(`${options.script} did not become healthy within 90 s`);
}
