import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, fillLogin } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';

const WIDTH = 375;

describe.skipIf(!hasChromium)('My STORY on a phone-sized screen', () => {
  let server: TestServer;
  let page: Page;

  useJourney(
    {
      page: { viewport: { width: WIDTH, height: 812 }, isMobile: true, hasTouch: true },
      logPageErrors: false,
      createTenant: true,
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

  it('logs in without horizontal overflow', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(WIDTH);
    await shot(page, 'mobile-01-login');

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, 'mobile-01-login-english');
    await page.getByText('日本語', { exact: true }).click();
    await page.getByRole('button', { name: 'ログイン' }).waitFor();
    await fillLogin(page, ADMIN_PASSWORD);
    await page.waitForURL('**/admin');
  });

  it('shows マイページ (here: no employee record for the administrator) and fits 375 px', async () => {
    await page.goto(`${server.url}/my`);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    // the setup administrator has no employee record: マイページ says so (an employee's is my-page.e2e.ts)
    await page.getByRole('alert').getByText('従業員情報が登録されていない', { exact: false }).waitFor();
    await page.getByRole('heading', { name: '直近の予定・履歴' }).waitFor();
    await page.getByRole('heading', { name: '公開講座を探す' }).waitFor();
    await page.getByRole('link', { name: '管理画面' }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(WIDTH);
    // The header is position: fixed, so it would not widen the page: check its last button directly.
    const logout = await page.getByRole('button', { name: 'ログアウト' }).boundingBox();
    expect(logout && logout.x + logout.width).toBeLessThanOrEqual(WIDTH);
    await shot(page, 'mobile-02-my-story');
  });

  it('reaches パスワード変更 through the header menu', async () => {
    expect(await page.getByRole('link', { name: 'パスワード変更' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: 'ユーザーメニュー' }).click();
    await page.getByRole('menuitem', { name: 'パスワード変更' }).waitFor();
    await shot(page, 'mobile-03-menu');
    await page.getByRole('menuitem', { name: 'パスワード変更' }).click();
    await page.waitForURL('**/password');
    await page.getByRole('heading', { name: 'パスワード変更' }).waitFor();
    expect(await scrollWidth()).toBeLessThanOrEqual(WIDTH);
    await shot(page, 'mobile-04-password');
  });
});
