// One hr-server per test file: a free port, a fresh PGlite data dir, a short login lock.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths';

export type TestServer = { url: string; stop: () => Promise<void> };

export const LOGIN_LOCK_SECONDS = 3;

function freePort(): Promise<number> {
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

/** Runs `npm run jinji -- <args>` against the test's data dir (before the server holds its lock). */
export type TCli = (args: string[]) => void;

export async function startServer(
  options: { prepare?: (cli: TCli) => void; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    JINJI_DATA_DIR: dataDir,
    JINJI_LOGIN_LOCK_SECONDS: String(LOGIN_LOCK_SECONDS),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete env.DATABASE_URL; // e2e always runs on the embedded PGlite
  options.prepare?.((args) => {
    execFileSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['apps/hr-server/src/cli.ts', ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  });
  const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['apps/hr-server/src/server.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGTERM');
    await exited(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hr-server exited early with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error('hr-server did not become healthy within 90 s');
}
