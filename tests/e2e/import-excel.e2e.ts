// 一括登録・更新 for the three kinds of file: the Excel 新規登録用ファイル filled in and imported, the
// current data exported and imported again as 更新 with one change, and a 勤怠実績 file.
import { readFileSync } from 'node:fs';
import type { TestServer } from '@jinji/test-kit/e2e-server';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Download, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { addRoleMember, openRolePage } from './support/roles';
import { logInAs, logInAsAdmin, logOut } from './support/session';

const HR = { loginId: 'hr2', password: 'Vb4#nRt8-Ks2mQx', name: '人事 次郎', email: 'hr2@acme.example.jp' };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NEW_FILE = '新規登録用_従業員データ.xlsx';
const UPDATE_FILE = '従業員データ_更新用_携帯電話番号.csv';
const ATTENDANCE_FILE = '勤怠実績_2025年4月.csv';
const NEW_MOBILE = '080-9876-5432';

const EMPLOYEES = [
  {
    社員番号: 'E001',
    '本名(姓)': '山本',
    '本名(名)': '健太',
    '本名(かな)(せい)': 'やまもと',
    '本名(かな)(めい)': 'けんた',
    生年月日: '1988/07/15',
    性別: '男性',
    入社日: '2020/04/01',
    携帯電話番号: '090-1111-2222',
  },
  {
    社員番号: 'E002',
    '本名(姓)': '中村',
    '本名(名)': 'さくら',
    '本名(かな)(せい)': 'なかむら',
    '本名(かな)(めい)': 'さくら',
    生年月日: '平成5年3月3日',
    性別: '女性',
    入社日: '2021/10/01',
    携帯電話番号: '090-3333-4444',
  },
];

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
/** UTF-8 with BOM, as Excel saves 「CSV UTF-8」. */
const utf8Csv = (rows: string[][]) =>
  Buffer.from(`\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');

const readDownload = async (download: Download) => readFileSync(await download.path());

describe.skipIf(!hasChromium)('一括登録・更新: Excel で新規登録 → 出力して更新 → 勤怠実績', () => {
  let server: TestServer;
  let page: Page;

  useJourney(
    {
      prepare: prepareTenant(HR),
      page: { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
      failedShotPrefix: 'import-excel',
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  const main = () => page.getByRole('main');
  const kinds = () => main().getByRole('radiogroup', { name: '取込の種類' });
  const history = () => page.getByRole('table', { name: '取込履歴' });
  const result = () => page.getByRole('region', { name: '取込結果' });

  async function openImport(kind: '新規登録' | '更新' | '勤怠実績') {
    await page.goto(`${server.url}/admin/employees/import`);
    await page.getByRole('heading', { name: '一括登録・更新' }).waitFor();
    await kinds().getByText(kind, { exact: true }).click();
    await expect.poll(() => kinds().getByRole('radio', { name: kind }).isChecked()).toBe(true);
    await page.waitForTimeout(300); // the control's indicator slides to the choice (for the screenshots)
  }

  async function download(link: ReturnType<Page['getByRole']>): Promise<{ name: string; body: Buffer }> {
    const [d] = await Promise.all([page.waitForEvent('download'), link.click()]);
    return { name: d.suggestedFilename(), body: await readDownload(d) };
  }

  /** Chooses the file in STEP 2 and presses 【取込】; waits for the job in the URL and its panel. */
  async function upload(name: string, mimeType: string, buffer: Buffer) {
    await main().locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
    await main().getByText(name).first().waitFor();
    await main().getByRole('button', { name: '取込', exact: true }).click();
    await page.waitForURL(/[?&]job=/);
    await result().waitFor();
  }

  it('the setup admin adds hr2 to 人事管理者', async () => {
    await logInAsAdmin(page, server.url);
    await openRolePage(page, server.url, 'hr_admin', '人事管理者');
    await addRoleMember(page, HR);
    await logOut(page);
  });

  it('新規登録: the Excel 新規登録用ファイル from the page, filled with 2 employees, is imported (検証中 → 登録中 → 正常終了)', async () => {
    await logInAs(page, HR.loginId, HR.password);
    await page.waitForURL('**/admin');
    await openImport('新規登録');
    await main().getByRole('heading', { name: '「新規登録用ファイル」をダウンロード' }).waitFor();
    await main().getByText('※従業員本人から情報収集する場合は、従業員スタートアップ対象フラグに「1」').waitFor();
    await shot(page, 'import-excel-01-new');

    const template = await download(main().getByRole('link', { name: 'Excel（.xlsx）' }));
    expect(template.name).toMatch(/\.xlsx$/);

    // fill it in as a user would in Excel: the example row replaced, one employee per row
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.body as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const col = new Map<string, number>();
    ws.getRow(1).eachCell((cell, n) => {
      col.set(String(cell.value), n);
    });
    expect(col.has('本名(姓)')).toBe(true);
    expect(col.has('従業員スタートアップ対象フラグ')).toBe(true);
    for (const [i, employee] of EMPLOYEES.entries()) {
      const row = ws.getRow(i + 2);
      for (const n of col.values()) row.getCell(n).value = null;
      for (const [header, value] of Object.entries(employee)) row.getCell(col.get(header)!).value = value;
      row.commit();
    }
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    // the job's progress as a big file shows it (the 2 rows here finish at once): 検証中, then 登録中
    let stub: 'validating' | 'writing' | null = 'validating';
    const jobUrl = /\/api\/v1\/imports\/[0-9a-f-]{36}$/;
    const handler = async (route: Route) => {
      const response = await route.fetch();
      const job = await response.json();
      if (stub === 'validating')
        Object.assign(job, {
          status: 'processing',
          finishedAt: null,
          rowsTotal: 0,
          rowsValidated: 12_000,
          rowsWritten: 0,
        });
      if (stub === 'writing')
        Object.assign(job, {
          status: 'processing',
          finishedAt: null,
          rowsTotal: 100_000,
          rowsValidated: 100_000,
          rowsWritten: 40_000,
        });
      await route.fulfill({ response, json: job });
    };
    await page.route(jobUrl, handler);
    await upload(NEW_FILE, XLSX_MIME, filled);
    const bar = result().getByRole('progressbar');
    await result().getByText('12,000行を検証しました').waitFor();
    await result().getByText('検証中', { exact: true }).waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBeNull();
    await shot(page, 'import-excel-02-validating');
    stub = 'writing';
    await result().getByText('40,000 / 100,000行').waitFor();
    await result().getByText('登録中', { exact: true }).waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('40');
    await shot(page, 'import-excel-03-writing');
    stub = null;
    // wait for a poll still in the handler: unrouting under it left that request handled twice
    await page.unrouteAll({ behavior: 'wait' });

    await result().getByText('2件を登録しました').waitFor({ timeout: 30_000 });
    await result().getByText('正常終了').first().waitFor();
    const row = history().getByRole('row').filter({ hasText: NEW_FILE });
    await row.getByText('正常終了').first().waitFor();
    await row.getByText('新規登録', { exact: true }).waitFor();
    await row.getByText(HR.name, { exact: true }).waitFor();
    await shot(page, 'import-excel-04-succeeded');
  });

  it('従業員一覧 lists the 2 employees created today', async () => {
    await result().getByRole('link', { name: '従業員一覧で確認する' }).click();
    await page.waitForURL(/\/admin\/employees\?.*createdFrom=\d{4}-\d{2}-\d{2}/);
    const table = page.getByRole('table', { name: '従業員一覧' });
    await page.getByText('全2件').waitFor();
    for (const name of ['山本 健太', '中村 さくら']) await table.getByRole('link', { name }).waitFor();
    await shot(page, 'import-excel-05-employee-list');
  });

  it('更新: the current data exported as CSV, one 携帯電話番号 changed, imported as 更新', async () => {
    await openImport('更新');
    await page.waitForURL(/[?&]kind=employees_update/);
    await main().getByRole('heading', { name: '「更新用ファイル」を用意する' }).waitFor();
    await main().getByText('空欄のセルは変更しません').waitFor();
    await main().getByText('「#削除」と入力してください').waitFor();
    await main().getByText('「所属適用日」を入力してください', { exact: false }).waitFor();
    await main().getByText('※すべての行が正しい場合のみ更新されます').waitFor();
    await shot(page, 'import-excel-06-update');

    const exportBox = main().getByRole('group', { name: '現在の従業員データを出力' });
    const exported = await download(exportBox.getByRole('link', { name: 'CSV（UTF-8）' }));
    expect(exported.name).toMatch(/\.csv$/);
    const rows = parse(exported.body.toString('utf8').replace(/^\uFEFF/, ''), {
      relax_column_count: true,
    }) as string[][];
    const [header = [], ...data] = rows;
    const numberAt = header.indexOf('社員番号');
    const mobileAt = header.indexOf('携帯電話番号');
    expect(data.map((r) => r[numberAt]).sort()).toEqual(['E001', 'E002']);
    const target = data.find((r) => r[numberAt] === 'E002')!;
    expect(target[mobileAt]).toBe('090-3333-4444');
    target[mobileAt] = NEW_MOBILE;

    await upload(UPDATE_FILE, 'text/csv', utf8Csv([header, ...data]));
    await result().getByText('1件を更新しました').first().waitFor({ timeout: 30_000 });
    // the unchanged row is told apart, not written
    await result().getByText('1件を更新しました（変更のない行 1件）').waitFor();
    const row = history().getByRole('row').filter({ hasText: UPDATE_FILE });
    await row.getByText('正常終了').first().waitFor();
    await row.getByText('更新', { exact: true }).waitFor();
    await shot(page, 'import-excel-07-update-succeeded');
  });

  it('the employee detail page shows the new 携帯電話番号', async () => {
    await page.goto(`${server.url}/admin/employees`);
    await page.getByRole('table', { name: '従業員一覧' }).getByRole('link', { name: '中村 さくら' }).click();
    await page.waitForURL(/\/admin\/employees\/[0-9a-f-]{36}$/);
    await main().getByText(NEW_MOBILE, { exact: true }).waitFor();
    expect(await main().getByText('090-3333-4444').count()).toBe(0);
    await shot(page, 'import-excel-08-detail-mobile');
  });

  it('更新 with a #削除 on a required column: エラー終了, nothing changed (not even the valid row)', async () => {
    await openImport('更新');
    const csv = utf8Csv([
      ['社員番号', '本名(姓)', '携帯電話番号'],
      ['E001', '', '#削除'],
      ['E002', '#削除', ''],
    ]);
    await upload('更新用_エラーあり.csv', 'text/csv', csv);
    await result().getByText('エラー終了').first().waitFor({ timeout: 30_000 });
    await result().getByText('エラーがあるため更新しませんでした（エラー 1件）').waitFor();
    const errors = result().getByRole('table', { name: 'エラー一覧' });
    const error = errors.getByRole('row').filter({ hasText: '本名(姓)は削除できません（#削除）' });
    expect(await error.getByRole('cell').first().textContent()).toBe('3');
    await shot(page, 'import-excel-09-update-failed');

    await page.goto(`${server.url}/admin/employees`);
    await page.getByRole('table', { name: '従業員一覧' }).getByRole('link', { name: '山本 健太' }).click();
    await page.waitForURL(/\/admin\/employees\/[0-9a-f-]{36}$/);
    await main().getByText('090-1111-2222', { exact: true }).waitFor();
  });

  it('in English the 更新 page reads as such (then back to 日本語)', async () => {
    await openImport('更新');
    const language = page.getByRole('radiogroup', { name: '表示言語' });
    await language.getByText('English', { exact: true }).click();
    await main().getByRole('heading', { name: 'Prepare the “update file”' }).waitFor();
    await main().getByRole('group', { name: 'Export the current employee data' }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'import-excel-10-update-en');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語', { exact: true }).click();
    await main().getByRole('heading', { name: '「更新用ファイル」を用意する' }).waitFor();
  });

  it('入力規則（更新用ファイル） explains #削除', async () => {
    await openImport('更新');
    await main().getByRole('link', { name: '入力規則を確認する' }).click();
    await page.waitForURL(/\/admin\/employees\/import\/rules\?kind=employees_update/);
    await page.getByRole('heading', { name: '入力規則（更新用ファイル）' }).waitFor();
    const rules = page.getByRole('table', { name: '入力規則（更新用ファイル）' });
    await rules.getByRole('row').filter({ hasText: '所属適用日' }).waitFor();
    await main().getByText('「#削除」と入力してください').waitFor();
    await shot(page, 'import-excel-11-rules-update');
    await main().getByRole('link', { name: '一括登録・更新へ戻る' }).click();
    await page.waitForURL(/\/admin\/employees\/import\?kind=employees_update/);
  });

  it('勤怠実績: a small CSV is imported and shown in the 勤怠実績 card of the detail page', async () => {
    await openImport('勤怠実績');
    await main().getByRole('heading', { name: '「勤怠実績ファイル」をダウンロード' }).waitFor();
    await main().getByText('※同じ従業員・同じ対象期間の勤怠実績がすでにある場合は').waitFor();
    await shot(page, 'import-excel-12-attendance');

    const csv = utf8Csv([
      ['社員番号', '対象期間', '実働時間', '残業時間', '遅刻早退回数', '欠勤日数', '休日日数', '有休残数'],
      ['E001', '2025/04', '160:30', '12:15', '1', '0', '8', '10.5'],
    ]);
    await upload(ATTENDANCE_FILE, 'text/csv', csv);
    await result().getByText('1件の勤怠実績を取り込みました').first().waitFor({ timeout: 30_000 });
    const row = history().getByRole('row').filter({ hasText: ATTENDANCE_FILE });
    await row.getByText('正常終了').first().waitFor();
    await row.getByText('勤怠実績', { exact: true }).waitFor();
    await shot(page, 'import-excel-13-attendance-succeeded');

    await page.goto(`${server.url}/admin/employees`);
    await page.getByRole('table', { name: '従業員一覧' }).getByRole('link', { name: '山本 健太' }).click();
    await page.waitForURL(/\/admin\/employees\/[0-9a-f-]{36}$/);
    const attendance = main().getByRole('table', { name: '勤怠実績' });
    const april = attendance.getByRole('row').filter({ hasText: '2025年4月' });
    // with the seed's units: 1 回, 0.0 日, 8.0 日, 10.5 日
    for (const value of ['160:30', '12:15', '1 回', '0.0 日', '8.0 日', '10.5 日'])
      await april.getByText(value, { exact: true }).waitFor();
    await shot(page, 'import-excel-14-detail-attendance');
  });
});
