// The training system as `npm start` serves it (scripts/serve.ts: HR and training over one PGlite): `npm run
// jinji -- demo` prints the training login, which signs in; after the login the deep link it was sent from
// opens (公開講座, with the demo catalog); every menu page opens with its heading and none is 準備中 any more;
// the same at 375 px without a horizontal scroll.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, shot } from './support/browser';
import { useTrainingDemo } from './support/training';

const MENU = ['利用者情報', '公開講座', '申込一覧', '承認待ち', '研修・サービス購入履歴', '受講者詳細', '連携設定'];

describe.skipIf(!hasChromium)('training: the demo login from `jinji demo` signs in; every menu page opens', () => {
  const demo = useTrainingDemo('training');
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const trainingPassword = () => {
    const { demoOutput, password } = demo.get();
    const training = demoOutput.slice(demoOutput.indexOf('研修申込システム'));
    expect(training).toContain('組織コード: demo');
    expect(training).toContain('ログインID: admin');
    return password;
  };

  async function signIn(page: Page, width: number): Promise<void> {
    await page.goto(`${demo.get().server.urls.TRAINING_PORT}/courses`);
    await page.waitForURL(/\/login/); // signed out: the guard sends every page to the login
    await page.getByLabel('組織コード').fill('demo');
    await page.getByLabel('ログインID').fill('admin');
    await page.getByLabel('パスワード', { exact: true }).fill(trainingPassword());
    await shot(page, `training-01-login-${width}`);
    await page.getByRole('button', { name: 'ログイン' }).click();
    // back to the page the guard sent to the login: 公開講座 with the demo catalog
    await page.waitForURL(/\/courses/);
    await page.getByRole('heading', { name: '公開講座' }).waitFor();
  }

  it('prints both logins, HR and training', () => {
    const { demoOutput } = demo.get();
    expect(demoOutput).toContain('企業コード: demo');
    expect(demoOutput).toContain('組織コード: demo');
    expect(demoOutput).toMatch(/研修申込システム \(training\): http:\/\/localhost:\d+/);
  });

  it('at 1280 px: signs in and opens every menu page, none of them 準備中', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    await signIn(page, 1280);
    for (const [i, label] of MENU.entries()) {
      await page.getByRole('navigation').getByRole('link', { name: label }).click();
      await page.getByRole('heading', { name: label }).waitFor();
      await page.waitForLoadState('networkidle');
      // (a demo course is titled 「…（準備中）」: look for the coming-soon page's own text)
      expect(await page.getByText('この機能は準備中です。').count(), label).toBe(0);
      if (i === 0 || i === 1 || i === MENU.length - 1) await shot(page, `training-02-${i}-menu-1280`);
    }
    await page.close();
  });

  it('at 375 px: signs in; the page reads without a horizontal scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    page.setDefaultTimeout(15_000);
    await signIn(page, 375);
    await page.goto(`${demo.get().server.urls.TRAINING_PORT}/approvals`);
    await page.getByRole('heading', { name: '承認待ち' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'training-03-approvals-375');
    await page.close();
  });
});
