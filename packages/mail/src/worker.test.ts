// The outbox and its worker against a real SMTP server in-process: what arrives is read back raw and
// parsed. The table is the package's own factory in a schema named for no app.
import { bindDatabase } from '@jinji/db/client';
import { createBoss } from '@jinji/jobs/boss';
import { createTestEngine, TEST_DB, type TestEngine } from '@jinji/test-kit/database';
import { startTestSmtp, type TestSmtp } from '@jinji/test-kit/smtp';
import { eq } from 'drizzle-orm';
import { pgSchema, uuid } from 'drizzle-orm/pg-core';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail, findMail, mailOutboxTable, retryFailedMail } from './outbox';
import { defineTextMailTemplate } from './template';
import { type MailWorker, type MailWorkerOptions, startMailWorker } from './worker';

const kit = pgSchema('mailkit');
const tenants = kit.table('tenants', { id: uuid('id').primaryKey() });
const outbox = mailOutboxTable({ schema: kit, tenantColumn: 'tenant_id', tenantReferences: () => tenants.id });

const DDL = `
CREATE SCHEMA mailkit;
CREATE TABLE mailkit.tenants (id uuid PRIMARY KEY);
CREATE TABLE mailkit.mail_outbox (
  tenant_id uuid NOT NULL REFERENCES mailkit.tenants(id), id uuid NOT NULL DEFAULT gen_random_uuid(),
  template text NOT NULL, to_address text NOT NULL, subject text NOT NULL, text_body text NOT NULL, html_body text,
  status text NOT NULL DEFAULT 'pending', attempts integer NOT NULL DEFAULT 0, last_error_code text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(), claimed_at timestamptz, sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, id));
INSERT INTO mailkit.tenants VALUES ('00000000-0000-4000-8000-000000000001');`;
const TENANT = '00000000-0000-4000-8000-000000000001';

const notice = defineTextMailTemplate<{ name: string; url: string }>('notice', (d) => ({
  subject: `【jinji】アカウントのお知らせ（${d.name} 様）`,
  text: `${d.name} 様\n\n次のリンクからパスワードを設定してください。\n${d.url}\n\n― jinji`,
}));

let engine: TestEngine;
let owner: ReturnType<typeof bindDatabase<{ outbox: typeof outbox }>>['owner'];
let boss: PgBoss;
let smtp: TestSmtp | undefined;
const logged: object[] = [];
const log = { info: (o: object) => logged.push(o), warn: (o: object) => logged.push(o) };

beforeAll(async () => {
  engine = await createTestEngine({ name: 'mailkit', build: async () => {}, apps: [] });
  await engine.executeSql(DDL);
  const spec = {
    tables: { outbox },
    schema: 'mailkit',
    tenantColumn: 'tenant_id',
    appRole: 'mailkit_app',
    requestLogin: { rolePrefix: 'mk_', table: 'x' },
  };
  owner = bindDatabase(engine, spec).owner;
  boss = createBoss(engine, { schema: 'pgboss_mailkit' });
  boss.on('error', () => {});
  await boss.start();
});
afterEach(async () => {
  await boss.offWork('mail-dispatch').catch(() => {});
  for (const w of started.splice(0)) w.close();
  await smtp?.close();
  smtp = undefined;
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await engine?.close();
});

const started: { close(): void }[] = [];
const startWorker = (tuning: Pick<MailWorkerOptions, 'backoffSeconds' | 'maxAttempts'>) =>
  track(
    startMailWorker({
      boss,
      owner,
      table: outbox,
      smtpUrl: smtp!.url,
      from: 'jinji <no-reply@example.jp>',
      log,
      ...tuning,
    }),
  );
const track = async (worker: Promise<MailWorker>) => {
  started.push(await worker);
  return worker;
};
const status = async (id: string) => (await findMail(owner, outbox, { tenantId: TENANT, id }))!;
const waitForStatus = async (id: string, want: string, ms = 20_000) => {
  const end = Date.now() + ms;
  for (;;) {
    const row = await status(id);
    if (row.status === want) return row;
    if (Date.now() > end) throw new Error(`mail ${id} is ${row.status}, wanted ${want}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const enqueue = (to: string) =>
  owner.transaction((tx) =>
    enqueueMail(tx, outbox, {
      tenantId: TENANT,
      to,
      template: notice,
      data: { name: '山田 太郎', url: 'https://hr.example.jp/set-password#t=abc' },
    }),
  );

describe(`mail outbox and worker (${TEST_DB})`, () => {
  it('writes nothing when the business transaction rolls back', async () => {
    await expect(
      owner.transaction(async (tx) => {
        await enqueueMail(tx, outbox, {
          tenantId: TENANT,
          to: 'rollback@example.jp',
          template: notice,
          data: { name: 'x', url: 'u' },
        });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await owner.select().from(outbox).where(eq(outbox.toAddress, 'rollback@example.jp'))).toEqual([]);
  });

  it('sends a committed mail with a Japanese subject encoded for the header, a text and an HTML part', async () => {
    smtp = await startTestSmtp();
    const id = await enqueue('taro@example.jp');
    expect((await status(id)).status).toBe('pending');
    const worker = await startWorker({});
    await worker.wake();
    const [mail] = await smtp.waitForMails(1);
    // the header itself is 7-bit: RFC 2047 encoded-words in UTF-8
    const subjectLine = mail!.raw.split(/\r?\n(?![ \t])/).find((l) => /^subject:/i.test(l))!;
    expect(subjectLine).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect([...subjectLine].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    expect(mail!.parsed.subject).toBe('【jinji】アカウントのお知らせ（山田 太郎 様）');
    expect(mail!.parsed.text).toContain('山田 太郎 様\n\n次のリンクからパスワードを設定してください。');
    expect(mail!.parsed.html).toContain('<a href="https://hr.example.jp/set-password#t=abc">');
    expect(mail!.to).toEqual(['taro@example.jp']);
    const row = await waitForStatus(id, 'sent');
    expect(row).toMatchObject({ attempts: 1, lastErrorCode: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('retries with backoff when the server refuses at first, and sends once it accepts', async () => {
    smtp = await startTestSmtp({ refuse: (n) => (n <= 2 ? 451 : null) });
    const id = await enqueue('retry@example.jp');
    const started = Date.now();
    await startWorker({ backoffSeconds: 0.5 });
    const row = await waitForStatus(id, 'sent');
    expect(row.attempts).toBe(3);
    expect(smtp.refused).toBe(2);
    expect(smtp.mails).toHaveLength(1);
    // 0.5 s, then 1 s: the backoff waited between the attempts
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });

  it('ends 送信失敗 after the last attempt with the SMTP code, and 再送 sends it again', async () => {
    let accepting = false;
    smtp = await startTestSmtp({ refuse: () => (accepting ? null : 451) });
    const id = await enqueue('fail@example.jp');
    const worker = await startWorker({ backoffSeconds: 0.2, maxAttempts: 3 });
    const failed = await waitForStatus(id, 'failed');
    expect(failed).toMatchObject({ attempts: 3, lastErrorCode: 'EMESSAGE:451' });
    expect(smtp.mails).toHaveLength(0);

    accepting = true;
    expect(await owner.transaction((tx) => retryFailedMail(tx, outbox, { tenantId: TENANT, id }))).toBe(true);
    await worker.wake();
    expect(await waitForStatus(id, 'sent')).toMatchObject({ attempts: 1 });
    // only a failed mail can be sent again
    expect(await owner.transaction((tx) => retryFailedMail(tx, outbox, { tenantId: TENANT, id }))).toBe(false);
  });

  it('gives up at once on a permanent refusal (5xx)', async () => {
    smtp = await startTestSmtp({ refuse: () => 550 });
    const id = await enqueue('nobody@example.jp');
    await startWorker({ backoffSeconds: 0.2 });
    expect(await waitForStatus(id, 'failed')).toMatchObject({ attempts: 1, lastErrorCode: 'EMESSAGE:550' });
  });

  it('logs ids and codes, never an address, a subject or a body', () => {
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged);
    for (const personal of ['example.jp', '山田', 'パスワード', 'set-password']) expect(text).not.toContain(personal);
  });
});
