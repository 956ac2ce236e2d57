import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASSWORD, prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { addRoleMember, openRoleFromMatrix } from './support/roles';
import { logInAs, logInAsAdmin } from './support/session';

const STAFF = { loginId: 'tanaka', password: 'Hk4#pRw8-Tz2mQx', name: '田中 花子', email: 'tanaka@acme.example.jp' };

describe.skipIf(!hasChromium)('アクセス権限管理: matrix, 人事管理者 members, menus follow permissions', () => {
  let server: TestServer;
  let page: Page;

  useJourney(
    { prepare: prepareTenant(STAFF), page: { viewport: { width: 1280, height: 900 } }, failedShotPrefix: 'access' },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  const nav = () => page.getByRole('navigation', { name: 'メインメニュー' });
  const members = () => page.getByRole('table', { name: '対象者一覧' });

  it('shows the matrix with ○ / - as the seed does', async () => {
    await logInAsAdmin(page, server.url);
    await nav().getByRole('button', { name: 'システム管理' }).click();
    await nav().getByRole('link', { name: 'アクセス権限管理' }).click();
    await page.getByRole('heading', { name: 'アクセス権限管理' }).waitFor();

    const row = page.locator('tr[data-permission="masters.view"]');
    await row.getByText('マスタメンテナンス一覧').waitFor();
    const mark = async (role: string) =>
      (await row.getByRole('cell', { name: new RegExp(`^${role}:`) }).textContent())?.trim();
    expect(await mark('システム管理者')).toBe('○');
    expect(await mark('人事管理者')).toBe('○');
    expect(await mark('従業員管理者')).toBe('-');
    await shot(page, 'access-01-matrix');
  });

  it('adds the second account to 人事管理者 (対象者を追加 → 適用 → 更新)', async () => {
    await page.getByRole('link', { name: '人事管理者の詳細' }).click();
    await page.getByRole('heading', { name: '人事管理者（アクセス権限）' }).waitFor();
    await page.getByText('対象者はいません。').waitFor();
    await addRoleMember(page, STAFF, {
      afterSearch: (dialog) => dialog.getByRole('cell', { name: STAFF.name, exact: true }).waitFor(),
      afterSelect: () => shot(page, 'access-02-search'),
      beforeUpdate: async () => {
        await members().getByText('追加予定').waitFor();
        await members()
          .getByRole('button', { name: `${STAFF.name}の追加を解除` })
          .waitFor();
        await shot(page, 'access-03-pending');
      },
    });
    await members().getByRole('cell', { name: STAFF.loginId, exact: true }).waitFor();
    expect(await members().getByText('追加予定').count()).toBe(0);
    expect(await page.getByRole('button', { name: '編集' }).isVisible()).toBe(true);
    await shot(page, 'access-04-member-added');
  });

  it('the member sees マスタメンテナンス but not コード設定 / アクセス権限管理', async () => {
    await logInAs(page, STAFF.loginId, STAFF.password);
    await page.waitForURL('**/admin');
    await nav().getByRole('link', { name: 'マスタメンテナンス', exact: true }).waitFor();
    expect(await nav().getByText('コード設定').count()).toBe(0);
    expect(await nav().getByText('アクセス権限管理').count()).toBe(0);
    expect(await nav().getByText('システム管理').count()).toBe(0);
    await shot(page, 'access-05-hr-admin-menu');

    await page.goto(`${server.url}/admin/system/access`);
    await page.getByText('この画面を表示する権限がありません').waitFor();
    await shot(page, 'access-06-forbidden');
  });

  it('the admin removes the member (削除 + 更新)', async () => {
    await logInAs(page, ADMIN.loginId, ADMIN_PASSWORD);
    await page.waitForURL('**/admin');
    await openRoleFromMatrix(page, server.url, '人事管理者');
    await page.getByRole('button', { name: '編集' }).click();
    await members().getByLabel(`${STAFF.name}を削除`).check();
    await shot(page, 'access-07-remove-checked');
    await page.getByRole('button', { name: '更新' }).click();
    await page.getByText('更新しました').waitFor();
    await page.getByText('対象者はいません。').waitFor();
    await shot(page, 'access-08-member-removed');
  });

  it('without a role the account lands in My STORY', async () => {
    await logInAs(page, STAFF.loginId, STAFF.password);
    await page.waitForURL('**/my');
    expect(await page.getByRole('link', { name: '管理画面' }).count()).toBe(0);
    await shot(page, 'access-09-my-story');

    await page.goto(`${server.url}/admin/masters`);
    await page.waitForURL('**/my');
  });
});
