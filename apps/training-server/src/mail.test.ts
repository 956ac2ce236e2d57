// Training's outbox and mail worker (decision 010): the kit's table in schema training, written as the
// request role under RLS, sent by the worker the served app starts (trainingApp.served, as server.ts and
// npm start run it), read back from a real SMTP server.
// Training has no mail-sending feature yet (its login-info mails come with its users, issue #12): the
// template here is the test's.

import { enqueueMail, findMail } from '@jinji/mail/outbox';
import { defineTextMailTemplate } from '@jinji/mail/template';
import { TEST_DB } from '@jinji/test-kit/database';
import { startTestSmtp } from '@jinji/test-kit/smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, trainingTestApp } from '../test/helpers';
import { trainingApp } from './app';
import { loadTrainingConfig } from './config';
import { mailOutbox } from './db/schema/index';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
beforeAll(async () => {
  t = await trainingTestApp();
});
afterAll(() => t?.close());

const loginInfo = defineTextMailTemplate<{ name: string }>('login-info', (d) => ({
  subject: '【研修申込システム】ログイン情報のお知らせ',
  text: `${d.name} 様\n\n研修申込システムのアカウントを作成しました。`,
}));

describe(`training mail outbox (${TEST_DB})`, () => {
  it('keeps a mail to its organisation and sends it through the worker', async () => {
    const org = await createOrganisation(t.db);
    const other = await createOrganisation(t.db);
    const id = await t.db.asTenant(org.id, (tx) =>
      enqueueMail(tx, mailOutbox, {
        tenantId: org.id,
        to: 'hanako@example.jp',
        template: loginInfo,
        data: { name: '佐藤 花子' },
      }),
    );
    // RLS: the other organisation's transaction does not see it
    expect(await t.db.asTenant(other.id, (tx) => findMail(tx, mailOutbox, { tenantId: org.id, id }))).toBeNull();

    const smtp = await startTestSmtp();
    const config = loadTrainingConfig({ ...process.env, SMTP_URL: smtp.url, MAIL_FROM: 'training@example.jp' });
    const served = await trainingApp.served(config, t.db).start(() => {});
    try {
      const [mail] = await smtp.waitForMails(1);
      expect(mail!.parsed.subject).toBe('【研修申込システム】ログイン情報のお知らせ');
      expect(mail!.parsed.text).toContain('佐藤 花子 様');
      for (let i = 0; i < 50; i++) {
        const row = await t.db.asTenant(org.id, (tx) => findMail(tx, mailOutbox, { tenantId: org.id, id }));
        if (row?.status === 'sent') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await t.db.asTenant(org.id, (tx) => findMail(tx, mailOutbox, { tenantId: org.id, id }))).toMatchObject({
        status: 'sent',
        attempts: 1,
      });
    } finally {
      await served.stop();
      await served.app.close();
      await smtp.close();
    }
  });
});
