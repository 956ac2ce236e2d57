import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from './paths';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const SCREENSHOT_DIR = path.join(repoRoot, 'tests/e2e/screenshots');

/** Without Chromium the suite is skipped locally, but must not silently pass in CI. */
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  const message = `${CHROMIUM_PATH} not found: install it with \`apt-get install -y chromium\` to run the e2e journeys`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`[e2e] skipped: ${message}`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

let shotSuffix = '';
/** A journey run again on PostgreSQL saves its screenshots beside the PGlite run's, as `<name>-pg`. */
export const setShotSuffix = (suffix: string) => {
  shotSuffix = suffix;
};

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}${shotSuffix}.png`), fullPage: true });
}
