// 連携設定 in a real browser, served as `npm start` serves it: the training 管理者 issues a SCIM token (shown
// once, copied with the button), HR's side uses it on /scim/v2 to create a user, the list shows when it
// was last used; 再発行 shows a new token and the old one stops working; 失効 stops the new one too.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, shot } from './support/browser';
import { useTrainingDemo } from './support/training';

describe.skipIf(!hasChromium)('training 連携設定: issue, use, reissue and revoke a SCIM token', () => {
  const demo = useTrainingDemo('integration');
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base() });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const base = () => demo.get().server.urls.TRAINING_PORT!;
  const scim = (token: string, method: string, url: string, body?: unknown) =>
    fetch(`${base()}/scim/v2${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const revokedBadges = () => page.getByRole('table').locator('.mantine-Badge-root', { hasText: /^失効$/ });
  const shownToken = async () => (await page.getByLabel('トークン', { exact: true }).textContent())!.trim();

  it('an administrator signs in and opens 連携設定: the endpoint, and no token yet', async () => {
    const { password } = demo.get();
    await page.goto(`${base()}/login`);
    await page.getByLabel('組織コード').fill('demo');
    await page.getByLabel('ログインID').fill('admin');
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('navigation').getByRole('link', { name: '連携設定' }).click();
    await page.getByRole('heading', { name: '連携設定' }).waitFor();
    await expect(page.getByLabel('SCIM エンドポイント').textContent()).resolves.toBe(`${base()}/scim/v2`);
    await page.getByText('発行したトークンはありません').waitFor();
    await shot(page, 'training-integration-01-empty');
  });

  let first = '';
  it('「トークンを発行」 shows the token once, copies it, and HR can provision a user with it', async () => {
    await page.getByLabel('名称').fill('人事管理システム');
    await page.getByRole('button', { name: 'トークンを発行' }).click();
    await page.getByRole('dialog', { name: 'トークンを発行しました' }).waitFor();
    first = await shownToken();
    expect(first).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    await page.getByRole('dialog').getByRole('button', { name: 'コピー' }).click();
    await page.getByRole('button', { name: 'コピーしました' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(first);
    await shot(page, 'training-integration-02-issued');
    await page.getByRole('button', { name: '閉じる' }).click();
    // the list never shows the token again
    await page.getByRole('table', { name: '発行済みトークン' }).waitFor();
    expect(await page.content()).not.toContain(first.split('.')[1]);

    const created = await scim(first, 'POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'hr-0001',
      externalId: 'E0001',
      name: { familyName: '山田', givenName: '花子' },
      emails: [{ value: 'yamada@example.co.jp', primary: true }],
    });
    expect(created.status).toBe(201);
    await page.reload();
    const row = page.getByRole('row', { name: /人事管理システム/ });
    await row.getByText('有効').waitFor();
    await expect(row.getByText('未使用').count()).resolves.toBe(0);
  });

  it('再発行 asks first, shows a new token, and the old one is refused at once', async () => {
    await page
      .getByRole('row', { name: /人事管理システム/ })
      .getByRole('button', { name: '再発行' })
      .click();
    await page.getByRole('dialog', { name: 'トークンを再発行しますか？' }).waitFor();
    await page.waitForTimeout(300); // the dialog's fade-in
    await shot(page, 'training-integration-03-rotate-confirm');
    await page.getByRole('dialog').getByRole('button', { name: '再発行' }).click();
    await page.getByRole('dialog', { name: 'トークンを発行しました' }).waitFor();
    const second = await shownToken();
    expect(second).not.toBe(first);
    await page.getByRole('button', { name: '閉じる' }).click();
    expect((await scim(first, 'GET', '/Users')).status).toBe(401);
    expect((await scim(second, 'GET', '/Users')).status).toBe(200);
    await revokedBadges().first().waitFor();
    await expect(revokedBadges().count()).resolves.toBe(1);

    await page.getByRole('row', { name: /有効/ }).getByRole('button', { name: '失効' }).click();
    await page.getByRole('dialog', { name: 'トークンを失効しますか？' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '失効' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await revokedBadges().nth(1).waitFor();
    await expect(revokedBadges().count()).resolves.toBe(2);
    expect((await scim(second, 'GET', '/Users')).status).toBe(401);
    await shot(page, 'training-integration-04-revoked');
  });
});
