// 送信メール一覧 (decision 010): the system administrator sends a test mail, the real SMTP server of the
// test catches it, the list shows 送信済み, and the dialog shows the plain-text body as sent. A second
// journey runs without SMTP: the mail stays readable as 未送信.
import { freePort, type TestServer } from '@jinji/test-kit/e2e-server';
import { startTestSmtp, type TestSmtp } from '@jinji/test-kit/smtp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { logInAsAdmin } from './support/session';

const smtpPort = await freePort();

async function openMailLog(page: Page, baseUrl: string) {
  await logInAsAdmin(page, baseUrl);
  const nav = page.getByRole('navigation', { name: 'メインメニュー' });
  await nav.getByRole('button', { name: 'システム管理' }).click();
  const link = nav.getByRole('link', { name: '送信メール一覧' });
  await link.waitFor();
  // the group opens with an animation that moves its links: a click during it can land on the
  // neighbour, so click again until the page is there
  const heading = page.getByRole('heading', { name: '送信メール一覧' });
  for (let i = 0; i < 3 && !(await heading.isVisible()); i++) {
    await link.click();
    await heading.waitFor({ timeout: 5_000 }).catch(() => {});
  }
  await heading.waitFor();
}

describe.skipIf(!hasChromium)('送信メール一覧: a test mail through a real SMTP server', () => {
  let server: TestServer;
  let page: Page;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp({ port: smtpPort });
  });
  afterAll(() => smtp?.close());
  useJourney(
    {
      prepare: prepareTenant(),
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'jinji <no-reply@acme.example.jp>' },
      page: { viewport: { width: 1280, height: 900 } },
      failedShotPrefix: 'mail-log',
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  it('sends a test mail that arrives and reads 送信済み with its body', async () => {
    await openMailLog(page, server.url);
    await page.getByText('送信メールはありません').waitFor();
    await page.getByRole('button', { name: 'テストメールを送信' }).click();
    const [mail] = await smtp.waitForMails(1);
    expect(mail!.to).toEqual([ADMIN.email]);
    expect(mail!.parsed.subject).toBe(`【jinji】テストメール（${ADMIN.tenantName}）`);

    const table = page.getByRole('table', { name: '送信メール一覧' });
    await table.getByRole('cell', { name: ADMIN.email }).waitFor();
    // the list follows the worker by itself while a mail is 送信待ち
    await table.getByText('送信済み').waitFor();
    await page.getByText('ログイン中のアカウントのメールアドレスへテストメールを送信します').waitFor();
    await shot(page, 'mail-log-01-list');

    await table.getByRole('button', { name: `【jinji】テストメール（${ADMIN.tenantName}）` }).click();
    const dialog = page.getByRole('dialog', { name: '本文（テキスト）' });
    await dialog.getByText('このメールが届いていれば、メールの送信設定は正しく動作しています。').waitFor();
    expect(await dialog.getByRole('button', { name: '再送' }).count()).toBe(0);
    await shot(page, 'mail-log-02-body');
  });
});

describe.skipIf(!hasChromium)('送信メール一覧 without SMTP: mails stay 未送信 and readable', () => {
  let server: TestServer;
  let page: Page;
  useJourney(
    { prepare: prepareTenant(), page: { viewport: { width: 1280, height: 900 } }, failedShotPrefix: 'mail-log-nosmtp' },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  it('keeps the mail as 未送信 and says why', async () => {
    await openMailLog(page, server.url);
    await page.getByText('SMTPサーバーが設定されていないため').waitFor();
    await page.getByRole('button', { name: 'テストメールを送信' }).click();
    const table = page.getByRole('table', { name: '送信メール一覧' });
    await table.getByText('未送信').waitFor();
    await page.getByText('SMTPサーバーが未設定のため送信されず').waitFor();
    await page.getByRole('button', { name: 'テストメールを送信' }).and(page.locator(':enabled')).waitFor();
    await shot(page, 'mail-log-03-unsent');
  });
});
