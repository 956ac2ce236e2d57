// Logging in and out as a user does: the login form, the header's ログアウト.
import type { Page } from 'playwright-core';
import { ADMIN, ADMIN_PASSWORD, fillLogin } from './app';

/** Opens /login and logs in as the setup administrator; waits for the admin home. */
export async function logInAsAdmin(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await fillLogin(page, ADMIN_PASSWORD);
  await page.waitForURL('**/admin');
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.waitForURL('**/login');
}

/** Logs out unless already on /login, then submits the login form as `loginId` of the test tenant. */
export async function logInAs(page: Page, loginId: string, password: string): Promise<void> {
  if (!page.url().endsWith('/login')) await logOut(page);
  await fillLogin(page, password, ADMIN.tenantCode, loginId);
}

/** The API as the logged-in user (the page's cookies), with the CSRF token the web client sends. */
export async function callApi(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
) {
  const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/v1/auth/csrf`)).json()) as { csrfToken: string };
  return page.request.fetch(`${baseUrl}${path}`, { method, headers: { 'x-csrf-token': csrfToken }, data });
}

/** callApi that expects success: the parsed JSON, or an error naming the call and the answer. */
export async function apiJson<T>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await callApi(page, baseUrl, method, path, data);
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An employee's id by 社員番号 (従業員一覧's search), as the logged-in user. */
export const employeeIdByNumber = async (page: Page, baseUrl: string, number: string) =>
  (await apiJson<{ items: { id: string }[] }>(page, baseUrl, 'GET', `/api/v1/employees?employeeNumber=${number}`))
    .items[0]!.id;
