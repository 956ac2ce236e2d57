// 届出 (R-REQ-1) as the people who use it: HR sets the 所属長 on 届出種類設定; an employee files a 住所変更
// with a future 適用日 from マイページ (an 適用日 before 入社日 refused first); the 上長 approves from My
// STORY, then 人事 from the admin console (承認済み・適用待ち, the master unchanged); the daily job runs for
// the 適用日 (the CLI, between two runs of the server: no sleeping for days) and the master shows the new
// address. Then the employee's 届出 pages at 375 px. The accounts come from the CLI, the 所属 from the API.

import { journeyDatabases, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountCreateArgs, dayInJapan, type TAccount, tenantCreateArgs } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { apiJson, callApi, employeeIdByNumber, logInAs, logInAsAdmin, logOut } from './support/session';

const YAMADA: TAccount = {
  loginId: 'yamada',
  password: 'Hanako-Request-2026!',
  name: '山田 花子',
  email: 'yamada@acme.example.jp',
};
const SATO: TAccount = {
  loginId: 'sato',
  password: 'Ichiro-Boss-2026!',
  name: '佐藤 一郎',
  email: 'sato@acme.example.jp',
};
const JINJI: TAccount = {
  loginId: 'jinji',
  password: 'Tantou-Hr-2026!',
  name: '人事 太郎',
  email: 'jinji@acme.example.jp',
};

const EFFECTIVE = dayInJapan(30);
const slash = (iso: string) => iso.replaceAll('-', '/');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

describe.skipIf(!hasChromium).each(journeyDatabases())(
  '届出: 住所変更 from マイページ, 上長 then 人事, applied on the 適用日 (%s)',
  (database) => {
    let server: TestServer;
    let page: Page;

    useJourney(
      {
        prepare: (cli) => {
          cli(tenantCreateArgs());
          cli([...accountCreateArgs(YAMADA), '--employee-number', 'E001', '--kana', 'やまだ はなこ']);
          cli([...accountCreateArgs(SATO), '--employee-number', 'E002', '--kana', 'さとう いちろう']);
          cli(accountCreateArgs(JINJI));
        },
        page: { viewport: { width: 1280, height: 900 } },
        failedShotPrefix: 'requests',
        database,
      },
      (j) => {
        server = j.server;
        page = j.page;
      },
    );

    const main = () => page.getByRole('main');
    const api = <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) =>
      apiJson<T>(page, server.url, method, path, data);
    const employeeId = (number: string) => employeeIdByNumber(page, server.url, number);

    it('HR puts both employees in 営業部, makes 人事 太郎 a 人事管理者 and sets 営業部の所属長 on 届出種類設定', async () => {
      await logInAsAdmin(page, server.url);
      const company = (await api<{ id: string }>('POST', '/api/v1/masters/company', { code: 'C1', name: 'アクメ' })).id;
      const sales = (
        await api<{ id: string }>('POST', '/api/v1/masters/department', {
          code: 'D1',
          name: '営業部',
          companyId: company,
        })
      ).id;
      const { items } = await api<{ items: { userId: string }[] }>('GET', '/api/v1/access/accounts?q=jinji');
      await api('PUT', '/api/v1/access/roles/hr_admin/members', { add: [items[0]!.userId] });
      // 所属 is 人事's to edit (システム管理者 only reads the master)
      await logInAs(page, JINJI.loginId, JINJI.password);
      await page.waitForURL('**/admin');
      for (const number of ['E001', 'E002'])
        await api('POST', `/api/v1/employees/${await employeeId(number)}/assignments`, {
          startDate: dayInJapan(0),
          companyId: company,
          departmentId: sales,
        });

      await page.goto(`${server.url}/admin/requests/types`);
      await main().getByRole('heading', { name: '届出種類設定' }).waitFor();
      // the built-in types with their default route: 上長, then 人事管理者
      await main().getByText('承認ルート：上長（所属長） → 人事管理者').first().waitFor();
      expect(await main().getByText('組み込み').count()).toBe(3);
      await main().getByLabel('営業部 所属長の社員番号').fill('E002');
      await main()
        .getByRole('row', { name: /営業部/ })
        .getByRole('button', { name: '保存する' })
        .click();
      await main()
        .getByRole('row', { name: /営業部/ })
        .getByText('佐藤 一郎')
        .waitFor();
      await shot(page, 'requests-01-types-and-heads');

      // an admin-defined type: its own fields, a route of 上長 then the approve-only 届出承認者
      await main().getByRole('button', { name: '届出種類を追加' }).click();
      await main().getByLabel('届出名').fill('資格取得届');
      await main().getByRole('button', { name: '項目を追加' }).click();
      await main().getByLabel('項目名').fill('資格名');
      await main().getByRole('button', { name: '段階を追加' }).click();
      await main().getByRole('combobox', { name: '第2段階' }).click();
      await page.getByRole('option', { name: '届出承認者' }).click();
      await shot(page, 'requests-01b-new-type-form');
      await main().getByRole('button', { name: '保存する' }).first().click();
      await main().getByText('承認ルート：上長（所属長） → 届出承認者').waitFor();
      await main().getByText('入力項目：資格名（テキスト）').waitFor();
      expect(await main().getByText('独自').count()).toBe(1);
      await logOut(page);
    });

    it('the employee files a 住所変更 from マイページ; an 適用日 before 入社日 is refused first', async () => {
      await logInAs(page, YAMADA.loginId, YAMADA.password);
      await page.waitForURL('**/my');
      await main().getByText('住所、氏名、生年月日の変更は、マイページからは行うことができません。').waitFor();
      await main().getByRole('link', { name: '届出をする' }).click();
      await page.waitForURL('**/my/requests/new');
      await main().getByRole('combobox', { name: '届出の種類' }).click();
      await page.getByRole('option', { name: '住所変更' }).click();
      await main().getByLabel('適用日').fill(dayInJapan(-400));
      await main().getByLabel('郵便番号').fill('220-0012');
      await main().getByLabel('都道府県').fill('神奈川県');
      await main().getByLabel('市区町村').fill('横浜市西区');
      await main().getByLabel('番地').fill('みなとみらい2-2-1');
      await main().getByLabel('建物').fill('ランドマーク101');
      await main().getByLabel('通勤経路').fill('桜木町駅からJR京浜東北線で東京駅まで');
      const chooser = page.waitForEvent('filechooser');
      await main().getByRole('button', { name: '添付ファイル' }).click();
      await (await chooser).setFiles({ name: '住民票.pdf', mimeType: 'application/pdf', buffer: PDF });
      await main().getByText('住民票.pdf').waitFor();
      await main().getByRole('button', { name: '届け出る' }).click();
      await main()
        .getByText(`適用日は入社日（${slash(dayInJapan(0))}）以降の日付を入力してください`)
        .waitFor();
      await shot(page, 'requests-02-effective-date-refused');
      expect(await callApi(page, server.url, 'GET', '/api/v1/me/requests').then((r) => r.json())).toMatchObject({
        total: 0,
      });

      await main().getByLabel('適用日').fill(EFFECTIVE);
      await main().getByRole('button', { name: '届け出る' }).click();
      await page.waitForURL(/\/my\/requests\/[0-9a-f-]{36}$/);
      await main().getByText('承認待ち', { exact: true }).first().waitFor();
      await main()
        .getByRole('row', { name: /都道府県/ })
        .getByText('神奈川県')
        .waitFor();
      await main()
        .getByRole('link', { name: /住民票\.pdf/ })
        .waitFor();
      await main()
        .getByText(`適用日：${slash(EFFECTIVE)}`)
        .waitFor();
      await shot(page, 'requests-03-filed');
    });

    it('the 上長 sees the notice in My STORY and approves step 1 with a comment', async () => {
      await logInAs(page, SATO.loginId, SATO.password);
      await page.waitForURL('**/my');
      await page.getByText('承認待ちの届出が 1 件あります').waitFor();
      await shot(page, 'requests-04-boss-notice');
      await page.getByRole('link', { name: '届出一覧へ' }).click();
      await page.waitForURL('**/my/approvals?waiting=true');
      await main().getByRole('link', { name: '住所変更' }).click();
      await main()
        .getByRole('row', { name: /市区町村/ })
        .getByText('横浜市西区')
        .waitFor();
      await main().getByLabel('コメント').fill('確認しました。');
      await main().getByRole('button', { name: '承認する' }).click();
      await main()
        .getByText(/承認（佐藤 一郎・/)
        .waitFor();
      expect(await main().getByRole('button', { name: '承認する' }).count()).toBe(0);
      await shot(page, 'requests-05-boss-approved');
    });

    it('人事 approves last from the admin console: 承認済み・適用待ち, the master still has the old address', async () => {
      await logInAs(page, JINJI.loginId, JINJI.password);
      await page.waitForURL('**/admin');
      await page.getByText('承認待ちの届出が 1 件あります').waitFor();
      await page.getByRole('link', { name: '届出一覧へ' }).click();
      await page.waitForURL('**/admin/requests?waiting=true');
      await main()
        .getByRole('row', { name: /山田 花子/ })
        .getByText('2 / 2')
        .waitFor();
      await shot(page, 'requests-06-hr-list');
      await main().getByRole('link', { name: '住所変更' }).click();
      await main().getByText('コメント：確認しました。').waitFor();
      await main().getByRole('button', { name: '承認する' }).click();
      await main().getByText('承認済み・適用待ち').first().waitFor();
      await main()
        .getByText(`適用日（${slash(EFFECTIVE)}）に従業員情報へ反映されます。`)
        .waitFor();
      await shot(page, 'requests-07-hr-approved');
      const e = await api<{ basic: { prefecture: string | null } }>(
        'GET',
        `/api/v1/employees/${await employeeId('E001')}`,
      );
      expect(e.basic.prefecture).toBeNull();
      await logOut(page);
    });

    it('on the 適用日 the daily job applies it: the master shows the new address, the employee is told', async () => {
      // the day comes: the server stops, the job runs for that date from the CLI, the server starts again
      await server.restart((cli) => cli(['requests:apply', '--date', EFFECTIVE]));
      await logInAs(page, JINJI.loginId, JINJI.password);
      await page.waitForURL('**/admin');
      await page.goto(`${server.url}/admin/employees/${await employeeId('E001')}`);
      await main().getByText('神奈川県 横浜市西区 みなとみらい2-2-1 ランドマーク101').waitFor();
      await main().getByText('〒220-0012').waitFor();
      await shot(page, 'requests-08-master-updated');
      await logOut(page);

      await logInAs(page, YAMADA.loginId, YAMADA.password);
      await page.waitForURL('**/my');
      await page.getByText(/届出のお知らせが \d+ 件あります/).waitFor();
      await page.getByRole('link', { name: '確認する' }).click();
      await page.waitForURL('**/my/requests');
      await main().getByText('従業員情報に反映されました').waitFor();
      await main().getByText('承認済み・適用済み').waitFor();
      await shot(page, 'requests-09-employee-notices');
      await main().getByRole('button', { name: 'すべて既読にする' }).click();
      await page.getByText(/届出のお知らせが/).waitFor({ state: 'detached' });
    });

    it("the employee's 届出 pages fit a 375 px screen", async () => {
      await page.setViewportSize({ width: 375, height: 812 });
      const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
      await page.goto(`${server.url}/my/requests`);
      await main().getByText('承認済み・適用済み').waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(375);
      await shot(page, 'requests-10-mobile-list');
      await main().getByRole('table').getByRole('link', { name: '住所変更' }).click();
      await main().getByText('通勤経路').waitFor();
      expect(await scrollWidth()).toBeLessThanOrEqual(375);
      await shot(page, 'requests-11-mobile-detail');
      await page.goto(`${server.url}/my/requests/new`);
      await main().getByRole('combobox', { name: '届出の種類' }).click();
      await page.getByRole('option', { name: '氏名変更' }).click();
      // the form starts from what the master holds
      expect(await main().getByLabel('本名(かな)(せい)').inputValue()).toBe('やまだ');
      expect(await scrollWidth()).toBeLessThanOrEqual(375);
      await shot(page, 'requests-12-mobile-new');
    });
  },
);
