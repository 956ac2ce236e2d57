// お問い合わせ番号 (decision 024): when the server fails, the screen shows the message with the number the
// support desk looks up in the log. The server is real; only the failure is staged — the answer of the
// employee list is fetched from it and turned into the 500 a crashing handler would send, keeping the
// server's own x-request-id (the number of that request's log line).
import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { prepareTenant } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { logInAsAdmin } from './support/session';

const HR = { loginId: 'hanako', password: 'Hr-Editor-2026!', name: '人事 花子', email: 'hanako@acme.example.jp' };

describe.skipIf(!hasChromium)('お問い合わせ番号 on a server error', () => {
  let server: TestServer;
  let page: Page;

  useJourney(
    {
      prepare: prepareTenant(HR),
      page: { viewport: { width: 1280, height: 800 } },
      failedShotPrefix: 'support-number',
    },
    (j) => {
      server = j.server;
      page = j.page;
    },
  );

  it('the employee list shows システムエラー with the request number the server gave that request', async () => {
    await logInAsAdmin(page, server.url);
    const numbers: string[] = [];
    await page.route(/\/api\/v1\/employees\?/, async (route) => {
      const real = await route.fetch();
      const requestId = real.headers()['x-request-id']!;
      numbers.push(requestId);
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        headers: { 'x-request-id': requestId },
        body: JSON.stringify({
          error: {
            code: 'INTERNAL',
            message: 'システムエラーが発生しました。しばらくしてから再度お試しください',
            requestId,
          },
        }),
      });
    });
    await page.goto(`${server.url}/admin/employees`);
    const alert = page.getByText(/お問い合わせ番号: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await alert.waitFor({ timeout: 20_000 });
    const shown = /お問い合わせ番号: ([0-9A-Z-]+)/.exec((await alert.textContent()) ?? '')![1]!;
    // the number of the last try (the list retries a 5xx), one the server handed out
    expect(numbers).toContain(shown);
    expect(await alert.textContent()).toContain('システムエラーが発生しました');
    await shot(page, 'support-number-01-employee-list-error');
    await page.unroute(/\/api\/v1\/employees\?/);
  });
});
