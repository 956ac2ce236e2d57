// アクセス権限管理: opening a role and adding an account to it (対象者を追加 → 適用 → 更新).
import type { Locator, Page } from 'playwright-core';

export type TMember = { loginId: string; name: string };

/** A role's page by its URL key (`hr_admin`), waiting for 「<label>（アクセス権限）」. */
export async function openRolePage(page: Page, baseUrl: string, key: string, label: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/system/access/${key}`);
  await page.getByRole('heading', { name: `${label}（アクセス権限）` }).waitFor();
}

/** A role's page through the matrix's 「<label>の詳細」 link. */
export async function openRoleFromMatrix(page: Page, baseUrl: string, label: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/system/access`);
  await page.getByRole('heading', { name: 'アクセス権限管理' }).waitFor();
  await page.getByRole('link', { name: `${label}の詳細` }).click();
  await page.getByRole('heading', { name: `${label}（アクセス権限）` }).waitFor();
}

/**
 * On an open role page: 編集 → 対象者を追加 → search the account → check it → 適用 → 更新, waiting for
 * 「更新しました」. The hooks run at their step, for a journey's own checks and screenshots.
 */
export async function addRoleMember(
  page: Page,
  member: TMember,
  steps: {
    afterSearch?: (dialog: Locator) => Promise<void>;
    afterSelect?: () => Promise<void>;
    beforeUpdate?: () => Promise<void>;
  } = {},
): Promise<void> {
  await page.getByRole('button', { name: '編集' }).click();
  await page.getByRole('button', { name: '対象者を追加' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('ログインID・氏名・メール').fill(member.loginId);
  await dialog.getByRole('button', { name: '検索' }).click();
  await steps.afterSearch?.(dialog);
  await dialog.getByLabel(`${member.name}を選択`).check();
  await steps.afterSelect?.();
  await dialog.getByRole('button', { name: '適用' }).click();
  await dialog.waitFor({ state: 'detached' });
  await steps.beforeUpdate?.();
  await page.getByRole('button', { name: '更新' }).click();
  await page.getByText('更新しました').waitFor();
}
