import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASSWORD, alertText, fillLogin } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';

const NEW_PASSWORD = 'Kj7#mPq2-Lw9xZv';

describe.skipIf(!hasChromium)('setup → login → password policy → password change', () => {
  let server: TestServer;
  let page: Page;

  useJourney({ page: { viewport: { width: 1280, height: 800 } } }, (j) => {
    server = j.server;
    page = j.page;
  });

  it('an empty database opens the initial setup', async () => {
    await page.goto(`${server.url}/`);
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { name: '初期設定' }).waitFor();
    expect(await page.title()).toContain('初期設定');
    expect(await page.getByText('最小文字数：8文字以上').isVisible()).toBe(true);
    await shot(page, '01-setup');
  });

  it('creates the organisation and its administrator', async () => {
    await page.getByLabel('企業コード').fill(ADMIN.tenantCode);
    await page.getByLabel('企業名').fill(ADMIN.tenantName);
    await page.getByLabel('管理者ログインID').fill(ADMIN.loginId);
    await page.getByLabel('管理者メールアドレス').fill(ADMIN.email);
    await page.getByLabel('パスワード', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('パスワード（確認）').fill(ADMIN_PASSWORD);
    await shot(page, '02-setup-filled');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL('**/login?**');
    await page.getByText('初期設定が完了しました').waitFor();
    // the setup form has a 企業コード too: read the field only once the login screen is there
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    expect(await page.getByLabel('企業コード').inputValue()).toBe(ADMIN.tenantCode);
    await shot(page, '03-login-prefilled');
  });

  it('logs in to the admin home', async () => {
    await fillLogin(page, ADMIN_PASSWORD);
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: `${ADMIN.tenantName} の人事管理へようこそ` }).waitFor();
    // the first account is システム管理者 only: the home page says how to start registering employees
    await page.getByText('はじめに：従業員を登録するには').waitFor();
    await shot(page, '04-admin-home');
  });

  it('lists no employees yet; a screen the matrix does not allow shows 権限がありません', async () => {
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('button', { name: '従業員', exact: true }).click();
    await nav.getByRole('link', { name: '従業員一覧' }).click();
    await page.getByRole('heading', { name: '従業員一覧' }).waitFor();
    await page.getByText('従業員が登録されていません。').waitFor();
    await shot(page, '04b-employees-empty');

    // システム管理者 may view employees but not register them (matrix: 従業員 新規登録・編集 -).
    expect(await nav.getByRole('link', { name: '従業員 新規登録' }).count()).toBe(0);
    await page.goto(page.url().replace(/\/admin\/employees$/, '/admin/employees/new'));
    await page.getByRole('heading', { name: '従業員 新規登録' }).waitFor();
    await page.getByText('この画面を表示する権限がありません').waitFor();
    await shot(page, '04c-forbidden');
  });

  it('sets the password policy under システム管理', async () => {
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await nav.getByRole('button', { name: 'システム管理' }).click();
    await nav.getByRole('link', { name: 'パスワードポリシー設定' }).click();
    await page.getByRole('heading', { name: 'パスワードポリシー設定' }).waitFor();
    await page.getByText('設定されていないため、既定値（各項目の最小値）が有効です').waitFor();
    await shot(page, '05-policy-view-default');

    await page.getByRole('button', { name: '編集' }).click();
    await page.getByLabel('最小文字数').fill('12');
    await page.getByLabel('大文字の最小使用数').fill('1');
    await page.getByLabel('数値の最小使用数').fill('1');
    await page.getByLabel('記号の最小使用数').fill('1');
    await shot(page, '06-policy-edit');
    await page.getByRole('button', { name: '更新' }).click();
    await page.getByText('更新しました').waitFor();
    await page.getByRole('cell', { name: '12文字' }).waitFor();
    await shot(page, '07-policy-updated');
  });

  it('shows the policy and every violated rule on the password change page', async () => {
    await page.getByRole('link', { name: 'パスワード変更' }).click();
    await page.waitForURL('**/password');
    for (const line of ['最小文字数：12文字以上', '大文字：1文字以上', '数値：1文字以上', '記号：1文字以上']) {
      await page.getByText(`・${line}`).waitFor();
    }
    await page.getByText('※ログインIDを含むことはできません').waitFor();

    await page.getByLabel('新しいパスワード', { exact: true }).fill('short');
    await page.getByText('12文字以上で入力してください').waitFor();
    await page.getByText('大文字を1文字以上含めてください').waitFor();
    await page.getByText('数値を1文字以上含めてください').waitFor();
    await shot(page, '08-password-violations');

    await page.getByLabel('新しいパスワード', { exact: true }).fill('Xadmin#123456');
    await page.getByText('ログインIDを含むことはできません', { exact: true }).waitFor();
    expect(await page.getByText('12文字以上で入力してください').count()).toBe(0);
    await shot(page, '09-password-contains-login-id');
  });

  it('changes the password', async () => {
    await page.getByLabel('現在のパスワード').fill(ADMIN_PASSWORD);
    await page.getByLabel('新しいパスワード', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('新しいパスワード（確認）').fill(NEW_PASSWORD);
    expect(await page.getByText('次の要件を満たしていません').count()).toBe(0);
    await page.getByRole('button', { name: '変更する' }).click();
    await page.getByText('パスワードを変更しました').waitFor();
    await page.waitForURL('**/admin');
    await shot(page, '10-password-changed');
  });

  it('refuses the old password and accepts the new one', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL('**/login');
    await fillLogin(page, ADMIN_PASSWORD);
    await page.getByRole('main').getByRole('alert').waitFor();
    expect(await alertText(page)).toContain('企業コード、ログインIDまたはパスワードが正しくありません');
    await shot(page, '11-login-old-password-refused');

    await fillLogin(page, NEW_PASSWORD);
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: `${ADMIN.tenantName} の人事管理へようこそ` }).waitFor();
    await shot(page, '12-login-new-password');
  });
});
