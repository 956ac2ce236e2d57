// A new user on a slow line: the HTML says 読み込み中… before any JavaScript arrives, and the
// signed-out pages leave the browser console clean (no failed /auth/me request).

import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { ConsoleMessage, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';

describe.skipIf(!hasChromium)('first paint and a clean console on public pages', () => {
  let server: TestServer;
  let page: Page;

  useJourney({ page: { viewport: { width: 1280, height: 800 } }, createTenant: true }, (j) => {
    server = j.server;
    page = j.page;
  });

  it('shows 読み込み中… while the JavaScript is still on its way, then the login form', async () => {
    const held: Route[] = [];
    let release = false;
    await page.route('**/assets/*.js', (route) => (release ? route.continue() : void held.push(route)));
    try {
      // Module scripts hold DOMContentLoaded back: wait only for the HTML.
      await page.goto(`${server.url}/login`, { waitUntil: 'commit' });
      await page.getByText('読み込み中…').waitFor();
      await shot(page, 'first-paint-01-loading');
    } finally {
      release = true;
      await Promise.all(held.map((r) => r.continue()));
    }
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    expect(await page.getByText('読み込み中…').count()).toBe(0);
    await page.unroute('**/assets/*.js');
  });

  it('logs no error and no failed request from / to /login, nor on reload', async () => {
    const errors: string[] = [];
    const onConsole = (m: ConsoleMessage) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    };
    page.on('console', onConsole);
    page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()}: ${r.url()}`);
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    // The login form fetches its validation chunk after first paint; a reload while that is in flight
    // aborts it (the test's doing, not the page's). Settle first, and after the reload wait until the
    // network is idle too, so a late failure is still caught.
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'first-paint-02-login');
    expect(errors).toEqual([]);
  });
});
