import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { logInAsAdmin } from './support/session';

const YEAR = new Date().getFullYear();

describe.skipIf(!hasChromium)('コード設定: 社員番号 by rule, live preview, validation', () => {
  let server: TestServer;
  let page: Page;

  useJourney({ page: { viewport: { width: 1280, height: 900 } }, createTenant: true }, (j) => {
    server = j.server;
    page = j.page;
  });

  const numberSection = () => page.getByRole('region', { name: '社員番号', exact: true });
  const loginSection = () => page.getByRole('region', { name: 'ログインID', exact: true });

  it('opens コード設定 under システム管理 in view mode', async () => {
    await logInAsAdmin(page, server.url);
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('button', { name: 'システム管理' }).click();
    await nav.getByRole('link', { name: 'コード設定' }).click();
    await page.getByRole('heading', { name: 'コード設定' }).waitFor();
    await page.getByText('※Aタイプ（WEBinsourceの利用者データを使用する）場合は、ログインIDは「直接入力」').waitFor();
    await page
      .getByRole('table', { name: 'ログインID' })
      .getByText('生成条件に従って、ログインIDを作成します。')
      .first()
      .waitFor();
    await shot(page, 'codes-01-view');
  });

  it('sets 社員番号 to ユーザー設定 and previews EMP + year + 0001', async () => {
    await page.getByRole('button', { name: '編集' }).click();
    await numberSection().getByLabel('ユーザー設定').check();
    await numberSection().getByLabel('接頭辞').fill('EMP');
    await numberSection().getByLabel('入社年を含める').check();
    await numberSection().getByLabel('連番の桁数').fill('4');
    await numberSection().getByText(`EMP${YEAR}0001`, { exact: true }).waitFor();
    await shot(page, 'codes-02-edit-preview');

    // ログインID = 社員番号 previews the same string.
    await loginSection().getByLabel('社員番号').check();
    await loginSection().getByText(`EMP${YEAR}0001`, { exact: true }).waitFor();
    await shot(page, 'codes-03-login-id-same-as-number');
  });

  it('rejects a width of 0 with the Japanese message', async () => {
    await numberSection().getByLabel('連番の桁数').fill('0');
    await page.getByRole('button', { name: '更新' }).click();
    await numberSection().getByText('連番の桁数は1以上で入力してください').waitFor();
    await shot(page, 'codes-04-invalid-width');
  });

  it('saves and shows the rule in view mode', async () => {
    await numberSection().getByLabel('連番の桁数').fill('4');
    await page.getByRole('button', { name: '更新' }).click();
    await page.getByText('更新しました').waitFor();
    await page.getByRole('button', { name: '編集' }).waitFor();
    const view = page.getByRole('main').getByRole('table').first();
    await view.getByText('接頭辞：EMP／入社年：含める／連番の桁数：4桁').waitFor();
    expect(await view.getByText(`EMP${YEAR}0001`).count()).toBe(2); // 社員番号 and ログインID (= 社員番号)
    await shot(page, 'codes-05-saved');

    // persisted on the server
    await page.reload();
    await page.getByText('接頭辞：EMP／入社年：含める／連番の桁数：4桁').waitFor();
  });
});
