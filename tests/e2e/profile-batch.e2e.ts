// 個人プロフィール一括出力 as 人事 does it: on 従業員一覧 pick employees, 【個人プロフィール一括出力】, choose the personal
// items, start, watch n / total, then 【ダウンロード】 one ZIP whose entries are <社員番号>_<氏名>.pdf.
import { readFileSync } from 'node:fs';
import { journeyDatabases, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { addRoleMember, openRolePage } from './support/roles';
import { apiJson, logInAs, logInAsAdmin, logOut } from './support/session';

const HR = { loginId: 'hanako', password: 'Hr-Editor-2026!', name: '人事 花子', email: 'hanako@acme.example.jp' };

const PEOPLE = [
  { number: 'B001', last: '青木', first: '陽菜', kana: ['あおき', 'ひな'] },
  { number: 'B002', last: '石井', first: '蓮', kana: ['いしい', 'れん'] },
  { number: 'B003', last: '上田', first: '結衣', kana: ['うえだ', 'ゆい'] },
];

function zipEntries(bytes: Buffer): Promise<{ name: string; isUtf8: boolean; head: string }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: { name: string; isUtf8: boolean; head: string }[] = [];
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => {
            out.push({
              name: e.fileName,
              isUtf8: (e.generalPurposeBitFlag & 0x800) !== 0,
              head: Buffer.concat(parts).subarray(0, 5).toString(),
            });
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe.skipIf(!hasChromium).each(journeyDatabases())('個人プロフィール一括出力 (%s)', (database) => {
  let server: TestServer;
  let page: Page;
  useJourney(
    {
      prepare: prepareTenant(HR),
      page: { viewport: { width: 1280, height: 900 }, acceptDownloads: true },
      failedShotPrefix: 'profile-batch',
      database,
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );
  const main = () => page.getByRole('main');
  const dialog = () => page.getByRole('dialog');

  it('人事 花子 (人事管理者) has three employees', async () => {
    await logInAsAdmin(page, server.url);
    await openRolePage(page, server.url, 'hr_admin', '人事管理者');
    await addRoleMember(page, HR);
    await logOut(page);
    await logInAs(page, HR.loginId, HR.password);
    await page.waitForURL('**/admin');
    for (const p of PEOPLE)
      await apiJson(page, server.url, 'POST', '/api/v1/employees', {
        employeeNumber: p.number,
        lastName: p.last,
        firstName: p.first,
        lastNameKana: p.kana[0],
        firstNameKana: p.kana[1],
        birthDate: '1992-05-05',
        gender: '回答しない',
        hireDate: '2024-04-01',
      });
  });

  it('picks two on 従業員一覧, starts 個人プロフィール一括出力 with one personal item unticked, sees n / total', async () => {
    await page.goto(`${server.url}/admin/employees`);
    const table = main().getByRole('table', { name: '従業員一覧' });
    await table.getByText('青木 陽菜').waitFor();
    await table.getByLabel('青木 陽菜を選択').check();
    await table.getByLabel('上田 結衣を選択').check();
    await main().getByText('2人を選択中').waitFor();
    await shot(page, 'profile-batch-01-selected');
    await main().getByRole('button', { name: '個人プロフィール一括出力' }).click();
    await dialog().getByText('選択した2人の個人プロフィールを').waitFor();
    await dialog().getByLabel('住所').uncheck();
    await shot(page, 'profile-batch-02-dialog');
    await dialog().getByRole('button', { name: '出力を開始' }).click();
    await dialog()
      .getByText(/作成中… \d \/ 2人|作成しました：2 \/ 2人/)
      .waitFor();
    await dialog().getByText('作成しました：2 / 2人').waitFor({ timeout: 60_000 });
    await dialog()
      .getByText(/ダウンロードできるのは \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/)
      .waitFor();
    await shot(page, 'profile-batch-03-done');
  }, 90_000);

  it('【ダウンロード】 gives one ZIP of <社員番号>_<氏名>.pdf with UTF-8 names', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog().getByRole('button', { name: 'ダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^個人プロフィール_\d{8}_2人\.zip$/);
    const entries = await zipEntries(readFileSync((await download.path())!));
    expect(entries.map((e) => e.name)).toEqual(['B001_青木陽菜.pdf', 'B003_上田結衣.pdf']);
    expect(entries.every((e) => e.isUtf8 && e.head === '%PDF-')).toBe(true);
    await dialog().getByRole('button', { name: '閉じる' }).click();
    await shot(page, 'profile-batch-04-closed');
  }, 60_000);
});
