// Decision 004 "Lockout": the login form answers a wrong password, an unknown ID and a locked
// account with one message; a システム管理者 sees the lock and lifts it with 【ロック解除】.

import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, alertText, fillLogin, prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { openRoleFromMatrix } from './support/roles';
import { logInAs, logInAsAdmin } from './support/session';

const ONE_MESSAGE =
  '企業コード、ログインIDまたはパスワードが正しくありません。続けて失敗すると一定時間ログインできなくなります';
const THRESHOLD = 10; // the default JINJI_LOGIN_LOCK_THRESHOLD
const STAFF = { loginId: 'tanaka', password: 'Hk4#pRw8-Tz2mQx', name: '田中 花子', email: 'tanaka@acme.example.jp' };

describe.skipIf(!hasChromium)('lockout: one answer for everything, 【ロック解除】 by the システム管理者', () => {
  let server: TestServer;
  let page: Page;

  useJourney(
    {
      prepare: prepareTenant(STAFF),
      // long enough that only 【ロック解除】 can end it during the journey
      env: { JINJI_LOGIN_LOCK_SECONDS: '900' },
      page: { viewport: { width: 1280, height: 800 } },
      logPageErrors: false,
      failedShotPrefix: 'lockout',
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  /** Submits the login form and waits for this attempt's answer in the error Alert. */
  async function answerOf(password: string, loginId = STAFF.loginId): Promise<string> {
    const responded = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await fillLogin(page, password, ADMIN.tenantCode, loginId);
    expect((await responded).status()).toBe(401);
    await page.getByRole('main').getByRole('alert').waitFor();
    return alertText(page);
  }

  it('answers wrong passwords, an unknown ID and the locked account with the same message', async () => {
    await page.goto(`${server.url}/login`);
    const answers = new Set<string>();
    for (let i = 1; i <= THRESHOLD; i++) {
      answers.add(await answerOf(`Wrong-password-${i}`));
      if (i === 1) await shot(page, 'lockout-01-wrong-password');
    }
    answers.add(await answerOf('Wrong-password-x', 'nobody'));
    // now locked from this browser: even the right password gets the same answer
    answers.add(await answerOf(STAFF.password));
    expect(answers.size).toBe(1); // the Alert's title and message, identical every time
    expect([...answers][0]).toContain(ONE_MESSAGE);
    expect([...answers][0]).not.toContain('ロック');
    expect(page.url()).toContain('/login');
    await shot(page, 'lockout-02-locked-right-password-refused');
  });

  it('the システム管理者 sees ロック中 in アクセス権限管理 and lifts it with 【ロック解除】', async () => {
    await logInAsAdmin(page, server.url); // another account: the lock is per account
    await openRoleFromMatrix(page, server.url, '人事管理者');
    await page.getByRole('button', { name: '編集' }).click();
    await page.getByRole('button', { name: '対象者を追加' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('ログインID・氏名・メール').fill(STAFF.loginId);
    await dialog.getByRole('button', { name: '検索' }).click();
    await dialog.getByText(/^ロック中（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}まで）$/).waitFor();
    await shot(page, 'lockout-03-locked-in-search');
    await dialog.getByRole('button', { name: `${STAFF.name}のロックを解除` }).click();
    await dialog.getByText(/^ロック中/).waitFor({ state: 'detached' });
    await shot(page, 'lockout-04-unlocked');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
  });

  it('the owner logs in straight after', async () => {
    await logInAs(page, STAFF.loginId, STAFF.password);
    await page.waitForURL('**/my');
    await shot(page, 'lockout-05-owner-logged-in');
  });
});
