// The server both login benches measure (bench:login, bench:login-cpu): a fresh PGlite directory (or
// DATABASE_URL), a tenant made through the CLI, then bench/login-server.ts with one account per connection
// (bench01 … bench16), started and waited for. `serverArgs` are node flags for the server process.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBenchTenant } from './hr-cli';

export const BENCH_PASSWORD = 'Bench-Login-2026!';

export type LoginBenchServer = {
  base: string;
  /** the tenant's 企業コード */
  code: string;
  server: ChildProcess;
  /** from spawning the server to its first healthy answer */
  startMs: number;
  stop(): Promise<void>;
};

export async function startLoginBenchServer(opts: {
  connections: number;
  env?: Record<string, string>;
  serverArgs?: string[];
}): Promise<LoginBenchServer> {
  const root = path.resolve(import.meta.dirname, '..');
  const port = 3700 + Math.floor(Math.random() * 290);
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-bench-'));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    JINJI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JINJI_LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    ...opts.env,
  };
  const spawnTsx = (args: string[], extraEnv: Record<string, string> = {}, nodeArgs: string[] = []) =>
    spawn(process.execPath, [...nodeArgs, '--import', 'tsx', ...args], {
      env: { ...env, ...extraEnv },
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });

  const code = `bench${Date.now().toString(36)}`;
  await createBenchTenant(code, BENCH_PASSWORD, env);

  const started = performance.now();
  const server = spawnTsx(
    ['bench/login-server.ts'],
    { BENCH_ACCOUNTS: `${code}:${opts.connections}:${BENCH_PASSWORD}` },
    opts.serverArgs,
  );
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    code,
    server,
    startMs: performance.now() - started,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => server.on('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
