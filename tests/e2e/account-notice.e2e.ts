// アカウント通知 (R-AUTH-3) as people do it: 人事 registers an employee with the startup flag and system
// use, selects the whole search result on 従業員一覧 and sends the notice; the test's real SMTP server
// catches the mail; the employee follows its link, is refused a common password, sets one, logs in,
// goes through 従業員スタートアップ (the page closed halfway and the wizard resumed), and edits an
// emergency contact on マイページ. Then パスワードを忘れた方 through a second mail. Also the
// password-set page at 375 px, and a used link refused.
import { freePort, journeyDatabases, type TestServer } from '@jinji/test-kit/e2e-server';
import { startTestSmtp, type TestSmtp } from '@jinji/test-kit/smtp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { addRoleMember, openRolePage } from './support/roles';
import { logInAs, logInAsAdmin, logOut } from './support/session';

const smtpPort = await freePort();
const HR = { loginId: 'hanako', password: 'Hr-Editor-2026!', name: '人事 花子', email: 'hanako@acme.example.jp' };
const SATO = { loginId: 'sato', email: 'sato@acme.example.jp', password: 'Ginkgo-Misaki-2026!' };

describe.skipIf(!hasChromium).each(journeyDatabases())(
  'アカウント通知 → パスワード設定 → 従業員スタートアップ → マイページ (%s)',
  (database) => {
    let server: TestServer;
    let page: Page;
    let browser: Browser;
    let smtp: TestSmtp;
    let noticeLink = '';

    beforeAll(async () => {
      smtp = await startTestSmtp({ port: smtpPort });
    });
    afterAll(() => smtp?.close());
    useJourney(
      {
        prepare: prepareTenant(HR),
        env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'jinji <no-reply@acme.example.jp>' },
        page: { viewport: { width: 1280, height: 900 } },
        failedShotPrefix: 'account-notice',
        database,
      },
      (j) => {
        server = j.server;
        page = j.page;
        browser = j.browser;
      },
    );

    const main = () => page.getByRole('main');
    const dialog = () => page.getByRole('dialog');
    const linkOf = (text: string | undefined) => {
      const m = text?.match(/http:\/\/127\.0\.0\.1:\d+\/password\/set\/\S+/);
      if (!m) throw new Error(`no link in the mail: ${text}`);
      return m[0];
    };
    const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
    async function waitForMailTo(address: string, count: number) {
      for (let i = 0; i < 300 && mailsTo(address).length < count; i++) await new Promise((r) => setTimeout(r, 100));
      const mails = mailsTo(address);
      if (mails.length < count) throw new Error(`${count} mails to ${address} expected, ${mails.length} arrived`);
      return mails[count - 1]!;
    }
    async function pick(label: string, option: string) {
      await main().getByRole('combobox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    }
    async function register(
      p: { number: string; last: string; first: string; kana: [string, string] },
      login?: boolean,
    ) {
      await page.goto(`${server.url}/admin/employees/new`);
      await main().getByLabel('本名(姓)').fill(p.last);
      await main().getByLabel('本名(名)').fill(p.first);
      await main().getByLabel('本名(かな)(せい)').fill(p.kana[0]);
      await main().getByLabel('本名(かな)(めい)').fill(p.kana[1]);
      await main().getByLabel('生年月日').fill('1994-07-07');
      await pick('性別', '女性');
      await main().getByLabel('入社日').fill('2026-04-01');
      await main().getByLabel('社員番号').fill(p.number);
      if (login) {
        await main().getByLabel('ログインID').fill(SATO.loginId);
        await main().getByLabel('メールアドレス').fill(SATO.email);
        await main().getByLabel('システム利用開始日').fill('2026-04-01');
        await main().getByLabel('従業員スタートアップ対象フラグ').check();
      }
      await main().getByRole('button', { name: '登録' }).click();
      await page.getByText('登録しました').first().waitFor();
      await page.waitForURL(/\/admin\/employees\/[0-9a-f-]{36}$/);
    }

    it('the setup admin makes 人事 花子 a 人事管理者', async () => {
      await logInAsAdmin(page, server.url);
      await openRolePage(page, server.url, 'hr_admin', '人事管理者');
      await addRoleMember(page, HR);
      await logOut(page);
    });

    it('人事 registers 佐藤 (スタートアップ対象, システム利用) and 田中 (no login)', async () => {
      await logInAs(page, HR.loginId, HR.password);
      await page.waitForURL('**/admin');
      await register({ number: 'E100', last: '佐藤', first: '美咲', kana: ['さとう', 'みさき'] }, true);
      await register({ number: 'E101', last: '田中', first: '一郎', kana: ['たなか', 'いちろう'] });
    });

    it('selects the whole search result on 従業員一覧 and sends アカウント通知; who has no account is reported', async () => {
      await page.goto(`${server.url}/admin/employees`);
      const table = main().getByRole('table', { name: '従業員一覧' });
      await table.getByText('佐藤 美咲').waitFor();
      await table.getByLabel('佐藤 美咲を選択').check();
      await main().getByText('1人を選択中').waitFor();
      await main().getByRole('button', { name: '検索結果すべてを選択（2人）' }).click();
      await main().getByText('検索結果すべて（2人）を選択中').waitFor();
      expect(await table.getByLabel('田中 一郎を選択').isChecked()).toBe(true);
      await shot(page, 'account-notice-01-selected');
      await main().getByRole('button', { name: 'アカウント通知' }).click();
      await dialog().getByText('選択した2人に').waitFor();
      await shot(page, 'account-notice-02-confirm');
      await dialog().getByRole('button', { name: '送信する' }).click();
      await dialog().getByText('1人にメールを送信しました。').waitFor();
      await dialog().getByText('ログインアカウントがないため送信しなかった従業員：1人').waitFor();
      await dialog().getByText('社員番号：E101').waitFor();
      await shot(page, 'account-notice-03-report');
      await dialog().getByRole('button', { name: '閉じる' }).click();

      // アカウント通知日 in the list (today, 2026/12/01 style) and only for 佐藤
      const sato = table.getByRole('row', { name: /佐藤 美咲/ });
      await sato
        .getByText(/^\d{4}\/\d{2}\/\d{2}$/)
        .first()
        .waitFor();
      const tanaka = table.getByRole('row', { name: /田中 一郎/ });
      expect(await tanaka.getByRole('cell', { name: '-', exact: true }).count()).toBeGreaterThan(0);
      await shot(page, 'account-notice-04-list-notified');

      const mail = await waitForMailTo(SATO.email, 1);
      expect(mail.parsed.subject).toBe(`【jinji】アカウントのお知らせ（${ADMIN.tenantName}）`);
      expect(mail.parsed.text).toContain(`企業コード：${ADMIN.tenantCode}`);
      expect(mail.parsed.text).toContain(`ログインID：${SATO.loginId}`);
      expect(mail.parsed.text).not.toContain('パスワード：');
      noticeLink = linkOf(mail.parsed.text);

      // スタートアップのリマインド to the 「スタートアップ未完了」 filter's result: 佐藤 only
      await page.goto(`${server.url}/admin/employees?startup=pending`);
      await table.getByText('佐藤 美咲').waitFor();
      expect(await table.getByText('田中 一郎').count()).toBe(0);
      await main().getByRole('button', { name: '検索結果すべてを選択（1人）' }).click();
      await main().getByRole('button', { name: 'スタートアップのリマインド' }).click();
      await dialog().getByRole('button', { name: '送信する' }).click();
      await dialog().getByText('1人にメールを送信しました。').waitFor();
      await dialog().getByRole('button', { name: '閉じる' }).click();
      const reminder = await waitForMailTo(SATO.email, 2);
      expect(reminder.parsed.subject).toBe(`【jinji】従業員スタートアップのお願い（${ADMIN.tenantName}）`);

      await table.getByRole('link', { name: '佐藤 美咲' }).click();
      await main().getByText('アカウント通知日').waitFor();
      await shot(page, 'account-notice-04b-detail');
      await logOut(page);
    });

    it('the employee opens the link: 企業コード and ログインID shown, a common password refused, a good one set (375 px too)', async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(noticeLink);
      await main().getByRole('heading', { name: 'パスワードの設定' }).waitFor();
      await main().getByRole('cell', { name: SATO.loginId }).waitFor();
      await main().getByRole('cell', { name: ADMIN.tenantCode }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(page, 'account-notice-05-set-375');
      await page.setViewportSize({ width: 1280, height: 900 });

      await main().getByLabel('新しいパスワード', { exact: true }).fill('Password123!');
      await main().getByLabel('新しいパスワード（確認）').fill('Password123!');
      await main().getByRole('button', { name: 'パスワードを設定する' }).click();
      await main().getByText('次の要件を満たしていません').waitFor();
      await shot(page, 'account-notice-06-common-refused');

      await main().getByLabel('新しいパスワード', { exact: true }).fill(SATO.password);
      await main().getByLabel('新しいパスワード（確認）').fill(SATO.password);
      await main().getByRole('button', { name: 'パスワードを設定する' }).click();
      await main().getByText('パスワードを設定しました。').waitFor();
      await shot(page, 'account-notice-07-set-done');

      // the same link again: refused in Japanese, nothing to type
      await page.goto(noticeLink);
      await main().getByText('このリンクは既に使用されています').waitFor();
      expect(await main().getByLabel('新しいパスワード', { exact: true }).count()).toBe(0);
      await shot(page, 'account-notice-08-used-link');
    });

    it('logs in and is led into 従業員スタートアップ; the page is closed after 緊急連絡先 and the wizard resumes', async () => {
      await page.goto(`${server.url}/login`);
      await logInAs(page, SATO.loginId, SATO.password);
      await page.waitForURL('**/my/startup');
      await main().getByRole('heading', { name: '事前準備リスト' }).waitFor();
      await main().getByRole('button', { name: '次へ' }).click();
      await main().getByRole('button', { name: '入力を開始する' }).click();
      await main().getByText('佐藤 美咲').waitFor();
      await main().getByLabel('郵便番号').fill('530-0001');
      await pick('都道府県', '大阪府');
      await main().getByLabel('市区町村').fill('大阪市北区');
      await main().getByLabel('番地').fill('梅田1-1');
      await main().getByLabel('携帯電話番号').fill('080-3333-4444');
      await main().getByRole('button', { name: '次へ' }).click();
      const contacts = main().getByRole('region', { name: '緊急連絡先' });
      await contacts.getByRole('button', { name: '緊急連絡先を追加' }).click();
      await contacts.getByLabel('氏名').fill('佐藤 健');
      await contacts.getByLabel('続柄').fill('父');
      await contacts.getByLabel('電話番号').fill('06-1111-2222');
      await contacts.getByRole('button', { name: '次へ' }).click();
      await main().getByRole('region', { name: '学歴・職歴・資格免許' }).waitFor();

      // the page is closed; the session stays in the browser, and the wizard opens where it stopped
      const state = await page.context().storageState();
      await page.close();
      page = await (
        await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: state })
      ).newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(server.url);
      await page.waitForURL('**/my/startup');
      await main().getByText('5 / 6').waitFor();
      await shot(page, 'account-notice-09-resumed');

      await main().getByRole('region', { name: '学歴・職歴・資格免許' }).getByRole('button', { name: '次へ' }).click();
      await main().getByRole('button', { name: 'この内容で登録する' }).waitFor();
      await main().getByText('佐藤 健').waitFor();
      await main().getByRole('button', { name: 'この内容で登録する' }).click();
      await page.waitForURL('**/my');
      await main().getByText('大阪府 大阪市北区 梅田1-1').waitFor();
    });

    it('edits the emergency contact on マイページ', async () => {
      const contacts = main().getByRole('region', { name: '緊急連絡先' });
      await contacts.getByRole('button', { name: '緊急連絡先を編集' }).click();
      await contacts.getByLabel('電話番号').fill('06-9999-0000');
      await contacts.getByRole('button', { name: '更新' }).click();
      await contacts.getByRole('cell', { name: '06-9999-0000' }).waitFor();
      await page.reload();
      await main().getByRole('region', { name: '緊急連絡先' }).getByRole('cell', { name: '06-9999-0000' }).waitFor();
      await shot(page, 'account-notice-10-my-page');
      await logOut(page);
    });

    it('パスワードを忘れた方: the same answer for an unknown ID; the real one gets a mail whose link resets the password', async () => {
      await page.getByRole('heading', { name: 'ログイン' }).waitFor();
      await shot(page, 'account-notice-11-login-forgot-link');
      await page.getByRole('link', { name: 'パスワードを忘れた方' }).click();
      await page.getByRole('heading', { name: 'パスワードを忘れた方' }).waitFor();
      await main().getByLabel('企業コード').fill(ADMIN.tenantCode);
      await main().getByLabel('ログインIDまたはメールアドレス').fill('nobody-here');
      await shot(page, 'account-notice-12-forgot-form');
      await main().getByRole('button', { name: '再設定用のメールを送信' }).click();
      const answer = main().getByRole('status');
      await answer.waitFor();
      const unknownText = await answer.textContent();
      await shot(page, 'account-notice-13-forgot-answer');

      await page.reload();
      await main().getByLabel('企業コード').fill(ADMIN.tenantCode);
      await main().getByLabel('ログインIDまたはメールアドレス').fill(SATO.email);
      await main().getByRole('button', { name: '再設定用のメールを送信' }).click();
      await main().getByRole('status').waitFor();
      expect(await main().getByRole('status').textContent()).toBe(unknownText);

      const mail = await waitForMailTo(SATO.email, 3);
      expect(mail.parsed.subject).toBe(`【jinji】パスワード再設定のご案内（${ADMIN.tenantName}）`);
      await page.goto(linkOf(mail.parsed.text));
      await main().getByRole('heading', { name: 'パスワードの再設定' }).waitFor();
      await main().getByLabel('新しいパスワード', { exact: true }).fill('Sakura-Reset-2026!');
      await main().getByLabel('新しいパスワード（確認）').fill('Sakura-Reset-2026!');
      await main().getByRole('button', { name: 'パスワードを設定する' }).click();
      await main().getByText('パスワードを設定しました。').waitFor();
      await page.getByRole('link', { name: 'ログイン画面へ' }).click();
      await page.waitForURL('**/login?tenantCode=acme');
      // 企業コード is filled from the link
      expect(await page.getByLabel('企業コード').inputValue()).toBe(ADMIN.tenantCode);
      await page.goto(`${server.url}/login`);
      await logInAs(page, SATO.loginId, 'Sakura-Reset-2026!');
      await page.waitForURL('**/my');
      await shot(page, 'account-notice-14-after-reset');
    });
  },
);
