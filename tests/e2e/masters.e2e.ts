import type { TestServer } from '@jinji/test-kit/e2e-server';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN } from './support/app';
import { hasChromium, shot } from './support/browser';
import { useJourney } from './support/journey';
import { logInAsAdmin } from './support/session';

describe.skipIf(!hasChromium)(
  'マスタメンテナンス: 会社, 部署 tree, duplicate code, in-use delete, invalid badge',
  () => {
    let server: TestServer;
    let page: Page;

    useJourney({ page: { viewport: { width: 1280, height: 900 } }, createTenant: true }, (j) => {
      server = j.server;
      page = j.page;
    });

    const dialog = () => page.getByRole('dialog');
    const table = (name: string) => page.getByRole('table', { name, exact: true });
    /** The row whose コード (or another cell) is exactly `cell`. */
    const row = (name: string, cell: string) =>
      table(name)
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: cell, exact: true }) });

    /** 【新規登録】 → fill the modal → 登録; waits for the modal to close. */
    async function register(fields: { code: string; name: string; company?: string; parent?: string }) {
      await page.getByRole('button', { name: '新規登録' }).click();
      const d = dialog();
      await d.waitFor();
      if (fields.company) await pick(d.getByLabel('会社'), fields.company);
      await d.getByLabel('コード').fill(fields.code);
      await d.getByLabel('名称').fill(fields.name);
      if (fields.parent) await pick(d.getByLabel('上位部署'), fields.parent);
      await d.getByRole('button', { name: '登録' }).click();
    }

    async function pick(select: Locator, option: string) {
      await select.click();
      await page.getByRole('option', { name: option }).click();
    }

    async function openMaster(label: string) {
      await page.getByRole('link', { name: 'マスタメンテナンス', exact: true }).click();
      await page.getByRole('heading', { name: 'マスタメンテナンス', exact: true }).waitFor();
      await page.getByRole('main').getByRole('link', { name: label, exact: true }).click();
      await page.getByRole('heading', { name: label, exact: true }).waitFor();
    }

    it('opens マスタメンテナンス一覧 with every group and its count', async () => {
      await logInAsAdmin(page, server.url);
      await page.getByRole('link', { name: 'マスタメンテナンス', exact: true }).click();
      await page.getByRole('heading', { name: 'マスタメンテナンス', exact: true }).waitFor();
      for (const group of [
        '会社',
        '部署',
        '拠点',
        '契約条件',
        '役職・職位',
        '職種',
        '資格・免許',
        '障がい種類',
        '応対記録カテゴリ',
      ]) {
        await page.getByRole('region', { name: group, exact: true }).waitFor();
      }
      // 応対記録カテゴリ（大区分） is seeded for every tenant.
      await page.getByLabel('応対記録カテゴリ（大区分）の件数').getByText('9件').waitFor();
      await shot(page, 'masters-01-index');
    });

    it('registers 会社 001 株式会社アクメ', async () => {
      await page.getByRole('main').getByRole('link', { name: '会社', exact: true }).click();
      await page.getByRole('heading', { name: '会社', exact: true }).waitFor();
      await page.getByRole('button', { name: '新規登録' }).click();
      await dialog().getByLabel('コード').fill('001');
      await dialog().getByLabel('名称').fill(ADMIN.tenantName);
      await shot(page, 'masters-02-company-form');
      await dialog().getByRole('button', { name: '登録' }).click();
      await dialog().waitFor({ state: 'detached' });
      await row('会社', '001').getByText(ADMIN.tenantName).waitFor();
      await shot(page, 'masters-03-company-registered');
    });

    it('registers a three-level 部署 tree', async () => {
      await openMaster('部署');
      await register({ company: `001 ${ADMIN.tenantName}`, code: '100', name: '本社' });
      await dialog().waitFor({ state: 'detached' });
      await register({ company: `001 ${ADMIN.tenantName}`, code: '110', name: '事業開発部', parent: '100 本社' });
      await dialog().waitFor({ state: 'detached' });
      await register({
        company: `001 ${ADMIN.tenantName}`,
        code: '111',
        name: '事業開発第二課',
        parent: '110 事業開発部',
      });
      await dialog().waitFor({ state: 'detached' });

      const tree = page.getByRole('tree');
      const level3 = tree.getByRole('treeitem', { name: '事業開発第二課' });
      await level3.waitFor();
      expect(await tree.getByRole('treeitem', { name: '本社' }).getAttribute('aria-level')).toBe('1');
      expect(await tree.getByRole('treeitem', { name: '事業開発部' }).getAttribute('aria-level')).toBe('2');
      expect(await level3.getAttribute('aria-level')).toBe('3');
      // nested: 第二課 inside 事業開発部 inside 本社
      expect(
        await tree
          .getByRole('treeitem', { name: '本社' })
          .getByRole('treeitem', { name: '事業開発部' })
          .getByRole('treeitem', { name: '事業開発第二課' })
          .count(),
      ).toBe(1);
      await row('部署', '111').getByText('事業開発部', { exact: true }).waitFor();
      // the table lists the tree in order too: each department right after its parent
      const codes = await table('部署').getByRole('row').locator('td:nth-child(2)').allInnerTexts();
      expect(codes).toEqual(['100', '110', '111']);
      await shot(page, 'masters-04-department-tree');
    });

    it('offers neither 事業開発部 itself nor its own 第二課 as its 上位部署', async () => {
      await page.getByRole('button', { name: '事業開発部を編集' }).click();
      await dialog().getByLabel('上位部署').click();
      await page.getByRole('option', { name: '100 本社' }).waitFor();
      expect(await page.getByRole('option').allInnerTexts()).toEqual(['100 本社']);
      await shot(page, 'masters-04b-parent-options');
      await page.keyboard.press('Escape');
      await dialog().getByRole('button', { name: 'キャンセル' }).click();
      await dialog().waitFor({ state: 'detached' });
    });

    it('shows the duplicate-code error under コード', async () => {
      await register({ company: `001 ${ADMIN.tenantName}`, code: '110', name: '営業部' });
      const code = dialog().getByLabel('コード');
      await dialog().getByText('コード「110」は既に使われています').waitFor();
      expect(await code.getAttribute('aria-invalid')).toBe('true');
      await shot(page, 'masters-05-duplicate-code');
      // an empty コード gets one message, not 「入力してください」 and the format rule together
      await code.fill('');
      await dialog().getByRole('button', { name: '登録' }).click();
      await dialog().getByText('コードを入力してください', { exact: true }).waitFor();
      expect(
        await dialog()
          .getByText(/コードは半角英数字/)
          .count(),
      ).toBe(0);
      await dialog().getByRole('button', { name: 'キャンセル' }).click();
      await dialog().waitFor({ state: 'detached' });
    });

    it('refuses to delete 本社, which is in use', async () => {
      const del = row('部署', '100').getByRole('button', { name: '本社を削除' });
      expect(await del.getAttribute('aria-disabled')).toBe('true');
      await row('部署', '100').getByText('使用中').waitFor();
      await del.hover();
      await page.getByText('使用中のため削除できません').waitFor();
      await del.click({ force: true });
      expect(await dialog().count()).toBe(0);
      await shot(page, 'masters-06-in-use-delete-refused');
    });

    it('makes a 役職 invalid and shows the 無効 badge', async () => {
      await openMaster('役職');
      await register({ code: '01', name: '部長' });
      await dialog().waitFor({ state: 'detached' });
      await row('役職', '01').getByText('有効', { exact: true }).waitFor();
      await row('役職', '01').getByRole('button', { name: '部長を編集' }).click();
      await dialog().getByLabel('有効').uncheck();
      await dialog().getByRole('button', { name: '更新' }).click();
      await dialog().waitFor({ state: 'detached' });
      await row('役職', '01').getByText('無効', { exact: true }).waitFor();
      await shot(page, 'masters-07-invalid-badge');

      await page.getByLabel('無効も表示').uncheck();
      await page.getByText('登録されていません。').waitFor();
    });
  },
);
