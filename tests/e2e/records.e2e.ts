// 応対記録 (R-REC-1) as HR uses it: 人事 opens an employee's 従業員情報（詳細）, tab 応対記録, records a task
// (報告者 picked by name, 対象者 prefilled, 対応期限 in three days, 「このタスクを完了にする」 unchecked, 担当者
// themself); finds it on 期限付きタスク beside an overdue one (「期限切れ」 first, highlighted), completes it
// there, and sees it 完了 on 対応記録一覧. Then both lists at 375 px. Accounts and employees from the CLI.

import { journeyDatabases, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountCreateArgs, dayInJapan, type TAccount, tenantCreateArgs } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { apiJson, employeeIdByNumber, logInAs, logInAsAdmin } from './support/session';

const JINJI: TAccount = {
  loginId: 'jinji',
  password: 'Tantou-Records-2026!',
  name: '人事 太郎',
  email: 'jinji@acme.example.jp',
};
const SATO: TAccount = {
  loginId: 'sato',
  password: 'Kinmokusei-Hanako-2026!',
  name: '佐藤 花子',
  email: 'sato@acme.example.jp',
};
const YAMADA: TAccount = {
  loginId: 'yamada',
  password: 'Ajisai-Taro-2026!',
  name: '山田 太郎',
  email: 'yamada@acme.example.jp',
};

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const withWeekday = (iso: string) =>
  `${iso.replaceAll('-', '/')} (${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]})`;
const TITLE = 'シフト変更の相談';
const DUE = dayInJapan(3);

describe.skipIf(!hasChromium).each(journeyDatabases())(
  '応対記録: record a task from the employee page → 期限付きタスク → 完了 on 対応記録一覧 (%s)',
  (database) => {
    let server: TestServer;
    let page: Page;

    useJourney(
      {
        prepare: (cli) => {
          cli(tenantCreateArgs());
          cli(accountCreateArgs(JINJI));
          cli([...accountCreateArgs(SATO), '--employee-number', 'E001', '--kana', 'さとう はなこ']);
          cli([...accountCreateArgs(YAMADA), '--employee-number', 'E002', '--kana', 'やまだ たろう']);
        },
        page: { viewport: { width: 1280, height: 900 } },
        failedShotPrefix: 'records',
        database,
      },
      (j) => {
        server = j.server;
        page = j.page;
      },
    );

    const main = () => page.getByRole('main');
    const dialog = () => page.getByRole('dialog');
    const api = <T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) =>
      apiJson<T>(page, server.url, method, path, data);
    const employeeId = (number: string) => employeeIdByNumber(page, server.url, number);

    it('人事 records a task on the 応対記録 tab of 佐藤 花子, 山田 太郎 as 報告者', async () => {
      await logInAsAdmin(page, server.url);
      const { items } = await api<{ items: { userId: string }[] }>('GET', '/api/v1/access/accounts?q=jinji');
      await api('PUT', '/api/v1/access/roles/hr_admin/members', { add: [items[0]!.userId] });
      await logInAs(page, JINJI.loginId, JINJI.password);
      await page.waitForURL('**/admin');
      // an older task, already overdue (recorded through the API)
      const categories = (
        await api<{ categories: { id: string; code: string }[] }>('GET', '/api/v1/records/form-options')
      ).categories;
      await api('POST', '/api/v1/records', {
        targetIds: [await employeeId('E002')],
        categoryId: categories.find((c) => c.code === '05')!.id,
        title: '育休復帰面談の日程調整',
        body: '復帰日の確認が必要',
        recordedOn: dayInJapan(-10),
        dueOn: dayInJapan(-2),
        isCompleted: false,
      });

      await page.goto(`${server.url}/admin/employees/${await employeeId('E001')}`);
      await main().getByRole('heading', { name: '佐藤 花子' }).waitFor();
      await main().getByRole('tab', { name: '応対記録' }).click();
      await main().getByText('この従業員の応対記録はまだありません').waitFor();
      await main().getByText('面談の記録はまだありません').waitFor();
      await main().getByRole('button', { name: '応対記録を登録' }).click();
      await dialog().getByText('応対記録の登録').waitFor();
      // 対象者 is this employee already
      await dialog().getByText('佐藤 花子（E001）').waitFor();
      await dialog().getByPlaceholder('氏名・かな・社員番号で検索').fill('山田');
      await page.getByRole('option', { name: /山田 太郎（E002）/ }).click();
      await dialog().getByRole('combobox', { name: 'カテゴリ（大区分）' }).click();
      await page.getByRole('option', { name: '契約・労働' }).click();
      await dialog().getByRole('textbox', { name: 'タイトル' }).fill(TITLE);
      await dialog()
        .getByRole('textbox', { name: '内容' })
        .fill('ご家族の介護のため、8月頃から勤務時間の変更を希望。\n具体的な時期が分かり次第、再度相談予定。');
      // a 対応期限 before the 記録日 is refused, naming the field
      await dialog().getByLabel('対応期限').fill(dayInJapan(-1));
      await dialog().getByRole('checkbox', { name: 'このタスクを完了にする' }).uncheck();
      await dialog().getByRole('button', { name: '登録する' }).click();
      await dialog().getByText('対応期限は記録日以降の日付を入力してください').first().waitFor();
      await dialog().getByLabel('対応期限').fill(DUE);
      await dialog().getByRole('combobox', { name: '担当者' }).click();
      await page.getByRole('option', { name: '人事 太郎' }).click();
      await shot(page, 'records-01-editor');
      await dialog().getByRole('button', { name: '登録する' }).click();
      await dialog().waitFor({ state: 'detached' });

      const row = main().getByTestId('record-row').filter({ hasText: TITLE });
      await row.waitFor();
      await row.getByText('報告者：山田 太郎さん 対象者：佐藤 花子さん').waitFor();
      await row.getByText(withWeekday(DUE)).waitFor();
      expect(await row.getByText('未完了').count()).toBe(1);
      await shot(page, 'records-02-employee-tab');
    });

    it('finds it on 期限付きタスク after the overdue one, and completes it there', async () => {
      await page.goto(`${server.url}/admin/records/tasks`);
      await main().getByRole('heading', { name: '期限付きタスク' }).waitFor();
      const rows = main().getByTestId('record-row');
      await rows.nth(1).waitFor();
      expect(await rows.count()).toBe(2);
      // overdue first, marked 「期限切れ」
      await rows.nth(0).getByText('期限切れ', { exact: true }).waitFor();
      await rows.nth(1).getByText(TITLE).waitFor();
      await main().getByText('期限切れ 1件').waitFor();
      await shot(page, 'records-03-tasks');
      // 自分の担当のみ: only the task assigned to 人事 太郎
      await main().getByRole('switch', { name: '自分の担当のみ' }).check();
      await main()
        .getByTestId('record-row')
        .filter({ hasText: '育休復帰面談の日程調整' })
        .waitFor({ state: 'detached' });
      expect(await rows.count()).toBe(1);
      await rows.nth(0).getByRole('button', { name: '完了にする' }).click();
      await page.getByText('タスクを完了にしました').waitFor();
      await main().getByText('対応期限のある未完了のタスクはありません').waitFor();
    });

    it('shows it 完了 on 対応記録一覧, found by keyword; both lists at 375 px', async () => {
      await page.goto(`${server.url}/admin/records`);
      await main().getByRole('heading', { name: '対応記録一覧' }).waitFor();
      await main().getByRole('textbox', { name: 'キーワード（タイトル・内容）' }).fill('介護');
      await main().getByRole('button', { name: '検索' }).click();
      const row = main().getByTestId('record-row').filter({ hasText: TITLE });
      await row.getByText('完了', { exact: true }).waitFor();
      await expect.poll(() => main().getByTestId('record-row').count()).toBe(1);
      await row.getByRole('button', { name: '未完了に戻す' }).waitFor();
      await shot(page, 'records-04-list');

      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${server.url}/admin/records`);
      await main().getByTestId('record-row').first().waitFor();
      await shot(page, 'records-05-list-375');
      await page.goto(`${server.url}/admin/records/tasks`);
      await main().getByTestId('record-row').first().waitFor();
      await shot(page, 'records-06-tasks-375');
    });
  },
);
