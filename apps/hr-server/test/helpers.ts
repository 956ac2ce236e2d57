// Test support: a fresh database per test file (PGlite in memory, or a new database on the
// PostgreSQL server of TEST_DATABASE_URL when TEST_DB=postgres), the app on it, and a cookie client.
// TEST_DATABASE_URL names the owner, who creates each database and its request role (CI: a
// non-superuser owner without BYPASSRLS, as on a managed server; docs/decisions/008).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { type Database, openPglite, openPostgres } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { createTenant } from '../src/features/tenants/tenants.service';
import { startJobs } from '../src/jobs/boss';
import { registerWorkers } from '../src/jobs/workers';

export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export async function createTestDatabase(poolSize?: number): Promise<Database & { url?: string }> {
  if (TEST_DB === 'pglite') {
    const db = await openPglite(undefined);
    await migrateDatabase(db);
    return db;
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `jinji_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), poolSize);
  await migrateDatabase(db);
  // the request login is a cluster-wide role: it goes with its database
  const role = ((await db.executeSql('select role_name from jinji_request_login')).rows[0] as { role_name: string })
    .role_name;
  return {
    ...db,
    url: url.toString(),
    close: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // a non-superuser owner may end only the sessions of roles it is a member of: a test that left a
      // request connection open would otherwise block the drop
      await c.query(`grant ${pg.escapeIdentifier(role)} to current_user`).catch(() => {});
      await c.query(`drop database if exists ${name} with (force)`);
      await c.query(`drop role if exists ${pg.escapeIdentifier(role)}`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JINJI_WEB_DIST: '/nonexistent' }), ...overrides };
}

export type TestApp = { app: FastifyInstance; db: Database; config: Config; close(): Promise<void> };

export async function createTestApp(
  overrides: Partial<Config> = {},
  opts: { logger?: Parameters<typeof buildApp>[0]['logger']; withJobs?: boolean } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(overrides);
  // the real pg-boss with the real workers, as server.ts starts them
  const jobs = opts.withJobs ? await startJobs(db, () => {}) : null;
  const queue = jobs ? await registerWorkers(jobs.boss, db) : undefined;
  const app = await buildApp({ config, db, jobs: queue, logger: opts.logger ?? false });
  await app.ready();
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await jobs?.boss.stop({ graceful: false, wait: true });
      await db.close();
    },
  };
}

export const STRONG_PASSWORD = 'Kinmokusei-2026!';

export async function createTestTenant(
  db: Database,
  code = `t${randomBytes(4).toString('hex')}`,
  admin = { loginId: 'admin', password: STRONG_PASSWORD },
) {
  const { tenantId, userId } = await createTenant(
    db,
    {
      tenantCode: code,
      tenantName: `テスト株式会社 ${code}`,
      adminLoginId: admin.loginId,
      adminPassword: admin.password,
      adminEmail: `${admin.loginId}@${code}.example.jp`,
    },
    { firstRun: false },
  );
  return { tenantId, userId, code, ...admin };
}

/** A browser-like client: keeps cookies, sends the CSRF token on mutating requests. */
export class Client {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  /** `remoteAddress`: the client's IP as the server sees it (login throttling counts per source). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly opts: { remoteAddress?: string } = {},
  ) {}

  private store(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() <= Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async token(): Promise<string> {
    const res = await this.request('GET', '/api/v1/auth/csrf');
    this.csrf = res.json().csrfToken;
    return this.csrf as string;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const isMutating = method !== 'GET';
    if (isMutating && this.csrf === null) await this.token();
    const res = await this.app.inject({
      method,
      url,
      ...(this.opts.remoteAddress ? { remoteAddress: this.opts.remoteAddress } : {}),
      headers: {
        ...(isMutating ? { 'x-csrf-token': this.csrf as string } : {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.store(res);
    return res;
  }

  async login(tenantCode: string, loginId: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.request('POST', '/api/v1/auth/login', { tenantCode, loginId, password });
    if (res.statusCode === 200) await this.token(); // rotated at login
    return res;
  }
}

/** An account with the given roles (none = 一般). Written directly: account management arrives later. */
export async function createTestUser(db: Database, tenantId: string, loginId: string, roles: string[] = []) {
  const { hashPassword } = await import('@jinji/auth/passwords');
  const { roleMembers, userAccounts } = await import('../src/db/schema/index');
  const passwordHash = await hashPassword(STRONG_PASSWORD);
  return db.asTenant(tenantId, async (tx) => {
    const [u] = await tx
      .insert(userAccounts)
      .values({ tenantId, loginId, displayName: loginId, passwordHash, passwordChangedAt: new Date() })
      .returning({ id: userAccounts.id });
    for (const role of roles) await tx.insert(roleMembers).values({ tenantId, role, userId: u!.id });
    return { userId: u!.id, loginId, password: STRONG_PASSWORD };
  });
}

/** Uploads a file to 一括登録・更新 as the browser does and waits for the job to end (test/app with jobs). */
export async function uploadImport(client: Client, bytes: Buffer, name: string, kind = 'employees_new') {
  const res = await client.request('POST', `/api/v1/imports?kind=${kind}`, bytes, {
    'content-type': name.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'text/csv',
    'x-file-name': encodeURIComponent(name),
  });
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  for (let i = 0; i < 300; i++) {
    const job = (await client.request('GET', `/api/v1/imports/${id}`)).json();
    if (job.status !== 'processing') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}
