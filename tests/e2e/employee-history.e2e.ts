// 所属 history corrections and the Shift_JIS check, on the screens: a 異動 mistyped as 2030 shows
// 「予定」, is corrected on the detail page and a wrong row is deleted; a Shift_JIS export that would
// turn 𠮷 into 「?」 lists the cell first and offers UTF-8 or Excel. Data is set up through the API.

import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { callApi, logInAs, logInAsAdmin } from './support/session';

const HR = { loginId: 'rireki', password: 'Hr-History-2026!', name: '履歴 担当', email: 'rireki@acme.example.jp' };

describe.skipIf(!hasChromium)('所属の履歴の訂正・削除 and the Shift_JIS check', () => {
  let server: TestServer;
  let page: Page;
  let detailUrl = '';

  useJourney(
    { prepare: prepareTenant(HR), page: { viewport: { width: 1280, height: 900 } }, failedShotPrefix: 'history' },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  const main = () => page.getByRole('main');
  const dialog = () => page.getByRole('dialog');
  /** The API as the logged-in user (the page's cookies), with the CSRF token the web client sends. */
  async function api(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
    const res = await callApi(page, server.url, method, path, data);
    if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  }

  it('sets up: 人事 in 全権管理者, masters and one employee whose 建物 holds 𠮷', async () => {
    await logInAsAdmin(page, server.url);
    const { items } = await api('GET', `/api/v1/access/accounts?q=${HR.loginId}`);
    await api('PUT', '/api/v1/access/roles/full_admin/members', { add: [items[0].userId] });
    await logInAs(page, HR.loginId, HR.password);
    await page.waitForURL('**/admin');
    const company = (await api('POST', '/api/v1/masters/company', { code: 'C01', name: '本社' })).id;
    const hq = (await api('POST', '/api/v1/masters/department', { code: 'D01', name: '管理本部', companyId: company }))
      .id;
    await api('POST', '/api/v1/masters/department', { code: 'D02', name: '営業部', companyId: company });
    const { id } = await api('POST', '/api/v1/employees', {
      employeeNumber: 'E0001',
      lastName: '山田',
      firstName: '太郎',
      lastNameKana: 'やまだ',
      firstNameKana: 'たろう',
      birthDate: '1990-05-10',
      gender: '男性',
      hireDate: '2022-02-20',
      building: '𠮷野ビル',
      assignment: { companyId: company, departmentId: hq },
    });
    detailUrl = `${server.url}/admin/employees/${id}`;
  });

  it('a 異動 mistyped as 2030 shows 「予定」, is corrected to 2025, and a wrong row is deleted', async () => {
    await page.goto(detailUrl);
    await page.getByRole('heading', { name: '山田 太郎' }).waitFor();
    const timeline = main().getByLabel('所属の履歴');
    await main().getByRole('button', { name: '異動' }).click();
    await dialog().getByLabel('適用日').fill('2030-10-01');
    await dialog().getByRole('combobox', { name: '部署' }).click();
    await page.getByRole('option', { name: '営業部', exact: true }).click();
    await dialog().getByRole('button', { name: '登録' }).click();
    await dialog().waitFor({ state: 'detached' });
    const planned = timeline.locator('.mantine-Timeline-item', { hasText: '2030/10/01 〜' });
    await planned.getByText('予定', { exact: true }).waitFor();
    await timeline.getByText('2022/02/20 〜 2030/09/30', { exact: true }).waitFor();
    await shot(page, 'history-01-planned');

    await timeline.getByRole('button', { name: '2030/10/01 〜 の所属を編集' }).click();
    expect(await dialog().getByLabel('適用日').inputValue()).toBe('2030-10-01');
    await dialog().getByLabel('適用日').fill('2025-10-01');
    await shot(page, 'history-02-correct-modal');
    await dialog().getByRole('button', { name: '更新' }).click();
    await dialog().waitFor({ state: 'detached' });
    await timeline.getByText('2025/10/01 〜', { exact: true }).waitFor();
    await timeline.getByText('2022/02/20 〜 2025/09/30', { exact: true }).waitFor();
    expect(await timeline.getByText('予定', { exact: true }).count()).toBe(0);
    await main().getByText('[現在] 2025/10/01 (').first().waitFor();
    await shot(page, 'history-03-corrected');

    await timeline.getByRole('button', { name: '2025/10/01 〜 の所属を削除' }).click();
    await dialog().getByText('前の履歴の終了日は次の履歴の適用日の前日に調整されます').waitFor();
    await shot(page, 'history-04-delete-confirm');
    await dialog().getByRole('button', { name: '削除' }).click();
    await dialog().waitFor({ state: 'detached' });
    await timeline.getByText('2022/02/20 〜', { exact: true }).waitFor();
    expect(await timeline.locator('.mantine-Timeline-item').count()).toBe(1);
    await main().getByText('本社 管理本部').first().waitFor();
  });

  it('a Shift_JIS export that would turn 𠮷 into 「?」 lists the cell first and offers UTF-8 or Excel', async () => {
    await page.goto(`${server.url}/admin/employees/import?kind=employees_update`);
    const box = main().getByRole('group', { name: '現在の従業員データを出力' });
    await box.getByRole('button', { name: 'CSV（Shift_JIS）' }).click();
    const cells = dialog().getByRole('table', { name: 'Shift_JISで保存できないセル' });
    await cells.waitFor();
    expect(await cells.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual(['2', '建物', 'E0001', '𠮷']);
    await dialog().getByRole('button', { name: 'Excel（.xlsx）で出力' }).waitFor();
    await shot(page, 'history-05-cp932-check');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'CSV（UTF-8）で出力' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    await dialog().waitFor({ state: 'detached' });
  });
});
