import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, alertText, fillLogin } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { LOGIN_LOCK_SECONDS, type TestServer } from './support/server';

const INVALID_CREDENTIALS = '企業コード、ログインIDまたはパスワードが正しくありません';
const MAX_ATTEMPTS = 30; // well above the default threshold of 10; we stop at the first lock message

describe.skipIf(!hasChromium)('account lockout after repeated failures', () => {
  let server: TestServer;
  let page: Page;

  useJourney({ page: { viewport: { width: 1280, height: 800 } }, logPageErrors: false, createTenant: true }, (j) => {
    server = j.server;
    page = j.page;
  });

  /** Submits the login form and waits for the error Alert to show this attempt's answer. */
  async function failLogin(password: string): Promise<string> {
    const responded = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await fillLogin(page, password);
    await responded;
    await page.getByRole('main').getByRole('alert').waitFor();
    return alertText(page);
  }

  it('locks the account after the threshold of wrong passwords', async () => {
    await page.goto(`${server.url}/login`);
    let message = '';
    let attempts = 0;
    while (!message.includes('ロック') && attempts < MAX_ATTEMPTS) {
      attempts += 1;
      message = await failLogin(`Wrong-password-${attempts}`);
      if (!message.includes('ロック')) expect(message).toContain(INVALID_CREDENTIALS);
      if (attempts === 1) await shot(page, 'lockout-01-wrong-password');
    }
    expect(message).toContain('ロック');
    console.log(`[e2e] locked after ${attempts} attempts: ${message}`);
    await shot(page, 'lockout-02-locked');
  });

  it('refuses even the right password while locked', async () => {
    const message = await failLogin(ADMIN_PASSWORD);
    expect(message).toContain('ロック');
    expect(page.url()).toContain('/login');
    await shot(page, 'lockout-03-right-password-refused');
  });

  it('accepts the right password once the lock has expired', async () => {
    await new Promise((r) => setTimeout(r, (LOGIN_LOCK_SECONDS + 1) * 1000));
    await fillLogin(page, ADMIN_PASSWORD);
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: /の人事管理へようこそ/ }).waitFor();
    await shot(page, 'lockout-04-unlocked');
  });
});
