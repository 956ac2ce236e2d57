// 利用者情報 in the training system, in a real browser (served as `npm start` serves it, on PGlite): the
// administrator searches, sends one user's login information from the list, exports 「利用者情報CSV出力」,
// marks two rows in the 送付 column (and one user without a mail address), saves it as Excel does
// (Shift_JIS) and uploads it — the result table says who was sent to and why the other was not. A user
// linked to HR (linked_at set in the database before the server starts) shows ログインID, 氏名, 氏名カナ
// and メールアドレス read-only with the reason. At 1280 and 375 px.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '@jinji/test-kit/e2e-server';
import { startTestSmtp, type TestSmtp } from '@jinji/test-kit/smtp';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USER_CSV_HEADER } from '../../apps/training-server/src/features/users/user-csv';
import { hasChromium, launchBrowser, shot } from './support/browser';
import { repoRoot } from './support/paths';

const withoutDatabaseUrl = ({ DATABASE_URL: _, ...env }: NodeJS.ProcessEnv) => env; // e2e runs on PGlite

describe.skipIf(!hasChromium)(
  'training: 利用者情報, CSV出力 and ログイン情報送付 in bulk; a linked user is locked',
  () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'jinji-e2e-training-users-'));
    let demoOutput = '';
    let server: TestServer;
    let browser: Browser;
    let smtp: TestSmtp;

    beforeAll(async () => {
      smtp = await startTestSmtp();
      server = await startServer({
        repoRoot,
        script: 'scripts/serve.ts',
        portEnv: ['PORT', 'TRAINING_PORT'],
        dataDirEnv: 'JINJI_DATA_DIR',
        env: { JINJI_DATA_DIR: dataDir, SMTP_URL: smtp.url, MAIL_FROM: 'training <no-reply@example.jp>' },
        prepare: () => {
          const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
          const env = { ...withoutDatabaseUrl(process.env), JINJI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
          demoOutput = execFileSync(tsx, ['scripts/jinji.ts', 'demo'], { cwd: repoRoot, env, encoding: 'utf8' });
          execFileSync(tsx, ['tests/e2e/support/training-users-seed.ts'], { cwd: repoRoot, env, encoding: 'utf8' });
        },
      });
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await smtp?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const password = () => /パスワード: (\S+)/.exec(demoOutput.slice(demoOutput.indexOf('研修申込システム')))![1]!;

    async function signIn(page: Page): Promise<void> {
      await page.goto(`${server.urls.TRAINING_PORT}/login`);
      await page.getByLabel('組織コード').fill('demo');
      await page.getByLabel('ログインID').fill('admin');
      await page.getByLabel('パスワード', { exact: true }).fill(password());
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.getByRole('heading', { name: '利用者情報' }).waitFor();
    }
    const table = (page: Page) => page.getByRole('table', { name: '利用者情報' });
    const loginIds = async (page: Page) =>
      (await table(page).locator('tbody tr td:first-child').allInnerTexts()).sort();

    it('at 1280 px: searches, sends one user, exports the CSV, marks two rows, uploads it and sees the result', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      page.setDefaultTimeout(15_000);
      await signIn(page);
      await table(page).waitFor();
      expect(await loginIds(page)).toEqual(['admin', 'boss', 'sato', 'takahashi', 'tanaka']);
      await shot(page, 'training-users-01-list-1280');

      await page.getByLabel('キーワード').fill('ｻﾄｳ'); // half-width kana finds サトウ
      await page.getByRole('button', { name: '検索' }).click();
      await page.waitForFunction(
        () => document.querySelectorAll('table[aria-label="利用者情報"] tbody tr').length === 1,
      );
      expect(await loginIds(page)).toEqual(['sato']);
      await page.getByRole('button', { name: 'ログイン情報送付（sato）' }).click();
      await page.getByText('sato@example.jp にログイン情報を送付しました').waitFor();
      // sato opens the mail's link, sets a password, and the link works only once
      const [mail] = await smtp.waitForMails(1);
      expect(mail!.to).toEqual(['sato@example.jp']);
      const link = /(http\S+\/password\/set\/\S+)/.exec(mail!.parsed.text ?? '')![1]!;
      const visitor = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await visitor.goto(link);
      await visitor.getByRole('heading', { name: 'パスワードの設定' }).waitFor();
      await visitor.getByLabel('新しいパスワード', { exact: true }).fill('Kinmokusei-2026-aki');
      await visitor.getByLabel('新しいパスワード（確認）').fill('Kinmokusei-2026-aki');
      await shot(visitor, 'training-users-01b-password-set-1280');
      await visitor.getByRole('button', { name: 'パスワードを設定する' }).click();
      await visitor.getByText('パスワードを設定しました。').waitFor();
      await visitor.goto(link);
      await visitor.getByText('このリンクは既に使用されています').waitFor();
      await visitor.close();
      await page.getByLabel('キーワード').fill('');
      await page.getByRole('button', { name: '検索' }).click();
      await page.waitForFunction(
        () => document.querySelectorAll('table[aria-label="利用者情報"] tbody tr').length === 5,
      );

      await page.getByRole('button', { name: '利用者情報CSV出力' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: 'UTF-8（BOM付き）' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('利用者情報_UTF-8.csv');
      const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const [header, ...rows] = text
        .trimEnd()
        .split('\r\n')
        .map((l) => l.split(','));
      expect(header).toEqual(USER_CSV_HEADER);
      // the administrator marks boss and sato, and tanaka (who has no mail address), and saves as Excel does
      const marks: Record<string, string> = { boss: '○', sato: '1', tanaka: 'レ' };
      const marked = [header!, ...rows.map((r) => [...r.slice(0, 11), marks[r[0]!] ?? ''])];
      const file = path.join(dataDir, '利用者情報_送付.csv');
      writeFileSync(file, iconv.encode(`${marked.map((r) => r.join(',')).join('\r\n')}\r\n`, 'cp932'));

      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', { name: '一括送付（CSV取込）' }).click(),
      ]);
      await chooser.setFiles(file);
      const dialog = page.getByRole('dialog', { name: 'ログイン情報の一括送付の結果' });
      await dialog.getByText('送付 2件・送付しなかった行 1件').waitFor();
      const result = await dialog.getByRole('table').locator('tbody tr').allInnerTexts();
      expect(result.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
        expect.stringMatching(/^\d+ boss 送付済み$/),
        expect.stringMatching(/^\d+ sato 送付済み$/),
        expect.stringMatching(/^\d+ tanaka 送付しません メールアドレスが登録されていないため送付できません$/),
      ]);
      await shot(page, 'training-users-02-bulk-result-1280');
      await dialog.getByRole('button', { name: '閉じる' }).click();
      await page.close();
    });

    it('at 1280 px: a linked user’s HR fields are read-only with the reason; the others can be edited', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.setDefaultTimeout(15_000);
      await signIn(page);
      await table(page).getByRole('button', { name: '髙橋 健太' }).click();
      const drawer = page.getByRole('dialog', { name: '利用者情報の詳細' });
      await drawer.getByText('人事管理システムと連携しています').waitFor();
      for (const label of ['ログインID', '氏名', '氏名カナ', 'メールアドレス']) {
        const input = drawer.getByRole('textbox', { name: label, exact: true });
        await expect(input.getAttribute('readonly')).resolves.not.toBeNull();
      }
      await expect(drawer.getByText('人事管理システムと連携中のため変更できません').count()).resolves.toBe(4);
      const name = drawer.getByRole('textbox', { name: '氏名', exact: true });
      await name.pressSequentially('X');
      await expect(name.inputValue()).resolves.toBe('髙橋 健太');
      await drawer.getByRole('textbox', { name: '部署名' }).fill('人事部');
      await drawer.getByRole('button', { name: '保存する' }).click();
      await drawer.getByText('保存しました').waitFor();
      await shot(page, 'training-users-03-linked-locked-1280');
      // the API refuses the change too, naming the field
      const res = await page.evaluate(async () => {
        const { csrfToken } = await (await fetch('/api/v1/auth/csrf')).json();
        const list = await (await fetch('/api/v1/users?q=takahashi')).json();
        const r = await fetch(`/api/v1/users/${list.items[0].id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          body: JSON.stringify({ displayName: '高橋 健太' }),
        });
        return { status: r.status, body: await r.json() };
      });
      expect(res).toMatchObject({
        status: 409,
        body: { error: { message: '氏名は人事管理システムと連携中のため変更できません' } },
      });
      await page.close();
    });

    it('at 375 px: the list scrolls inside its frame, and the drawer reads', async () => {
      const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      page.setDefaultTimeout(15_000);
      await signIn(page);
      await table(page).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, 'training-users-04-list-375');
      await table(page).getByRole('button', { name: '髙橋 健太' }).click();
      await page
        .getByRole('dialog', { name: '利用者情報の詳細' })
        .getByText('人事管理システムと連携しています')
        .waitFor();
      await shot(page, 'training-users-05-linked-375');
      await page.close();
    });
  },
);
