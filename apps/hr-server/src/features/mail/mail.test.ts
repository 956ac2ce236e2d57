// 送信メール一覧 (decision 010): what the system administrator reads of HR's outbox, the worker that
// sends it to a real SMTP server in-process, 再送 of a failed mail, and no one else reading bodies.
import { defineTextMailTemplate } from '@jinji/mail/template';
import type { MailWorker } from '@jinji/mail/worker';
import { TEST_DB } from '@jinji/test-kit/database';
import type { TestSmtp } from '@jinji/test-kit/smtp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createMailTestApp,
  createTestTenant,
  createTestUser,
  type MailTestApp,
  STRONG_PASSWORD,
} from '../../../test/helpers';
import type { Database } from '../../db/client';
import { enqueueHrMails } from './mail.service';

const notice = defineTextMailTemplate<{ name: string }>('account-notice', (d) => ({
  subject: 'アカウントのお知らせ',
  text: `${d.name} 様\n\nログインID: MAILBODY7X`,
}));

let t: MailTestApp;
let db: Database;
let app: FastifyInstance;
let smtp: TestSmtp;
let tenantId: string;
let admin: Client;
let refuse = true;
let mail: MailWorker;

beforeAll(async () => {
  t = await createMailTestApp({}, () => (refuse ? 451 : null));
  ({ db, app, smtp, mail } = t);
  ({ tenantId } = await createTestTenant(db, 'mail-a'));
  await createTestUser(db, tenantId, 'hr', ['hr_admin']);
  admin = new Client(app);
  await admin.login('mail-a', 'admin', STRONG_PASSWORD);
}, 120_000);
afterAll(() => t?.close());

const waitForStatus = async (id: string, want: string) => {
  for (let i = 0; i < 200; i++) {
    const res = await admin.request('GET', `/api/v1/mails/${id}`);
    if (res.json().status === want) return res.json();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`mail never became ${want}`);
};

describe(`送信メール一覧 (${TEST_DB})`, () => {
  it('lists the tenant’s mails newest first, shows 送信失敗 with the code, and 再送 sends it', async () => {
    const [first, second] = await db.asTenant(tenantId, (tx) =>
      enqueueHrMails(tx, [
        { tenantId, to: 'a@example.jp', template: notice, data: { name: '一郎' } },
        { tenantId, to: 'b@example.jp', template: notice, data: { name: '二郎' } },
      ]),
    );
    await mail.wake();
    const failed = await waitForStatus(second!, 'failed');
    expect(failed).toMatchObject({
      attempts: 2,
      lastErrorCode: 'EMESSAGE:451',
      to: 'b@example.jp',
      isSmtpConfigured: true,
    });
    expect(failed.textBody).toBe('二郎 様\n\nログインID: MAILBODY7X');

    const page = (await admin.request('GET', '/api/v1/mails?page=1&pageSize=1')).json();
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1, isSmtpConfigured: true });
    expect(page.items).toHaveLength(1);
    // the list has no bodies
    expect(JSON.stringify(page)).not.toContain('MAILBODY7X');

    refuse = false;
    const retried = await admin.request('POST', `/api/v1/mails/${second}/retry`);
    expect(retried.statusCode).toBe(200);
    await waitForStatus(second!, 'sent');
    await smtp.waitForMails(1);
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['b@example.jp']);
    expect((await admin.request('GET', `/api/v1/mails/${first}`)).json().status).toBe('failed');
    // a mail that went out cannot be sent again
    const again = await admin.request('POST', `/api/v1/mails/${second}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('送信失敗のメールだけ再送できます');

    const audit = await db.executeSql(
      `select action, target_type, "before", "after" from audit_logs where target_id = '${second}'`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'update',
        target_type: 'mail',
        before: { mailStatus: 'failed', attempts: 2 },
        after: { mailStatus: 'pending', attempts: 0 },
      },
    ]);
  });

  it('sends a test mail to the administrator’s own address, audited', async () => {
    const before = smtp.mails.length;
    const res = await admin.request('POST', '/api/v1/mails/test');
    expect(res.statusCode).toBe(201);
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
    expect(mail!.to).toEqual(['admin@mail-a.example.jp']);
    expect(mail!.parsed.subject).toBe('【jinji】テストメール（テスト株式会社 mail-a）');
    expect(mail!.parsed.text).toContain('このメールが届いていれば、メールの送信設定は正しく動作しています。');
    expect((await waitForStatus(res.json().id, 'sent')).template).toBe('smtp-test');
    const audit = await db.executeSql(`select action from audit_logs where target_id = '${res.json().id}'`);
    expect(audit.rows).toEqual([{ action: 'create' }]);
  });

  it('shows bodies to the system administrator only', async () => {
    const [id] = await db.asTenant(tenantId, (tx) =>
      enqueueHrMails(tx, [{ tenantId, to: 'c@example.jp', template: notice, data: { name: '三郎' } }]),
    );
    const hr = new Client(app);
    await hr.login('mail-a', 'hr', STRONG_PASSWORD);
    expect((await hr.request('GET', `/api/v1/mails/${id}`)).statusCode).toBe(403);
    expect((await hr.request('GET', '/api/v1/mails')).statusCode).toBe(403);
    // another tenant's administrator
    await createTestTenant(db, 'mail-b');
    const other = new Client(app);
    await other.login('mail-b', 'admin', STRONG_PASSWORD);
    expect((await other.request('GET', `/api/v1/mails/${id}`)).statusCode).toBe(404);
    expect((await other.request('GET', '/api/v1/mails')).json().total).toBe(0);
  });
});
