// マイページ (R-SELF-2) and 従業員スタートアップ (R-SELF-1) as employees do them, at 1280 and 375 px:
// edit an emergency contact and a licence, see them after a reload, a 4th emergency contact refused;
// the startup wizard left after 緊急連絡先, resumed at the next login, finished, and seen by HR.
// The employees and their accounts come from the CLI (account:create --employee-number).

import { journeyDatabases, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountCreateArgs, type TAccount, tenantCreateArgs } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { callApi, logInAs, logInAsAdmin, logOut } from './support/session';

const YAMADA: TAccount = {
  loginId: 'yamada',
  password: 'Hanako-MyPage-2026!',
  name: '山田 花子',
  email: 'yamada@acme.example.jp',
};
const SUZUKI: TAccount = {
  loginId: 'suzuki',
  password: 'Ichiro-Startup-2026!',
  name: '鈴木 一郎',
  email: 'suzuki@acme.example.jp',
};

describe.skipIf(!hasChromium).each(journeyDatabases())('マイページ and 従業員スタートアップ (%s)', (database) => {
  let server: TestServer;
  let page: Page;

  useJourney(
    {
      prepare: (cli) => {
        cli(tenantCreateArgs());
        cli([...accountCreateArgs(YAMADA), '--employee-number', 'E001', '--kana', 'やまだ はなこ']);
        cli([...accountCreateArgs(SUZUKI), '--employee-number', 'E002', '--kana', 'すずき いちろう', '--startup']);
      },
      page: { viewport: { width: 1280, height: 900 } },
      failedShotPrefix: 'my-page',
      database,
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  const main = () => page.getByRole('main');
  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  async function api(method: 'POST', path: string, data: unknown) {
    const res = await callApi(page, server.url, method, path, data);
    if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  }

  it('HR sets up the 資格・免許 master', async () => {
    await logInAsAdmin(page, server.url);
    await api('POST', '/api/v1/masters/license', { code: 'L01', name: '普通自動車第一種運転免許' });
    await api('POST', '/api/v1/masters/license', { code: 'L02', name: '日商簿記2級' });
    await logOut(page);
  });

  it("an employee sees 基本情報 from the master, 氏名・住所・生年月日 read-only with the seed's note", async () => {
    await logInAs(page, YAMADA.loginId, YAMADA.password);
    await page.waitForURL('**/my');
    await main().getByText('山田 花子').waitFor();
    await main().getByText('住所、氏名、生年月日の変更は、マイページからは行うことができません。').waitFor();
    await main()
      .getByText(/^\d{4}\/\d{2}\/\d{2}$/)
      .first()
      .waitFor(); // dates as 2026/12/01
    expect(await main().getByRole('button', { name: '基本情報を編集' }).count()).toBe(0);
    await shot(page, 'my-page-01-basic-1280');
  });

  it('edits an emergency contact and a licence, and sees both after a reload', async () => {
    await main().getByRole('button', { name: '緊急連絡先を編集' }).click();
    await main().getByRole('button', { name: '緊急連絡先を追加' }).click();
    const contacts = main().getByRole('region', { name: '緊急連絡先' });
    await contacts.getByLabel('氏名').fill('山田 太郎');
    await contacts.getByLabel('続柄').fill('父');
    await contacts.getByLabel('電話番号').fill('090-1234-5678');
    await contacts.getByRole('button', { name: '更新' }).click();
    await contacts.getByRole('cell', { name: '山田 太郎' }).waitFor();

    await main().getByRole('button', { name: '学歴・職歴・資格免許を編集' }).click();
    const career = main().getByRole('region', { name: '学歴・職歴・資格免許' });
    await career.getByRole('button', { name: '資格・免許を追加' }).click();
    await career.getByRole('combobox', { name: '資格・免許' }).click();
    await page.getByRole('option', { name: 'L02 日商簿記2級' }).click();
    await career.getByLabel('取得日').fill('2021-06-13');
    await career.getByRole('button', { name: '更新' }).click();
    await career.getByRole('cell', { name: '日商簿記2級' }).waitFor();

    await page.reload();
    await main().getByRole('region', { name: '緊急連絡先' }).getByRole('cell', { name: '山田 太郎' }).waitFor();
    const saved = main().getByRole('region', { name: '学歴・職歴・資格免許' });
    await saved.getByRole('cell', { name: '日商簿記2級' }).waitFor();
    await saved.getByRole('cell', { name: '2021/06/13' }).waitFor();
    await shot(page, 'my-page-02-saved-1280');
  });

  it('refuses a 4th emergency contact with a Japanese message', async () => {
    const contacts = main().getByRole('region', { name: '緊急連絡先' });
    await contacts.getByRole('button', { name: '緊急連絡先を編集' }).click();
    const add = contacts.getByRole('button', { name: '緊急連絡先を追加' });
    await add.click();
    await add.click();
    expect(await add.isDisabled()).toBe(true); // the form offers no 4th row …
    await contacts.getByText('最大3件まで登録できます').waitFor();
    await contacts.getByRole('button', { name: 'キャンセル' }).click();
    // … and the server refuses one sent anyway, naming the rule
    const four = [1, 2, 3, 4].map((i) => ({ name: `連絡先${i}`, phone: `090-0000-000${i}` }));
    const res = await callApi(page, server.url, 'PUT', '/api/v1/me/emergency-contacts', { emergencyContacts: four });
    expect(res.status()).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('緊急連絡先は3件まで登録できます');
  });

  it('fits 375 px', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await main().getByText('山田 太郎').waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await shot(page, 'my-page-03-375');
    await main().getByRole('button', { name: '緊急連絡先を編集' }).click();
    expect(await scrollWidth()).toBeLessThanOrEqual(375);
    await shot(page, 'my-page-04-edit-375');
    await page.setViewportSize({ width: 1280, height: 900 });
    await logOut(page);
  });

  it('従業員スタートアップ: led there at first login, left after 緊急連絡先, resumed at the next login', async () => {
    await logInAs(page, SUZUKI.loginId, SUZUKI.password);
    await page.waitForURL('**/my/startup');
    await main().getByRole('heading', { name: '事前準備リスト' }).waitFor();
    await shot(page, 'startup-01-prepare');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'startup-01-prepare-print');
    await page.emulateMedia({ media: 'screen' });
    await main().getByRole('button', { name: '次へ' }).click();
    await main().getByRole('button', { name: '入力を開始する' }).click();
    await main().getByText('鈴木 一郎').waitFor(); // 氏名 read-only from HR's record
    await main().getByLabel('郵便番号').fill('100-00'); // a wrong postcode first: refused, naming the field
    await main().getByRole('button', { name: '次へ' }).click();
    await main().getByText('郵便番号は 123-4567 の形式で入力してください').waitFor();
    await main().getByLabel('郵便番号').fill('100-0001');
    expect(await main().getByText('郵便番号は 123-4567 の形式で入力してください').count()).toBe(0);
    await main().getByRole('combobox', { name: '都道府県' }).click();
    await page.getByRole('option', { name: '東京都' }).click();
    await main().getByLabel('市区町村').fill('千代田区');
    await main().getByLabel('番地').fill('千代田1-1');
    await main().getByLabel('携帯電話番号').fill('080-1111-2222');
    await shot(page, 'startup-02-basic');
    await main().getByRole('button', { name: '次へ' }).click();
    const contacts = main().getByRole('region', { name: '緊急連絡先' });
    await contacts.getByRole('button', { name: '緊急連絡先を追加' }).click();
    await contacts.getByLabel('氏名').fill('鈴木 花子');
    await contacts.getByLabel('続柄').fill('母');
    await contacts.getByLabel('電話番号').fill('03-3333-4444');
    await contacts.getByRole('button', { name: '次へ' }).click();
    await main().getByRole('region', { name: '学歴・職歴・資格免許' }).waitFor();
    // the browser is closed here: nothing reached the master yet
    await page.context().clearCookies();
    await logInAs(page, SUZUKI.loginId, SUZUKI.password);
    await page.waitForURL('**/my/startup');
    await main().getByText('5 / 6').waitFor();
    await shot(page, 'startup-03-resumed-career');
  });

  it('finishes: 確認, 【この内容で登録する】, lands on マイページ; HR sees 「スタートアップ完了」 with the date', async () => {
    const career = main().getByRole('region', { name: '学歴・職歴・資格免許' });
    await career.getByRole('button', { name: '学歴を追加' }).click();
    await career.getByLabel('学校名').fill('京都大学');
    await career.getByRole('button', { name: '資格・免許を追加' }).click();
    await career.getByRole('combobox', { name: '資格・免許' }).click();
    await page.getByRole('option', { name: 'L01 普通自動車第一種運転免許' }).click();
    await career.getByRole('button', { name: '次へ' }).click();
    await main().getByRole('button', { name: 'この内容で登録する' }).waitFor();
    await main().getByText('鈴木 花子').waitFor();
    await main().getByText('普通自動車第一種運転免許').waitFor();
    await shot(page, 'startup-04-confirm');
    const started = Date.now();
    await main().getByRole('button', { name: 'この内容で登録する' }).click();
    await page.waitForURL('**/my');
    await main().getByRole('region', { name: '緊急連絡先' }).getByRole('cell', { name: '鈴木 花子' }).waitFor();
    console.log(`startup: 【この内容で登録する】 → マイページ showing the master: ${Date.now() - started} ms`);
    await main().getByText('東京都 千代田区 千代田1-1').waitFor();
    await shot(page, 'startup-05-my-page');

    await logOut(page);
    await logInAsAdmin(page, server.url);
    await page.goto(`${server.url}/admin/employees?startup=done`);
    await main().getByText('鈴木').waitFor();
    await main()
      .getByText(/スタートアップ完了/)
      .first()
      .waitFor();
    await shot(page, 'startup-06-hr-list');
    await page.goto(`${server.url}/admin/employees?startup=pending`);
    await main()
      .getByText('該当する従業員はいません')
      .or(main().getByText('登録されていません'))
      .first()
      .waitFor()
      .catch(() => undefined);
    expect(await main().getByText('鈴木').count()).toBe(0);
  });
});
