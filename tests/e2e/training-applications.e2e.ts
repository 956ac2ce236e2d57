// 申込 (R-TRN-3) in a real browser on `npm start`'s server (HR and training over one PGlite): 佐藤 花子
// opens the お申込みフォーム of a one-seat session and applies; her 承認者 山田 部長 finds it in 承認待ち and
// 承認決裁 → 申込確定. 鈴木 太郎 applies too; approved on the full session he is キャンセル待ち. 花子 cancels
// with a reason; 太郎 is promoted. 研修・サービス購入履歴 and 受講者詳細 show it; 出欠 of an ended session is
// recorded in bulk; the same pages at 375 px; last, 太郎 moves his confirmed seat to the 名古屋 date (日程変更:
// cancelled here, 申請中 there, in one step); last, each システム権限 sees only its menu. On PGlite, and again on
// PostgreSQL (a fresh database, screenshots `…-pg`) when TEST_DATABASE_URL is set — always under CI=true.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { journeyDatabases, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, setShotSuffix, shot } from './support/browser';
import { startBothApps } from './support/training';

const PASSWORD = 'Sazanka-no-hana-2026!';

describe.skipIf(!hasChromium).each(journeyDatabases())(
  'training (%s): apply → 承認決裁 → キャンセル待ち → 繰り上げ, and the history pages',
  (database) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-e2e-appl-'));
    const seedFile = path.join(dataDir, 'seed.json');
    let seed: {
      sessionId: string;
      endedSessionId: string;
      courseId: string;
      fullSessionId: string;
      userIds: Record<string, string>;
    };
    let server: TestServer;
    let browser: Browser;
    let base = '';

    beforeAll(async () => {
      setShotSuffix(database === 'postgres' ? '-pg' : '');
      server = await startBothApps({
        database,
        cliScript: 'tests/e2e/support/training-applications-seed.ts',
        prepare: (cli) => cli([seedFile]),
      });
      seed = JSON.parse(readFileSync(seedFile, 'utf8'));
      base = server.urls.TRAINING_PORT!;
      // the engine asked for, not a silent PGlite
      const health = (await (await fetch(`${base}/api/health`)).json()) as { database: string };
      expect(health.database).toBe(database);
      browser = await launchBrowser();
    }, 180_000);
    afterAll(async () => {
      setShotSuffix('');
      await browser?.close();
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const pages: Page[] = [];
    async function signIn(loginId: string, width = 1280): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        ...(width < 500 ? { isMobile: true, hasTouch: true } : {}),
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      pages.push(page);
      await page.goto(`${base}/login`);
      await page.getByLabel('組織コード').fill('demo');
      await page.getByLabel('ログインID').fill(loginId);
      await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.getByRole('navigation').waitFor();
      return page;
    }
    const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

    it('花子 confirms her details on the お申込みフォーム and applies', async () => {
      const page = await signIn('hanako');
      await page.goto(`${base}/applications/new?session=${seed.sessionId}`);
      await page.getByRole('heading', { name: 'お申込みフォーム' }).waitFor();
      await page.getByText('新任管理職のためのマネジメント基礎研修').waitFor();
      for (const text of ['佐藤 花子', '営業部 第一課', 'hanako@example.jp', '山田 部長', '44,000円（税込）']) {
        await expect(page.getByText(text, { exact: true }).count()).resolves.toBeGreaterThan(0);
      }
      await expect(page.getByText(/\d{4}\/\d{2}\/\d{2} \([日月火水木金土]\) 13:00 – 16:00/).count()).resolves.toBe(1);
      await shot(page, 'training-appl-01-form-1280');
      await page.getByRole('button', { name: '申込申請' }).click();
      await page.getByText('申込申請しました').waitFor();
      await page.getByRole('button', { name: '申込一覧へ' }).click();
      await rowOf(page, '丸の内').getByText('申請中').waitFor();
      await shot(page, 'training-appl-02-list-pending-1280');
    });

    it('山田 部長 finds it in 承認待ち and approves: 申込確定', async () => {
      const page = await signIn('boss');
      await page.getByRole('navigation').getByRole('link', { name: '承認待ち' }).click();
      await rowOf(page, '佐藤 花子').waitFor();
      await shot(page, 'training-appl-03-approvals-1280');
      await rowOf(page, '佐藤 花子').getByRole('button', { name: '承認決裁' }).click();
      await page.getByText('承認決裁しました（申込確定）').waitFor();
      await page.getByText('承認待ちの申込はありません').waitFor();
    });

    it('太郎 applies to the now full session; approved, he is キャンセル待ち; a 却下 needs its reason', async () => {
      const taro = await signIn('taro');
      await taro.goto(`${base}/applications/new?session=${seed.sessionId}`);
      await taro.getByText('満席（承認後はキャンセル待ちになります）').waitFor();
      await taro.getByRole('button', { name: '申込申請' }).click();
      await taro.getByText('申込申請しました').waitFor();

      const boss = pages[1]!;
      await boss.reload();
      await rowOf(boss, '鈴木 太郎').getByRole('button', { name: '却下' }).click();
      await boss.getByRole('button', { name: '却下する' }).click();
      await boss.getByText('却下理由を入力してください').waitFor();
      await shot(boss, 'training-appl-04-reject-dialog-1280');
      await boss.getByRole('button', { name: '閉じる' }).click();
      await rowOf(boss, '鈴木 太郎').getByRole('button', { name: '承認決裁' }).click();
      await boss.getByText('承認決裁しました（満席のためキャンセル待ち）').waitFor();

      await taro.getByRole('navigation').getByRole('link', { name: '申込一覧' }).click();
      await rowOf(taro, '丸の内').getByText('キャンセル待ち 1番目').waitFor();
    });

    it('花子 cancels with a reason; 太郎 is promoted to 申込確定', async () => {
      const hanako = pages[0]!;
      await hanako.getByRole('navigation').getByRole('link', { name: '申込一覧' }).click();
      await rowOf(hanako, '丸の内').getByRole('button', { name: 'キャンセル' }).click();
      await hanako.getByLabel('キャンセル理由').fill('顧客訪問の予定が入ったため');
      await shot(hanako, 'training-appl-05-cancel-dialog-1280');
      await hanako.getByRole('button', { name: 'キャンセルする' }).click();
      await hanako.getByText('キャンセルしました', { exact: true }).waitFor();
      await rowOf(hanako, '丸の内').getByText('キャンセル理由：顧客訪問の予定が入ったため').waitFor();

      const taro = pages[2]!;
      await taro.reload();
      await rowOf(taro, '丸の内').getByText('申込確定').waitFor();
      await taro.getByRole('navigation').getByRole('link', { name: '研修・サービス購入履歴' }).click();
      await rowOf(taro, '丸の内').getByText('44,000円（税込）').waitFor();
      await rowOf(taro, '丸の内').getByText('申込確定').waitFor();
      await shot(taro, 'training-appl-06-purchases-1280');
    });

    it("the 管理者 sees the session on 受講者詳細 and 花子's history by choosing her", async () => {
      const admin = await signIn('admin');
      await admin.getByRole('navigation').getByRole('link', { name: '受講者詳細' }).click();
      // `jinji demo`'s catalog is there too: find the course by its 講座コード
      await admin.getByLabel('講座名・講座コード').fill('BM-101');
      await admin.getByRole('button', { name: '検索' }).click();
      await rowOf(admin, '丸の内').getByText('確定 1 / 定員 1・申請中 0・キャンセル待ち 0').waitFor();
      await rowOf(admin, '丸の内').getByRole('button', { name: '開く' }).click();
      await rowOf(admin, '鈴木 太郎').getByText('申込確定').waitFor();
      await rowOf(admin, '佐藤 花子').getByText('キャンセル', { exact: true }).waitFor();
      await admin.getByText('出欠は日程の終了後に記録できます。').waitFor();
      await shot(admin, 'training-appl-07-attendees-1280');

      await admin.getByRole('navigation').getByRole('link', { name: '研修・サービス購入履歴' }).click();
      await admin.getByPlaceholder('氏名・ログインIDで検索').fill('花子');
      await admin.getByRole('option', { name: '佐藤 花子（hanako）' }).click();
      await rowOf(admin, '丸の内').getByText('キャンセル', { exact: true }).waitFor();
      await rowOf(admin, '丸の内').getByText('キャンセル理由：顧客訪問の予定が入ったため').waitFor();
      await shot(admin, 'training-appl-08-purchases-admin-1280');
    });

    it('the 管理者 records 出席 / 修了 in bulk on 受講者詳細 of the session that has ended', async () => {
      const admin = pages[3]!;
      await admin.goto(`${base}/attendees?session=${seed.endedSessionId}`);
      await rowOf(admin, '佐藤 花子').waitFor();
      await admin.getByRole('button', { name: '全員を出席にする' }).click();
      await admin.getByLabel('鈴木 太郎 出欠').first().click();
      await admin.getByRole('option', { name: '修了' }).click();
      await admin.getByRole('button', { name: '出欠を保存' }).click();
      await admin.getByText('2件の出欠を保存しました').waitFor();
      await shot(admin, 'training-appl-11-attendance-1280');
      await admin.reload();
      await expect(admin.getByLabel('佐藤 花子 出欠').first().inputValue()).resolves.toBe('出席');
      await expect(admin.getByLabel('鈴木 太郎 出欠').first().inputValue()).resolves.toBe('修了');
      // the applicant's history shows it
      const hanako = pages[0]!;
      await hanako.getByRole('navigation').getByRole('link', { name: '研修・サービス購入履歴' }).click();
      await rowOf(hanako, 'Zoom').getByText('出席', { exact: true }).waitFor();
    });

    it('at 375 px the form, 申込一覧 and 承認待ち read without a horizontal scroll', async () => {
      const page = await signIn('taro', 375);
      for (const [url, heading, name] of [
        [`/applications/new?session=${seed.sessionId}`, 'お申込みフォーム', 'form'],
        ['/applications', '申込一覧', 'list'],
        ['/purchases', '研修・サービス購入履歴', 'purchases'],
      ] as const) {
        await page.goto(`${base}${url}`);
        await page.getByRole('heading', { name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, url).toBeLessThanOrEqual(0);
        await shot(page, `training-appl-09-${name}-375`);
      }
      const boss = await signIn('boss', 375);
      await boss.goto(`${base}/approvals`);
      await boss.getByText('承認待ちの申込はありません').waitFor();
      await shot(boss, 'training-appl-10-approvals-375');
    });

    it('太郎 changes to the 名古屋 date: the 丸の内 seat is cancelled and the new application awaits approval', async () => {
      const taro = pages[2]!;
      await taro.bringToFront();
      await taro.goto(`${base}/applications`);
      await rowOf(taro, '丸の内').getByRole('button', { name: '日程変更' }).click();
      await taro.getByRole('combobox', { name: '変更先の日程' }).click();
      await taro.getByRole('option', { name: /名駅研修ルーム/ }).click();
      await taro.getByLabel('変更理由').fill('名古屋出張に合わせるため');
      await shot(taro, 'training-appl-12-change-dialog-1280');
      await taro.getByRole('button', { name: '変更する' }).click();
      await taro.getByText('日程を変更しました。変更後の申込は承認待ちです').waitFor();
      await rowOf(taro, '名駅研修ルーム').getByText('申請中').waitFor();
      await rowOf(taro, '丸の内').getByText('キャンセル理由：日程変更：名古屋出張に合わせるため').waitFor();
      await taro.getByRole('dialog').waitFor({ state: 'hidden' });
      await shot(taro, 'training-appl-13-changed-1280');
    });

    it('the 管理者 raises the 定員 of the full 大阪 date: 次郎 is promoted at once; below the seats taken is refused', async () => {
      const admin = await signIn('admin');
      await admin.goto(`${base}/courses/${seed.courseId}/edit`);
      await rowOf(admin, '梅田研修ルーム').getByRole('button', { name: /編集/ }).click();
      const modal = admin.getByRole('dialog', { name: '開催日程の編集' });
      await modal
        .getByText('定員を増やすと、キャンセル待ちの先頭から順に申込確定になります', { exact: false })
        .waitFor();
      await modal.getByLabel('定員').fill('2');
      await shot(admin, 'training-appl-14-capacity-raise-1280');
      await modal.getByRole('button', { name: '保存する' }).click();
      await admin.getByText('キャンセル待ちの1名を申込確定に繰り上げました', { exact: false }).waitFor();
      await modal.waitFor({ state: 'detached' });
      await shot(admin, 'training-appl-15-capacity-raised-1280');

      await rowOf(admin, '梅田研修ルーム').getByRole('button', { name: /編集/ }).click();
      await modal.getByLabel('定員').fill('1');
      await modal.getByRole('button', { name: '保存する' }).click();
      await modal.getByText('定員は申込済みの席数（2名）以上で入力してください').first().waitFor();
      await shot(admin, 'training-appl-16-capacity-below-1280');
      await admin.keyboard.press('Escape');
      await modal.waitFor({ state: 'detached' });

      await admin.goto(`${base}/attendees?session=${seed.fullSessionId}`);
      await rowOf(admin, '高橋 次郎').getByText('申込確定').waitFor();
      await rowOf(admin, '佐藤 花子').getByText('申込確定').waitFor();
      await admin.getByText('定員 2名 / 確定 2名').waitFor();
    });

    it('each システム権限 sees only its menu; a screen beyond it, opened by URL, says 権限がありません', async () => {
      const menuOf = async (page: Page) =>
        (await page.getByRole('navigation').getByRole('link').allInnerTexts()).map((x) => x.trim());
      const general = ['公開講座', '申込一覧', '研修・サービス購入履歴'];
      const cases = [
        { loginId: 'hanako', role: 'general', menu: general, forbidden: ['/users', '/approvals', '/courses/new'] },
        {
          loginId: 'boss',
          role: 'approver',
          menu: ['公開講座', '申込一覧', '承認待ち', '研修・サービス購入履歴'],
          forbidden: ['/attendees', '/integration'],
        },
        {
          loginId: 'admin',
          role: 'admin',
          menu: ['利用者情報', '公開講座', '申込一覧', '承認待ち', '研修・サービス購入履歴', '受講者詳細', '連携設定'],
          forbidden: [],
        },
      ];
      for (const c of cases) {
        const page = await signIn(c.loginId);
        // `/` opens the first screen the user may see, never a refused one
        await page.goto(`${base}/`);
        await page.getByRole('navigation').waitFor();
        expect(await menuOf(page), c.loginId).toEqual(c.menu);
        await shot(page, `training-menu-${c.role}-1280`);
        const refused: string[] = [];
        page.on('response', (r) => {
          if (r.status() === 403) refused.push(r.url());
        });
        for (const url of c.forbidden) {
          await page.goto(`${base}${url}`);
          await page.getByText('この画面を表示する権限がありません', { exact: false }).waitFor();
          expect(await menuOf(page), url).toEqual(c.menu);
        }
        if (c.forbidden.length > 0) await shot(page, `training-menu-${c.role}-forbidden-1280`);
        // the screens the menu offers open without a refused call
        for (const name of c.menu) {
          await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
          await page.getByRole('heading', { name, exact: true }).first().waitFor();
          await page.waitForLoadState('networkidle');
        }
        expect(refused, c.loginId).toEqual([]);
      }
    });
  },
);
