// A journey's fixtures: one hr-server (with its CLI prepare steps) and one Chromium page, started
// before the describe's tests and stopped after them.

import type { E2eDatabase, TCli, TestServer } from '@jinji/test-kit/e2e-server';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createTenant } from './app';
import { launchBrowser, setShotSuffix, shot } from './browser';
import { startServer } from './server';

export type TJourney = { server: TestServer; browser: Browser; page: Page };

export type TJourneyOptions = {
  prepare?: (cli: TCli) => void;
  /** Extra environment of the server (e.g. a longer login lock). */
  env?: Record<string, string>;
  page?: BrowserContextOptions;
  /** Logs uncaught page errors to the test output (on by default). */
  logPageErrors?: boolean;
  /** Creates the tenant through the API, as the setup page would, once the page is open. */
  createTenant?: boolean;
  /** A screenshot `<prefix>-failed-<test name>` after each failed test. */
  failedShotPrefix?: string;
  /** pglite (default) or postgres (a fresh database on TEST_DATABASE_URL's server; screenshots `…-pg`) */
  database?: E2eDatabase;
};

/** Starts the server and the browser together, then opens a page with a 10 s timeout. */
export async function startJourney(options: TJourneyOptions = {}): Promise<TJourney> {
  const [server, browser] = await Promise.all([
    startServer({ prepare: options.prepare, env: options.env, database: options.database }),
    launchBrowser(),
  ]);
  try {
    const page = await browser.newPage(options.page);
    page.setDefaultTimeout(10_000);
    if (options.logPageErrors !== false) page.on('pageerror', (e) => console.error('[page error]', e.message));
    if (options.createTenant) await createTenant(page, server.url);
    return { server, browser, page };
  } catch (e) {
    // The caller never got them: close them here.
    await stopJourney({ server, browser });
    throw e;
  }
}

export async function stopJourney(journey: Partial<TJourney> | undefined): Promise<void> {
  await journey?.browser?.close();
  await journey?.server?.stop();
}

/**
 * In a describe: starts the journey before its tests (handing it to `onStart`), screenshots failed
 * tests when asked, and stops it after them.
 */
export function useJourney(options: TJourneyOptions, onStart: (journey: TJourney) => void): void {
  let journey: TJourney | undefined;
  beforeAll(async () => {
    setShotSuffix(options.database === 'postgres' ? '-pg' : '');
    journey = await startJourney(options);
    onStart(journey);
  });
  const prefix = options.failedShotPrefix;
  if (prefix) {
    afterEach(async (ctx) => {
      if (journey && ctx.task.result?.state === 'fail') {
        await shot(journey.page, `${prefix}-failed-${ctx.task.name.slice(0, 20)}`);
      }
    });
  }
  afterAll(async () => {
    setShotSuffix('');
    await stopJourney(journey);
  });
}
