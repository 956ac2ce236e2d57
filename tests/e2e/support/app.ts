// Steps shared by the journeys, phrased as a user acts (labels and button names of the UI).

import type { TCli } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';

export const ADMIN = {
  tenantCode: 'acme',
  tenantName: '株式会社アクメ',
  loginId: 'admin',
  email: 'admin@acme.example.jp',
};
export const ADMIN_PASSWORD = 'Tq8#vLm2-Rz5pWn';

/** The same tenant and administrator from the CLI (`npm run jinji -- tenant:create`), before the server starts. */
export const tenantCreateArgs = () => [
  'tenant:create',
  '--code',
  ADMIN.tenantCode,
  '--name',
  ADMIN.tenantName,
  '--admin-login',
  ADMIN.loginId,
  '--admin-password',
  ADMIN_PASSWORD,
  '--admin-email',
  ADMIN.email,
];

/** yyyy-mm-dd in Japan, `days` from today (HR dates are Japanese calendar days). */
export const dayInJapan = (days: number) =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

export type TAccount = { loginId: string; password: string; name: string; email: string };

/** A second account of the tenant from the CLI (`npm run jinji -- account:create`). */
export const accountCreateArgs = (account: TAccount) => [
  'account:create',
  '--tenant',
  ADMIN.tenantCode,
  '--login',
  account.loginId,
  '--password',
  account.password,
  '--name',
  account.name,
  '--email',
  account.email,
];

/** A server's `prepare`: the tenant and administrator, then these accounts, from the CLI. */
export const prepareTenant =
  (...accounts: TAccount[]) =>
  (cli: TCli): void => {
    cli(tenantCreateArgs());
    for (const account of accounts) cli(accountCreateArgs(account));
  };

/** Creates the tenant through the API, as the setup page would. */
export async function createTenant(page: Page, baseUrl: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/v1/auth/csrf`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${baseUrl}/api/v1/setup`, {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      tenantCode: ADMIN.tenantCode,
      tenantName: ADMIN.tenantName,
      adminLoginId: ADMIN.loginId,
      adminPassword: ADMIN_PASSWORD,
      adminEmail: ADMIN.email,
    },
  });
  if (res.status() !== 201) throw new Error(`setup failed: ${res.status()} ${await res.text()}`);
}

export async function fillLogin(
  page: Page,
  password: string,
  tenantCode = ADMIN.tenantCode,
  loginId = ADMIN.loginId,
): Promise<void> {
  await page.getByLabel('企業コード').fill(tenantCode);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

/** The page's own alert, not a toast notification (those live outside <main>). */
export const alertText = async (page: Page) =>
  (await page.getByRole('main').getByRole('alert').first().textContent()) ?? '';
