import { readFileSync } from 'node:fs';
import type { TestServer } from '@jinji/test-kit/e2e-server';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { addRoleMember, openRolePage } from './support/roles';
import { logInAs, logInAsAdmin, logOut } from './support/session';

const HR = { loginId: 'hr', password: 'Kq7#mWz3-Pv9tLx', name: '人事 花子', email: 'hr@acme.example.jp' };
const GOOD_FILE = '新規登録用_従業員データ.csv';
const BAD_FILE = '新規登録用_エラーあり.csv';

type TRow = Record<string, string>;

/** A CSV in the template's column order (unknown headers stay empty), encoded as Shift_JIS (CP932). */
function cp932Csv(headers: string[], rows: TRow[]): Buffer {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))].map((l) => l.map(cell).join(','));
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}

/** The header row of a decoded CSV (simple: the template's headers hold no quotes or commas). */
const headerRow = (text: string) =>
  (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').split(',').map((h) => h.replace(/^"|"$/g, ''));

describe.skipIf(!hasChromium)('一括登録・更新: 新規登録用ファイル → 取込 → 取込履歴 → 従業員一覧', () => {
  let server: TestServer;
  let page: Page;
  let headers: string[] = [];

  useJourney(
    {
      prepare: prepareTenant(HR),
      page: { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
      failedShotPrefix: 'import',
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  const main = () => page.getByRole('main');
  const history = () => page.getByRole('table', { name: '取込履歴' });
  const result = () => page.getByRole('region', { name: '取込結果' });

  async function upload(name: string, body: Buffer) {
    await page.goto(`${server.url}/admin/employees/import`);
    await page.getByRole('heading', { name: '一括登録・更新' }).waitFor();
    await main().locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: body });
    await main().getByText(name).first().waitFor();
    await main().getByRole('button', { name: '取込', exact: true }).click();
    await page.waitForURL(/[?&]job=/);
    await result().waitFor();
  }

  it('the setup admin adds hr to 人事管理者', async () => {
    await logInAsAdmin(page, server.url);
    await openRolePage(page, server.url, 'hr_admin', '人事管理者');
    await addRoleMember(page, HR);
    await logOut(page);
  });

  it('hr opens 一括登録・更新 from the menu and downloads the Shift_JIS 新規登録用ファイル', async () => {
    await logInAs(page, HR.loginId, HR.password);
    await page.waitForURL('**/admin');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('button', { name: '従業員' }).click();
    await nav.getByRole('link', { name: '一括登録・更新' }).click();
    await page.getByRole('heading', { name: '一括登録・更新' }).waitFor();
    await main().getByText('※従業員本人から情報収集する場合は、従業員スタートアップ対象フラグに「1」').waitFor();
    await main().getByText('※すべての行が正しい場合のみ登録されます').waitFor();
    await shot(page, 'import-01-page');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main().getByRole('link', { name: 'CSV（Shift_JIS）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = iconv.decode(readFileSync(await download.path()), 'cp932');
    headers = headerRow(text);
    expect(headers).toContain('本名(姓)');
    expect(headers).toContain('従業員スタートアップ対象フラグ');

    // the same file through the API: a CSV attachment in Shift_JIS
    const res = await page.request.get(`${server.url}/api/v1/imports/template?kind=employees_new&encoding=cp932`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/text\/csv/);
    expect(res.headers()['content-disposition']).toMatch(/attachment;.*filename/);
    expect(iconv.decode(await res.body(), 'cp932')).toContain('本名(姓)');
  });

  it('入力規則 lists the columns with 必須 and the master note', async () => {
    await main().getByRole('link', { name: '入力規則を確認する' }).click();
    await page.waitForURL('**/admin/employees/import/rules?kind=employees_new');
    const rules = page.getByRole('table', { name: '入力規則（新規登録用ファイル）' });
    const row = rules.getByRole('row').filter({ hasText: '本名(姓)' });
    await row.getByText('必須').waitFor();
    await rules.getByText('コードまたは名称で入力できます（マスタメンテナンスをご確認ください）').first().waitFor();
    await shot(page, 'import-02-rules');
  });

  it('imports 3 valid rows (和暦, half-width kana, スタートアップ対象 1): 正常終了', async () => {
    const csv = cp932Csv(headers, [
      {
        '本名(姓)': '鈴木',
        '本名(名)': '一郎',
        '本名(かな)(せい)': 'すずき',
        '本名(かな)(めい)': 'いちろう',
        生年月日: '昭和60年4月1日',
        性別: '男性',
        入社日: '2024/04/01',
      },
      {
        '本名(姓)': '佐藤',
        '本名(名)': '次郎',
        '本名(かな)(せい)': 'ｻﾄｳ',
        '本名(かな)(めい)': 'ｼﾞﾛｳ',
        生年月日: '1990-05-10',
        性別: '回答しない',
        入社日: '2023-10-01',
      },
      {
        '本名(姓)': '高橋',
        '本名(名)': '美咲',
        '本名(かな)(せい)': 'たかはし',
        '本名(かな)(めい)': 'みさき',
        生年月日: '1995/12/24',
        性別: '女性',
        入社日: '2025/01/06',
        従業員スタートアップ対象フラグ: '1',
      },
    ]);
    await upload(GOOD_FILE, csv);
    await shot(page, 'import-03-progress');
    await result().getByText('3件を登録しました').waitFor({ timeout: 30_000 });
    await result().getByText('正常終了').first().waitFor();
    await shot(page, 'import-04-succeeded');

    const row = history().getByRole('row').filter({ hasText: GOOD_FILE });
    await row.getByText('正常終了').first().waitFor();
    await row.getByText('新規登録', { exact: true }).waitFor();
    // 実行者: the display name (the login id only when the account has none)
    await row.getByText(HR.name, { exact: true }).waitFor();
  });

  it('「従業員一覧で確認する」 lists the 3 employees created today', async () => {
    await result().getByRole('link', { name: '従業員一覧で確認する' }).click();
    await page.waitForURL(/\/admin\/employees\?.*createdFrom=\d{4}-\d{2}-\d{2}/);
    const table = page.getByRole('table', { name: '従業員一覧' });
    await page.getByText('全3件').waitFor();
    for (const name of ['鈴木 一郎', '佐藤 次郎', '高橋 美咲']) await table.getByRole('link', { name }).waitFor();
    await shot(page, 'import-05-employee-list');
  });

  it('a file with 2 bad rows: エラー終了 with 行 / 社員番号 / 氏名 / 項目 / 内容, nothing registered', async () => {
    const csv = cp932Csv(headers, [
      {
        '本名(姓)': '伊藤',
        '本名(名)': '三郎',
        '本名(かな)(せい)': 'いとう',
        '本名(かな)(めい)': 'さぶろう',
        生年月日: '1985/13/01',
        性別: '男性',
        入社日: '2024/04/01',
      },
      {
        '本名(姓)': '渡辺',
        '本名(名)': '四郎',
        '本名(かな)(せい)': '渡辺',
        '本名(かな)(めい)': 'しろう',
        生年月日: '1988/02/03',
        性別: '男性',
        入社日: '2024/04/01',
      },
    ]);
    await upload(BAD_FILE, csv);
    await result().getByText('エラー終了').first().waitFor({ timeout: 30_000 });
    await result().getByRole('alert').waitFor();
    const errors = result().getByRole('table', { name: 'エラー一覧' });
    await errors.waitFor();
    const birth = errors.getByRole('row').filter({ hasText: '生年月日' });
    await birth.first().waitFor();
    expect(await birth.first().getByRole('cell').first().textContent()).toBe('2');
    // whose row it is, without opening the file: 氏名 beside the row number
    expect(await birth.first().getByRole('cell').nth(2).textContent()).toBe('伊藤 三郎');
    const kana = errors.getByRole('row').filter({ hasText: '本名(かな)(せい)' });
    expect(await kana.first().getByRole('cell').first().textContent()).toBe('3');
    await result().getByRole('button', { name: 'エラー一覧をダウンロード' }).waitFor();
    await shot(page, 'import-06-failed');

    const row = history().getByRole('row').filter({ hasText: BAD_FILE });
    await row.getByText('エラー終了').first().waitFor();
    await row.getByRole('button', { name: /エラー一覧（\d+件）/ }).waitFor();
    await history().getByRole('row').filter({ hasText: GOOD_FILE }).getByText('正常終了').first().waitFor();
    await shot(page, 'import-07-history');

    // the error CSV (行, 項目, 内容) in Shift_JIS
    const jobId = new URL(page.url()).searchParams.get('job');
    const res = await page.request.get(`${server.url}/api/v1/imports/${jobId}/errors?encoding=cp932`);
    expect(res.status()).toBe(200);
    const errorsCsv = iconv.decode(await res.body(), 'cp932');
    expect(errorsCsv).toContain('生年月日');
    expect(errorsCsv).toContain('1985/13/01');

    // a later visit opens the error list from 取込履歴
    await page.goto(`${server.url}/admin/employees/import`);
    await history().getByRole('row').filter({ hasText: BAD_FILE }).getByRole('button').click();
    await page.waitForURL(`**/admin/employees/import?job=${jobId}`);
    await result().getByRole('table', { name: 'エラー一覧' }).getByText('1985/13/01', { exact: false }).waitFor();

    await page.goto(`${server.url}/admin/employees`);
    await page.getByText('全3件').waitFor();
    expect(await page.getByRole('link', { name: '伊藤 三郎' }).count()).toBe(0);
  });

  it('in English 取込履歴 and the error lines read in English (stored as codes), then back to 日本語', async () => {
    await page.goto(`${server.url}/admin/employees/import`);
    await history().getByRole('row').filter({ hasText: BAD_FILE }).getByRole('button').click();
    await page.waitForURL(/[?&]job=/);
    await page.getByRole('radiogroup', { name: '表示言語' }).getByText('English', { exact: true }).click();
    const errors = page.getByRole('table', { name: 'Errors' });
    // the reason inside the date error is translated too
    await errors.getByText('Not a date: "1985/13/01" (the month must be 1 to 12)', { exact: true }).waitFor();
    await errors.getByText('Enter 本名(かな)(せい) in hiragana or katakana: "渡辺"', { exact: true }).waitFor();
    const log = page.getByRole('table', { name: 'Import history' });
    await log.getByRole('row').filter({ hasText: BAD_FILE }).getByText('2 errors (nothing was registered)').waitFor();
    await log.getByRole('row').filter({ hasText: GOOD_FILE }).getByText('Registered 3 employees').waitFor();
    expect(await errors.getByText('日付として読めません', { exact: false }).count()).toBe(0);
    await page.waitForTimeout(300);
    await shot(page, 'import-08-english-log');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('日本語', { exact: true }).click();
    await page
      .getByRole('table', { name: 'エラー一覧' })
      .getByText('日付として読めません「1985/13/01」（月は1〜12で入力してください）', { exact: true })
      .waitFor();
    await history()
      .getByRole('row')
      .filter({ hasText: BAD_FILE })
      .getByText('エラー 2件（登録は行っていません）')
      .waitFor();
  });
});
