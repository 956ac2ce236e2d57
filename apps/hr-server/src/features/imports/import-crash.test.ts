// Issue 5: a server killed during an import leaves the whole import or nothing, and 取込履歴 says which.
// A real server process is killed with SIGKILL while the job writes, then started again.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { queryRows } from '@jinji/db/client';
import { TEST_DB } from '@jinji/test-kit/database';
import { freePort } from '@jinji/test-kit/e2e-server';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, createTestTenant, createTestUser, STRONG_PASSWORD } from '../../../test/helpers';
import { type Database, openPglite } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';

const root = path.resolve(import.meta.dirname, '../../../../..');
const ROWS = 10_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
): { proc: ChildProcess; ready: Promise<void>; log: () => string } {
  let output = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/hr-server/src/server.ts'], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  proc.stdout?.on('data', (d) => {
    output += d;
  });
  proc.stderr?.on('data', (d) => {
    output += d;
  });
  cleanups.push(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  const ready = (async () => {
    const deadline = Date.now() + 50_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start:\n${output}`);
  })();
  return { proc, ready, log: () => output };
}

class Http {
  cookies = new Map<string, string>();
  constructor(readonly base: string) {}
  /** `timeoutMs` short only where a wait is the signal (PGlite's one connection busy with the write). */
  async req(
    method: string,
    url: string,
    body?: Buffer | object,
    headers: Record<string, string> = {},
    timeoutMs = 30_000,
  ) {
    const csrf = this.cookies.get('__Host-jinji_csrf') ?? '';
    const res = await fetch(`${this.base}${url}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': csrf,
        origin: this.base,
        ...(body ? { 'content-type': Buffer.isBuffer(body) ? 'text/csv' : 'application/json' } : {}),
        ...headers,
      },
      body: body ? (Buffer.isBuffer(body) ? body : JSON.stringify(body)) : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [k, v] = c.split(';')[0]!.split('=');
      this.cookies.set(k!, v ?? '');
    }
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: a test client reading whatever JSON the API sent
    return { status: res.status, json: (text ? JSON.parse(text) : null) as any };
  }
  async login(tenantCode: string) {
    await this.req('GET', '/api/v1/auth/csrf');
    const r = await this.req('POST', '/api/v1/auth/login', { tenantCode, loginId: 'hr', password: STRONG_PASSWORD });
    expect(r.status).toBe(200);
  }
}

const csv = () => {
  const lines = ['社員番号,本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日'];
  for (let i = 1; i <= ROWS; i++)
    lines.push(`K${String(i).padStart(5, '0')},加藤,次郎,かとう,じろう,1990/04/01,男性,2024/04/01`);
  return Buffer.from(lines.join('\r\n'));
};

describe(`import killed mid-write (${TEST_DB})`, () => {
  it('writes nothing while killed, then finishes the whole import after the restart, exactly once', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    let db: Database;
    let reopen: () => Promise<Database>;
    if (TEST_DB === 'postgres') {
      const pgDb = await createTestDatabase();
      cleanups.push(() => pgDb.close());
      env.DATABASE_URL = pgDb.url;
      db = pgDb;
      reopen = async () => pgDb;
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-crash-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      env.JINJI_DATA_DIR = dataDir;
      db = await openPglite(dataDir);
      await migrateDatabase(db);
      reopen = () => openPglite(dataDir);
    }
    const tenant = await createTestTenant(db, 'crash');
    await createTestUser(db, tenant.tenantId, 'hr', ['hr_admin']);
    if (TEST_DB === 'pglite') await db.close(); // the server process owns the data directory

    const port = await freePort();
    const first = startServer(env, port);
    await first.ready;
    const http = new Http(`http://127.0.0.1:${port}`);
    await http.login('crash');
    const started = await http.req('POST', '/api/v1/imports?kind=employees_new', csv(), { 'x-file-name': 'crash.csv' });
    expect(started.status).toBe(202);
    const jobId = started.json.id as string;

    // kill mid-write: rows written in the open transaction (PostgreSQL writes while it validates), or
    // on PGlite validation done (rowsTotal is set just before the write transaction starts)
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error(`never reached the write phase:\n${first.log()}`);
      // PGlite has one connection: a request that times out is waiting for the write transaction
      const job = await http.req('GET', `/api/v1/imports/${jobId}`, undefined, {}, 500).catch(() => null);
      if (job === null && TEST_DB === 'pglite') break;
      if (job?.json?.status === 'succeeded') throw new Error('the import finished before it could be killed');
      if (job?.json?.rowsWritten > 0 || (TEST_DB === 'pglite' && job?.json?.rowsTotal > 0)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (TEST_DB === 'pglite') await new Promise((r) => setTimeout(r, 150));
    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));

    // what the database holds right after the crash: nothing written, the history still says 処理中
    const after = await reopen();
    const look = () =>
      after.asTenant(tenant.tenantId, async (tx) => ({
        employees: (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from employees`))[0]!.n,
        job: (
          await queryRows<{ status: string; rows_written: number }>(
            tx,
            sql`select status, rows_written from import_jobs where id = ${jobId}`,
          )
        )[0],
      }));
    expect(await look()).toEqual({ employees: 0, job: { status: 'processing', rows_written: 0 } });
    if (TEST_DB === 'pglite') await after.close();

    // the restarted server resumes the job: all rows, once
    // the restarted server resumes the job at once: on PGlite its requests wait for the write, so
    // they get the full timeout
    const port2 = await freePort();
    const second = startServer(env, port2);
    await second.ready;
    const http2 = new Http(`http://127.0.0.1:${port2}`);
    await http2.login('crash');
    let job: { status: string } | undefined;
    for (let i = 0; i < 600; i++) {
      job = (await http2.req('GET', `/api/v1/imports/${jobId}`).catch(() => null))?.json;
      if (job && job.status !== 'processing') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ status: 'succeeded', rowsWritten: ROWS, log: `${ROWS}件を登録しました` });
    const list = await http2.req('GET', '/api/v1/employees?pageSize=1');
    expect(list.json.total).toBe(ROWS);
    second.proc.kill('SIGTERM');
    await new Promise((r) => second.proc.once('exit', r));
  }, 180_000);
});
