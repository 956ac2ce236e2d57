// 公開講座 in a real browser, served as `npm start` serves it, over the demo catalog of `jinji demo`:
// the admin creates a course and two sessions on its edit screen; a 一般 user finds it by a hiragana
// keyword, opens the detail with 残席 and 「お申込み」; the deep link of a session, opened signed out,
// goes through the login and on to the application form; a login link pointing at another site stays
// here. The search and the detail again at 375 px, without a horizontal scroll.
import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, shot } from './support/browser';
import { startTrainingDemo } from './support/training-demo';

const USER_PASSWORD = 'Kensyu-taro-2026!';

/** yyyy-mm-dd `days` from today in Japan */
const dayFromNow = (days: number) =>
  new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)('training: 公開講座 — admin edits, a user searches, the deep link applies', () => {
  let demo: Awaited<ReturnType<typeof startTrainingDemo>>;
  let server: TestServer;
  let browser: Browser;
  let courseId = '';
  let sessionId = '';

  beforeAll(async () => {
    demo = await startTrainingDemo('courses', [['tests/e2e/support/training-user.ts', 'taro', USER_PASSWORD]]);
    server = demo.server;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  const url = (p: string) => `${server.urls.TRAINING_PORT}${p}`;
  const adminPassword = () => demo.trainingPassword();

  async function fillLogin(page: Page, loginId: string, password: string) {
    await page.getByLabel('組織コード').fill('demo');
    await page.getByLabel('ログインID').fill(loginId);
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
  }

  async function pick(page: Page, label: string, option: string, scope: Page | ReturnType<Page['getByRole']> = page) {
    await scope.getByLabel(label).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  it('prints the catalog it loaded', () => {
    expect(demo.demoOutput).toContain('公開講座: 21件');
  });

  it('at 1280 px: the admin creates a course with two sessions', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page.setDefaultTimeout(15_000);
    await page.goto(url('/courses'));
    await page.waitForURL(/\/login\?redirect=%2Fcourses/);
    await fillLogin(page, 'admin', adminPassword());
    await page.getByRole('heading', { name: '公開講座' }).waitFor();
    await page.getByTestId('course-result').first().waitFor();
    await shot(page, 'training-courses-01-search-admin-1280');

    await page.getByRole('link', { name: '講座を登録' }).click();
    const form = page.getByRole('form', { name: '講座の登録' });
    await form.getByRole('button', { name: '保存する' }).click();
    await form.getByText('タイトルを入力してください').waitFor(); // validation names the field
    await form.getByLabel('講座コード').fill('E2E-501');
    await form.getByLabel('タイトル').fill('チームビルディング実践ワークショップ');
    await pick(page, 'カテゴリ', 'マネジメント', form);
    await form.getByLabel('受講料（円・税込）').fill('38500');
    await form.getByLabel('説明').fill('チームの目標共有と役割分担を、グループ演習で体験します。');
    await form.getByRole('button', { name: '保存する' }).click();
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}\/edit$/);
    courseId = /\/courses\/([0-9a-f-]{36})\/edit/.exec(page.url())![1]!;

    // session 1: 会場, 東京都千代田区; the 申込締切 after the start is refused first
    await page.getByRole('button', { name: '開催日程を追加' }).click();
    const modal = page.getByRole('dialog', { name: '開催日程の追加' });
    await modal.getByLabel('開催日').fill(dayFromNow(30));
    await pick(page, '都道府県', '東京都', modal);
    await modal.getByLabel('市区町村').fill('千代田区');
    await modal.getByLabel('会場名').fill('丸の内研修ルームA');
    await modal.getByLabel('住所').fill('東京都千代田区丸の内1-1-1');
    await modal.getByLabel('定員').fill('12');
    await modal.getByLabel('申込締切').fill(`${dayFromNow(31)}T17:00`);
    await modal.getByLabel('キャンセル締切').fill(`${dayFromNow(27)}T17:00`);
    await modal.getByRole('button', { name: '保存する' }).click();
    await modal.getByText('申込締切は開始日時以前の日時を入力してください').waitFor();
    await shot(page, 'training-courses-02-session-error-1280');
    await modal.getByLabel('申込締切').fill(`${dayFromNow(23)}T17:00`);
    await modal.getByRole('button', { name: '保存する' }).click();
    await modal.waitFor({ state: 'detached' });

    // session 2: オンライン
    await page.getByRole('button', { name: '開催日程を追加' }).click();
    const online = page.getByRole('dialog', { name: '開催日程の追加' });
    await online.getByLabel('開催日').fill(dayFromNow(60));
    await online.getByText('オンライン', { exact: true }).click();
    await online.getByLabel('ツール名（Zoom / Teams など）').fill('オンライン（Zoom）');
    await online.getByLabel('定員').fill('30');
    await online.getByLabel('申込締切').fill(`${dayFromNow(53)}T17:00`);
    await online.getByLabel('キャンセル締切').fill(`${dayFromNow(57)}T17:00`);
    await online.getByRole('button', { name: '保存する' }).click();
    await online.waitFor({ state: 'detached' });
    const rows = page.getByRole('table', { name: '開催日程' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.first().textContent()).resolves.toContain('東京都千代田区 丸の内研修ルームA');
    await expect(rows.nth(1).textContent()).resolves.toContain('オンライン（Zoom）');
    // the 「保存しました」 notices close by themselves; the screenshot shows the table, not them
    await expect.poll(() => page.getByText('保存しました').count(), { timeout: 10_000 }).toBe(0);
    await shot(page, 'training-courses-03-edit-1280');
    await page.close();
  });

  it('at 1280 px: a 一般 user finds it by a hiragana keyword and opens the detail', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page.setDefaultTimeout(15_000);
    await page.goto(url('/courses'));
    await fillLogin(page, 'taro', USER_PASSWORD);
    await page.getByRole('heading', { name: '公開講座' }).waitFor();
    await expect(page.getByRole('link', { name: '講座を登録' }).count()).resolves.toBe(0); // not an admin
    await page.getByLabel('キーワード').fill('ちーむびるでぃんぐ');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL(/q=/);
    const results = page.getByTestId('course-result');
    await expect.poll(() => results.count()).toBe(1);
    await expect(results.first().getByTestId('session-row').count()).resolves.toBe(2);
    await expect(results.first().textContent()).resolves.toContain('残り12席');
    await shot(page, 'training-courses-04-search-user-1280');

    await page.getByRole('checkbox', { name: '空席ありのみ' }).check();
    await page.getByLabel('キーワード').fill('');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL(/hasSeats=true/);
    await expect(page.getByText('満席').count()).resolves.toBe(0); // the full demo session is left out

    await page.goto(url(`/courses/${courseId}`));
    await page.getByRole('heading', { name: 'チームビルディング実践ワークショップ' }).waitFor();
    const apply = page.getByRole('link', { name: 'お申込み' }).first();
    sessionId = /session=([0-9a-f-]{36})/.exec((await apply.getAttribute('href')) ?? '')![1]!;
    await expect(page.getByText('38,500円（税込）').isVisible()).resolves.toBe(true);
    await shot(page, 'training-courses-05-detail-1280');
    await page.close();
  });

  it('the deep link, signed out: login, then on to the application form; no redirect off the site', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    page.setDefaultTimeout(15_000);
    await page.goto(url(`/courses/${courseId}/sessions/${sessionId}/apply`));
    await page.waitForURL(/\/login\?redirect=/);
    await fillLogin(page, 'taro', USER_PASSWORD);
    // the applications slice's お申込みフォーム route, for this session
    await page.waitForURL((u) => u.pathname === '/applications/new' && u.searchParams.get('session') === sessionId);
    await page.close();

    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/.//evil.example']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const fresh = await context.newPage();
      fresh.setDefaultTimeout(15_000);
      await fresh.goto(url(`/login?redirect=${encodeURIComponent(evil)}`));
      await fillLogin(fresh, 'taro', USER_PASSWORD);
      await fresh.getByRole('button', { name: 'ログアウト' }).waitFor(); // signed in, on a page of this site
      expect(new URL(fresh.url()).origin).toBe(new URL(url('/')).origin);
      await context.close();
    }
  });

  it('at 375 px: search and detail read without a horizontal scroll', async () => {
    const page = await browser.newPage({
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
      locale: 'ja-JP',
    });
    page.setDefaultTimeout(15_000);
    await page.goto(url('/courses'));
    await fillLogin(page, 'taro', USER_PASSWORD);
    await page.getByTestId('course-result').first().waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    // a short result list, so the screenshot shows the form and a result at a readable size
    await page.getByLabel('キーワード').fill('ろじかる');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => page.getByTestId('course-result').count()).toBe(1);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await shot(page, 'training-courses-06-search-375');
    await page.goto(url(`/courses/${courseId}`));
    await page.getByRole('heading', { name: 'チームビルディング実践ワークショップ' }).waitFor();
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await shot(page, 'training-courses-07-detail-375');
    await page.close();
  });
});
