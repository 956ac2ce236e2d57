// 個人プロフィール (R-PROF-1) as HR uses it: 人事 opens 個人プロフィール出力設定 from the 従業員 menu, chooses
// 本名・生年月日・性別, is refused a 表示件数 of 11 (the field named), saves 5; opens 佐藤 花子's 従業員情報（詳細）,
// presses 【個人プロフィール出力】, and downloads the PDF — a real PDF whose text has her name and the 「*」 runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { journeyDatabases, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountCreateArgs, type TAccount, tenantCreateArgs } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { apiJson, employeeIdByNumber, logInAs, logInAsAdmin } from './support/session';

const JINJI: TAccount = {
  loginId: 'jinji',
  password: 'Tantou-Profile-2026!',
  name: '人事 太郎',
  email: 'jinji@acme.example.jp',
};
const SATO: TAccount = {
  loginId: 'sato',
  password: 'Kinmokusei-Hanako-2026!',
  name: '佐藤 花子',
  email: 'sato@acme.example.jp',
};

describe.skipIf(!hasChromium).each(journeyDatabases())(
  '個人プロフィール: 出力設定 → save → 従業員情報（詳細） → 【個人プロフィール出力】 → PDF (%s)',
  (database) => {
    let server: TestServer;
    let page: Page;

    useJourney(
      {
        prepare: (cli) => {
          cli(tenantCreateArgs());
          cli(accountCreateArgs(JINJI));
          cli([...accountCreateArgs(SATO), '--employee-number', 'E001', '--kana', 'さとう はなこ']);
        },
        page: { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
        failedShotPrefix: 'profile-sheet',
        database,
      },
      (j) => {
        server = j.server;
        page = j.page;
      },
    );

    const main = () => page.getByRole('main');
    const dialog = () => page.getByRole('dialog');

    it('人事 saves the 個人プロフィール出力設定, refused 表示件数 11 first', async () => {
      await logInAsAdmin(page, server.url);
      const { items } = await apiJson<{ items: { userId: string }[] }>(
        page,
        server.url,
        'GET',
        '/api/v1/access/accounts?q=jinji',
      );
      await apiJson(page, server.url, 'PUT', '/api/v1/access/roles/hr_admin/members', { add: [items[0]!.userId] });
      await logInAs(page, JINJI.loginId, JINJI.password);
      await page.waitForURL('**/admin');
      await page.getByRole('navigation').getByText('従業員', { exact: true }).first().click();
      // the 従業員 group opens with an animation, and a click during it can land nowhere: under load 7 the
      // page stayed on ホーム with the link shown (profile-sheet-failed-人事…png of that run). Click until the
      // route changes; what the page then shows is checked as before.
      const settingsLink = page.getByRole('link', { name: '個人プロフィール出力設定' });
      for (let i = 0; i < 5 && !page.url().endsWith('/admin/employees/profile-settings'); i++) {
        await settingsLink.click();
        await page.waitForURL('**/admin/employees/profile-settings', { timeout: 3_000 }).catch(() => {});
      }
      await main().getByRole('heading', { name: '個人プロフィール出力設定' }).waitFor();
      await main().getByRole('checkbox', { name: '個人情報（本名、生年月日、性別）' }).check();
      const limit = main().getByRole('textbox', { name: '表示件数（3件~10件）' }).first();
      await limit.fill('11');
      await main().getByRole('button', { name: '保存する' }).click();
      await main().getByText('応対記録の表示件数は3件から10件の範囲で指定してください').waitFor();
      await shot(page, 'profile-sheet-01-settings-error');
      await limit.fill('5');
      await main().getByRole('button', { name: '保存する' }).click();
      await main().getByText('保存しました').waitFor();
      await shot(page, 'profile-sheet-02-settings-saved');
    });

    it('【個人プロフィール出力】 on 佐藤 花子 downloads her sheet', async () => {
      const id = await employeeIdByNumber(page, server.url, 'E001');
      await page.goto(`${server.url}/admin/employees/${id}`);
      await main().getByRole('heading', { name: '佐藤 花子' }).waitFor();
      await main().getByRole('button', { name: '個人プロフィール出力' }).click();
      await dialog().getByRole('checkbox', { name: '個人情報（本名、生年月日、性別）' }).waitFor();
      expect(await dialog().getByRole('checkbox', { name: '個人情報（本名、生年月日、性別）' }).isChecked()).toBe(true);
      await shot(page, 'profile-sheet-03-output-dialog');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog().getByRole('button', { name: 'PDFを出力する' }).click(),
      ]);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'profile-e2e-')), 'sheet.pdf');
      await download.saveAs(file);
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('佐藤 花子');
      expect(text).toContain('出力者：人事 太郎');
      expect(text.replace(/\s+/g, '')).toContain('現住所*****');
      await shot(page, 'profile-sheet-04-detail');
    });
  },
);
