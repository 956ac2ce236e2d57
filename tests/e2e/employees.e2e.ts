import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASSWORD, prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { addRoleMember, openRolePage } from './support/roles';
import { logInAs, logInAsAdmin } from './support/session';

const HR = { loginId: 'hanako', password: 'Hr-Editor-2026!', name: '人事 花子', email: 'hanako@acme.example.jp' };

describe.skipIf(!hasChromium)('従業員: 新規登録 by コード設定, detail, search, 異動, 操作ログ', () => {
  let server: TestServer;
  let page: Page;
  let detailUrl = '';

  useJourney(
    { prepare: prepareTenant(HR), page: { viewport: { width: 1280, height: 900 } }, failedShotPrefix: 'employees' },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  const main = () => page.getByRole('main');
  const dialog = () => page.getByRole('dialog');

  /** A Mantine Select, found by its label (the open listbox shares the label: role combobox only). */
  const combo = (scope: Page | Locator, label: string) => scope.getByRole('combobox', { name: label });

  async function pick(select: Locator, option: string) {
    await select.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function registerMaster(
    kind: string,
    fields: { code: string; name: string; company?: string; parent?: string },
  ) {
    await page.goto(`${server.url}/admin/masters/${kind}`);
    await page.getByRole('button', { name: '新規登録' }).click();
    const d = dialog();
    await d.waitFor();
    if (fields.company) await pick(combo(d, '会社'), fields.company);
    await d.getByLabel('コード').fill(fields.code);
    await d.getByLabel('名称').fill(fields.name);
    if (fields.parent) await pick(combo(d, '上位部署'), fields.parent);
    await d.getByRole('button', { name: '登録' }).click();
    await d.waitFor({ state: 'detached' });
  }

  it('the setup admin adds the second account to 全権管理者 and sets 社員番号 = ユーザー設定', async () => {
    await logInAsAdmin(page, server.url);
    await openRolePage(page, server.url, 'full_admin', '全権管理者');
    await addRoleMember(page, HR);

    // コード設定 is システム管理者 only (the matrix): the setup admin sets it.
    await page.goto(`${server.url}/admin/system/code-settings`);
    await page.getByRole('button', { name: '編集' }).click();
    const numberSection = page.getByRole('region', { name: '社員番号', exact: true });
    await numberSection.getByLabel('ユーザー設定').check();
    await numberSection.getByLabel('接頭辞').fill('EMP');
    await numberSection.getByLabel('連番の桁数').fill('4');
    await numberSection.getByText('EMP0001', { exact: true }).waitFor();
    await page.getByRole('button', { name: '更新' }).click();
    await page.getByText('接頭辞：EMP／入社年：含めない／連番の桁数：4桁').waitFor();
    await shot(page, 'employees-01-code-settings');
  });

  it('the 全権管理者 registers 会社 and 部署 (two levels) in the masters', async () => {
    await logInAs(page, HR.loginId, HR.password);
    await page.waitForURL('**/admin');
    await registerMaster('company', { code: 'C01', name: '本社' });
    await registerMaster('department', { code: 'D01', name: '管理本部', company: 'C01 本社' });
    await registerMaster('department', { code: 'D02', name: '人事部', company: 'C01 本社', parent: 'D01 管理本部' });
    await registerMaster('department', { code: 'D03', name: '営業部', company: 'C01 本社' });
    await page.getByRole('table', { name: '部署', exact: true }).getByText('人事部').waitFor();
    await shot(page, 'employees-02-departments');
  });

  it('従業員 新規登録 hides 社員番号 and registers; the detail shows EMP0001 and [現在]', async () => {
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('button', { name: '従業員' }).click();
    await nav.getByRole('link', { name: '従業員 新規登録' }).click();
    await page.getByRole('heading', { name: '従業員 新規登録' }).waitFor();
    await main().getByText('社員番号は生成条件に従って自動で登録されます').waitFor();
    expect(await main().getByLabel('社員番号').count()).toBe(0);
    // ※ after each required field's label, as 「※印は必須項目です」 promises; none after an optional one
    const mark = (label: string) =>
      main()
        .locator('label', { hasText: label })
        .first()
        .evaluate((el) => getComputedStyle(el, '::after').content);
    for (const label of ['本名(姓)', '本名(かな)(めい)', '生年月日', '入社日'])
      expect(await mark(label)).toContain('※');
    expect(await mark('退職日')).not.toContain('※');
    await shot(page, 'employees-03-new-form');

    await main().getByLabel('本名(姓)').fill('山田');
    await main().getByLabel('本名(名)').fill('太郎');
    await main().getByLabel('本名(かな)(せい)').fill('やまだ');
    await main().getByLabel('本名(かな)(めい)').fill('たろう');
    await main().getByLabel('生年月日').fill('1990-05-10');
    await pick(combo(main(), '性別'), '男性');
    await main().getByLabel('入社日').fill('2022-02-20');
    await pick(combo(main(), '会社'), 'C01 本社');
    await pick(combo(main(), '部署'), '管理本部 / 人事部');
    await shot(page, 'employees-04-new-filled');
    await main().getByRole('button', { name: '登録' }).click();

    await page.getByText('登録しました').waitFor();
    await page.waitForURL(/\/admin\/employees\/[0-9a-f-]{36}$/);
    detailUrl = page.url();
    await page.getByRole('heading', { name: '山田 太郎' }).waitFor();
    await main().getByText('EMP0001').waitFor();
    await main().getByText('[現在] 2022/02/20 (').first().waitFor();
    await main().getByText('本社 管理本部 人事部').first().waitFor();
    await shot(page, 'employees-05-detail');
    // in English the duration reads in English too, then back to 日本語
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English', { exact: true }).click();
    await main()
      .getByText(/^\[Current\] 2022\/02\/20 \(\d+ yr \d+ mo\)$/)
      .first()
      .waitFor();
    await shot(page, 'employees-05b-detail-en');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語', { exact: true }).click();
    await main()
      .getByText(/^\[現在\] 2022\/02\/20 \(\d+年\d+か月\)$/)
      .first()
      .waitFor();
  });

  it('shows the Japanese errors for kana in kanji and 退職日 before 入社日', async () => {
    await page.goto(`${server.url}/admin/employees/new`);
    await main().getByLabel('本名(姓)').fill('佐藤');
    await main().getByLabel('本名(名)').fill('次郎');
    await main().getByLabel('本名(かな)(せい)').fill('佐藤');
    await main().getByLabel('本名(かな)(めい)').fill('じろう');
    await main().getByLabel('生年月日').fill('1995-01-01');
    await pick(combo(main(), '性別'), '回答しない');
    await main().getByLabel('入社日').fill('2023-04-01');
    await main().getByLabel('退職日').fill('2023-03-31');
    await main().getByRole('button', { name: '登録' }).click();
    await main().getByText('本名(かな)(せい)はひらがな・カタカナで入力してください').waitFor();
    await main().getByText('退職日は入社日以降の日付を入力してください').waitFor();
    expect(page.url()).toMatch(/\/admin\/employees\/new$/);
    await shot(page, 'employees-06-new-errors');
  });

  it('従業員一覧: half-width ﾔﾏﾀﾞ finds やまだ; the parent department finds the child department', async () => {
    await page.goto(`${server.url}/admin/employees`);
    const table = () => page.getByRole('table', { name: '従業員一覧' });
    await table().waitFor();
    await page.getByLabel('氏名・かな').fill('ﾔﾏﾀﾞ');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL(/q=/);
    await page.getByText('全1件').waitFor();
    await table().getByRole('link', { name: '山田 太郎' }).waitFor();
    await shot(page, 'employees-07-search-kana');

    // reload keeps the filter (it lives in the URL)
    await page.reload();
    expect(await page.getByLabel('氏名・かな').inputValue()).toBe('ﾔﾏﾀﾞ');

    await page.getByRole('button', { name: 'クリア' }).click();
    await pick(combo(page, '会社'), 'C01 本社');
    await pick(combo(page, '部署'), '管理本部');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL(/departmentId=/);
    await page.getByText('全1件').waitFor();
    await table().getByRole('link', { name: '山田 太郎' }).waitFor();
    await table().getByText('人事部').waitFor();
    await shot(page, 'employees-08-search-department');

    await pick(combo(page, '部署'), '営業部');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByText('条件に一致する従業員はいません。').waitFor();
    await page.goBack();
    await page.getByText('全1件').waitFor();
  });

  it('異動 to another department from a later date: the timeline shows two rows', async () => {
    await page.goto(detailUrl);
    await page.getByRole('heading', { name: '山田 太郎' }).waitFor();
    await main().getByRole('button', { name: '異動' }).click();
    await dialog().getByLabel('適用日').fill('2024-04-01');
    await pick(combo(dialog(), '部署'), '営業部');
    await shot(page, 'employees-09-transfer-modal');
    await dialog().getByRole('button', { name: '登録' }).click();
    await dialog().waitFor({ state: 'detached' });

    const timeline = main().getByLabel('所属の履歴');
    await timeline.getByText('2024/04/01 〜', { exact: true }).waitFor();
    await timeline.getByText('2022/02/20 〜 2024/03/31', { exact: true }).waitFor();
    expect(await timeline.locator('.mantine-Timeline-item').count()).toBe(2);
    await main().getByText('[現在] 2024/04/01 (').first().waitFor();
    await shot(page, 'employees-10-timeline');
  });

  it('学歴 rows can be added in 学歴・職歴・資格免許', async () => {
    await main().getByRole('button', { name: '学歴・職歴・資格免許を編集' }).click();
    await main().getByRole('button', { name: '学歴を追加' }).click();
    await main().getByRole('button', { name: '更新' }).click();
    await main().getByText('学校名を入力してください').waitFor();
    await main().getByLabel('学校名').fill('東京大学');
    await main().getByLabel('卒業年月日').fill('2013-03-31');
    await main().getByRole('button', { name: '更新' }).click();
    await page.getByText('更新しました').waitFor();
    await main().getByRole('table', { name: '学歴' }).getByText('東京大学').waitFor();
    await shot(page, 'employees-11-career');
  });

  it('操作ログ is visible to the setup admin with the create and update rows', async () => {
    await logInAs(page, ADMIN.loginId, ADMIN_PASSWORD);
    await page.waitForURL('**/admin');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('button', { name: 'システム管理' }).click();
    await nav.getByRole('link', { name: '操作ログ' }).waitFor();
    await page.goto(`${server.url}/admin/system/audit-logs`);
    await page.getByRole('heading', { name: '操作ログ' }).waitFor();
    const table = page.getByRole('table', { name: '操作ログ', exact: true });
    await table.getByText('登録', { exact: true }).first().waitFor();
    await table.getByText('更新', { exact: true }).first().waitFor();
    expect(await table.getByText(HR.name, { exact: true }).count()).toBeGreaterThan(1);
    // admin changes are there too: the role grant and the コード設定, by label
    await table.getByText('コード設定', { exact: true }).first().waitFor();
    await table.getByText('社員番号の付け方', { exact: true }).waitFor();
    await shot(page, 'employees-12-audit-logs');

    // the employee by name, the change as 項目 / 変更前 / 変更後 with masters by name
    await page.getByLabel('従業員', { exact: true }).fill('やまだ');
    await pick(combo(page, '操作'), '更新');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await table.getByRole('link', { name: 'EMP0001 山田 太郎' }).first().waitFor();
    await table.getByText('所属・部署', { exact: true }).waitFor();
    await table.getByText('営業部 (D03)', { exact: true }).waitFor();
    expect(await table.getByText(/[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);
    expect(await table.getByText(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/).count()).toBeGreaterThan(0);
    await shot(page, 'employees-13-audit-logs-employee');

    await page.getByLabel('期間（開始）').fill('2026-12-02');
    await page.getByLabel('期間（終了）').fill('2026-12-01');
    await page.getByText('期間の終了日は開始日以降の日付を入力してください').waitFor();
    await page.getByLabel('期間（開始）').fill('');
    await page.getByLabel('期間（終了）').fill('');

    await pick(combo(page, '操作'), '登録');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByText('全1件').waitFor();
    await page.getByRole('button', { name: 'CSV出力' }).click();
    await page.getByRole('menuitem', { name: 'Shift_JIS' }).waitFor();
    await shot(page, 'employees-14-audit-logs-create');
  });
});
