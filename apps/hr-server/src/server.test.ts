// server.ts as a real process: migrations at start, health, and SIGTERM letting in-flight requests finish.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_DB } from '@jinji/test-kit/database';
import { freePort } from '@jinji/test-kit/e2e-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/helpers';

const root = path.resolve(import.meta.dirname, '../../..');
let server: ChildProcess;
let base: string;
let output = '';
let cleanup: () => Promise<void>;

beforeAll(async () => {
  // a port the OS says is free: a random one in a range once hit NATS on 4222
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-server-test-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', JINJI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  let dropDb = async () => {};
  if (TEST_DB === 'postgres') {
    const db = await createTestDatabase();
    env.DATABASE_URL = db.url;
    // the server migrates the (already migrated) database again: migrations are idempotent
    dropDb = () => db.close();
  }
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/hr-server/src/server.ts'], { cwd: root, env });
  server.stdout?.on('data', (d) => {
    output += d;
  });
  server.stderr?.on('data', (d) => {
    output += d;
  });
  cleanup = async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await dropDb();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 50_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${output}`);
}, 60_000);
afterAll(() => cleanup?.());

describe(`server process (${TEST_DB})`, () => {
  it('answers health with its database and logs JSON', async () => {
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok', database: TEST_DB });
    const ready = output.split('\n').find((l) => l.includes('jinji ready'));
    expect(JSON.parse(ready!)).toMatchObject({ level: 30, database: TEST_DB });
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    // login attempts take an argon2 verification each, so some are still running when the signal lands
    const csrf = await fetch(`${base}/api/v1/auth/csrf`);
    const cookie = csrf.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const inflight = Array.from({ length: 8 }, (_, i) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken, cookie },
        body: JSON.stringify({ tenantCode: 'nobody', loginId: `u${i}`, password: 'Whatever-123!' }),
      }).then((r) => r.status),
    );
    // in flight = received by the server (it logs each incoming request)
    const received = () =>
      output.split('\n').filter((l) => l.includes('incoming request') && l.includes('/auth/login')).length;
    const t0 = Date.now();
    while (received() < 8) {
      if (Date.now() - t0 > 5000) throw new Error(`received ${received()}:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 1));
    }
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await Promise.all(inflight)).toEqual(Array(8).fill(401));
    expect(await exited).toBe(0);
    expect(output).toContain('shutting down');
  });
});
