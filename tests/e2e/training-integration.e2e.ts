// 連携設定 in a real browser, served as `npm start` serves it: the training 管理者 issues a SCIM token (shown
// once, copied with the button), HR's side uses it on /scim/v2 to create a user, the list shows when it
// was last used; 再発行 shows a new token and the old one stops working; 失効 stops the new one too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, shot } from './support/browser';
import { repoRoot } from './support/paths';

const withoutDatabaseUrl = ({ DATABASE_URL: _, ...env }: NodeJS.ProcessEnv) => env; // e2e runs on PGlite

describe.skipIf(!hasChromium)('training 連携設定: issue, use, reissue and revoke a SCIM token', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-e2e-integration-'));
  let demoOutput = '';
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer({
      repoRoot,
      script: 'scripts/serve.ts',
      portEnv: ['PORT', 'TRAINING_PORT'],
      dataDirEnv: 'JINJI_DATA_DIR',
      env: { JINJI_DATA_DIR: dataDir },
      prepare: () => {
        demoOutput = execFileSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/jinji.ts', 'demo'], {
          cwd: repoRoot,
          env: { ...withoutDatabaseUrl(process.env), JINJI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
          encoding: 'utf8',
        });
      },
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.urls.TRAINING_PORT });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const base = () => server.urls.TRAINING_PORT!;
  const scim = (token: string, method: string, url: string, body?: unknown) =>
    fetch(`${base()}/scim/v2${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const revokedBadges = () => page.getByRole('table').locator('.mantine-Badge-root', { hasText: /^失効$/ });
  const shownToken = async () => (await page.getByLabel('トークン', { exact: true }).textContent())!.trim();

  it('an administrator signs in and opens 連携設定: the endpoint, and no token yet', async () => {
    const password = /パスワード: (\S+)/.exec(demoOutput.slice(demoOutput.indexOf('研修申込システム')))![1]!;
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
