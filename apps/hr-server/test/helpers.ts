// Test support over the kit (packages/test-kit): a database per test file cloned from HR's migrated
// template (PGlite dump or PostgreSQL template database, decision 008's request login per clone), the
// app on it, and a cookie client on HR's login route.
import { randomBytes } from 'node:crypto';
import type { MailWorker } from '@jinji/mail/worker';
import { appTestKit } from '@jinji/test-kit/app-test';
import { InjectClient } from '@jinji/test-kit/inject-client';
import { startTestSmtp, type TestSmtp } from '@jinji/test-kit/smtp';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { type Database, hrDatabase } from '../src/db/client';
import { createTenant } from '../src/features/tenants/tenants.service';
import { startJobs } from '../src/jobs/boss';
import { startHrMail } from '../src/jobs/mail';
import { registerWorkers } from '../src/jobs/workers';
import { hrTestTemplate } from './template';

const kit = appTestKit({
  template: hrTestTemplate,
  database: hrDatabase,
  loadConfig,
  build: buildApp,
});

export async function createTestDatabase(poolSize?: number): Promise<Database & { url?: string }> {
  return kit.database(poolSize);
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...kit.config(), ...overrides };
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

/** A browser-like client on HR's routes: keeps cookies, sends the CSRF token on mutating requests. */
export class Client extends InjectClient<[tenantCode: string, loginId: string, password: string]> {
  /** `remoteAddress`: the client's IP as the server sees it (login throttling counts per source). */
  constructor(app: FastifyInstance, opts: { remoteAddress?: string } = {}) {
    super(app, {
      loginBody: (tenantCode, loginId, password) => ({ tenantCode, loginId, password }),
      ...opts,
    });
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

export type MailTestApp = TestApp & { smtp: TestSmtp; mail: MailWorker };

/**
 * The app with its mail worker sending to a real SMTP server in the test process (decision 010), a
 * short backoff so that retries fit in a test. `refuse` as startTestSmtp takes it.
 */
export async function createMailTestApp(
  overrides: Partial<Config> = {},
  refuse?: (attempt: number) => number | null,
): Promise<MailTestApp> {
  const db = await createTestDatabase();
  const smtp = await startTestSmtp({ refuse });
  const config = testConfig({ ...overrides, mail: { smtpUrl: smtp.url, from: 'jinji <no-reply@example.jp>' } });
  const { boss } = await startJobs(db, () => {});
  const silent = { info: () => {}, warn: () => {}, error: () => {} };
  const mail = await startHrMail(boss, db, config, silent, { backoffSeconds: 0.2, maxAttempts: 2 });
  const app = await buildApp({ config, db, mail, logger: false });
  await app.ready();
  return {
    app,
    db,
    config,
    smtp,
    mail,
    close: async () => {
      await app.close();
      await boss.stop({ graceful: false, wait: true });
      mail.close();
      await smtp.close();
      await db.close();
    },
  };
}

/**
 * A 届出 of an admin-defined type (one attachment, routed to 人事管理者) filed by `employee`: the fixture
 * of the tests that walk every route with real ids. `manager` holds requests.manage.
 */
export async function fileSampleRequest(manager: Client, employee: Client) {
  const type = await manager.request('POST', '/api/v1/request-types', {
    name: '資格取得届',
    fields: [{ key: 'cert', label: '合格証', kind: 'attachment' }],
    route: [{ kind: 'role', role: 'hr_admin' }],
  });
  const res = await employee.request('POST', '/api/v1/me/requests', {
    typeId: type.json().id,
    effectiveDate: '2025-04-01',
    attachments: [
      {
        fieldKey: 'cert',
        fileName: '合格証.pdf',
        contentType: 'application/pdf',
        data: Buffer.from('%PDF-1.4 x').toString('base64'),
      },
    ],
  });
  if (res.statusCode !== 201) throw new Error(`the sample 届出 was refused: ${res.body}`);
  const filed = res.json() as { id: string; attachments: { id: string }[] };
  return { requestId: filed.id, attachmentId: filed.attachments[0]!.id };
}
