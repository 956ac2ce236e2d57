// 個人プロフィール (R-PROF-1) through the API: 個人プロフィール出力設定 (saved per tenant, audited, Japanese
// messages naming the field), and the PDF as a reader gets it — checked by its extracted text (labels, the
// masked 「*」, 「-」 for what is missing, page numbers) and rendered to PNG (tests/e2e/screenshots) to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { HEALTH_TITLE, LONG_BODY, seedProfileEmployee } from '../../../test/profile-sheet-fixture';
import { createSampleEmployees } from '../employees/employees.service';

const SHOTS = path.resolve(import.meta.dirname, '../../../../../tests/e2e/screenshots');
const work = mkdtempSync(path.join(tmpdir(), 'profile-sheet-'));

let t: TestApp;
let tenantId: string;
let hr: Client;
let viewer: Client;
let employeeId: string;
let bareId: string;

const pdfText = (bytes: Buffer, name: string) => {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};
/** Every page as PNG under tests/e2e/screenshots/profile-sheet-<name>-<n>.png; the page count. */
const toPngs = (bytes: Buffer, name: string) => {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, bytes);
  const prefix = path.join(work, name);
  execFileSync('pdftoppm', ['-r', '80', '-png', file, prefix]);
  mkdirSync(SHOTS, { recursive: true });
  const pages = readdirSync(work).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  for (const p of pages)
    renameSync(path.join(work, p), path.join(SHOTS, `profile-sheet-${p.replace(/-0*(\d+)\.png$/, '-$1.png')}`));
  return pages.length;
};
const getPdf = async (c: Client, id: string, query = '') => {
  const res = await c.request('GET', `/api/v1/employees/${id}/profile-sheet.pdf${query}`);
  return res;
};

beforeAll(async () => {
  t = await createTestApp();
  ({ tenantId } = await createTestTenant(t.db, 'acme'));
  await createTestUser(t.db, tenantId, 'hr', ['hr_admin']);
  await createTestUser(t.db, tenantId, 'viewer', ['employee_admin']);
  await t.db.executeSql(`update user_accounts set display_name = '全権管理 花子' where login_id = 'hr'`);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  viewer = new Client(t.app);
  await viewer.login('acme', 'viewer', STRONG_PASSWORD);
  ({ employeeId } = await seedProfileEmployee(t.db, tenantId, hr));
  await createSampleEmployees(t.db, tenantId, [
    {
      employeeNumber: 'P-BARE',
      lastName: '新人',
      firstName: '太郎',
      lastNameKana: 'しんじん',
      firstNameKana: 'たろう',
      birthDate: '2000-01-01',
      gender: '男性',
      hireDate: '2025-04-01',
    },
  ]);
  bareId = (
    (await t.db.executeSql(`select id from employees where employee_number = 'P-BARE'`)).rows[0] as { id: string }
  ).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe(`個人プロフィール出力設定 (${TEST_DB})`, () => {
  it('starts from the defaults, saves per tenant with an audit row, and a viewer may read but not save', async () => {
    const first = (await hr.request('GET', '/api/v1/profile-sheet/settings')).json();
    expect(first).toMatchObject({ isDefault: true, canEdit: true, settings: { recordLimit: 5, personalItems: [] } });
    // 面談 is the 面談履歴's, not a 大区分 to choose
    expect(first.categories.map((c: { name: string }) => c.name)).not.toContain('面談');
    expect(first.categories.map((c: { name: string }) => c.name)).toContain('健康状態');
    const settings = {
      ...first.settings,
      personalItems: ['identity', 'contacts'],
      recordLimit: 8,
      interviewRange: { kind: 'dates', from: '2020-01-01', to: null },
    };
    const put = await hr.request('PUT', '/api/v1/profile-sheet/settings', settings);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ isDefault: false, settings: { recordLimit: 8 } });
    const audit = (
      await t.db.executeSql(
        `select action, before, after from audit_logs where target_type = 'profile_sheet_settings' order by at desc limit 1`,
      )
    ).rows[0] as { action: string; before: Record<string, unknown>; after: Record<string, unknown> };
    expect(audit).toMatchObject({ action: 'update', before: { recordLimit: 5 }, after: { recordLimit: 8 } });

    const read = await viewer.request('GET', '/api/v1/profile-sheet/settings');
    expect(read.json()).toMatchObject({ canEdit: false, settings: { recordLimit: 8 } });
    // a viewer without employees.sensitive is not offered 健康状態
    expect(read.json().categories.map((c: { name: string }) => c.name)).not.toContain('健康状態');
    expect((await viewer.request('PUT', '/api/v1/profile-sheet/settings', settings)).statusCode).toBe(403);
    // back to what the sheet tests below expect
    await hr.request('PUT', '/api/v1/profile-sheet/settings', first.settings);
  });

  it('refuses 表示件数 outside 3–10 and an end before the start, naming the field, and keeps what was saved', async () => {
    const { settings } = (await hr.request('GET', '/api/v1/profile-sheet/settings')).json();
    const bad = await hr.request('PUT', '/api/v1/profile-sheet/settings', { ...settings, recordLimit: 11 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'recordLimit', message: '応対記録の表示件数は3件から10件の範囲で指定してください' },
    ]);
    const reversed = await hr.request('PUT', '/api/v1/profile-sheet/settings', {
      ...settings,
      interviewLimit: 2,
      recordRange: { kind: 'dates', from: '2025-04-15', to: '2025-03-16' },
    });
    expect(reversed.statusCode).toBe(400);
    expect(
      reversed
        .json()
        .error.fields.map((f: { message: string }) => f.message)
        .sort(),
    ).toEqual([
      '応対記録の記録日（終了日）は開始日以降の日付を指定してください',
      '面談履歴の表示件数は3件から10件の範囲で指定してください',
    ]);
    expect((await hr.request('GET', '/api/v1/profile-sheet/settings')).json().settings).toEqual(settings);
    // the same rules at output time
    const q = await getPdf(hr, employeeId, '?recordLimit=2');
    expect(q.statusCode).toBe(400);
    expect(q.body).toContain('応対記録の表示件数は3件から10件の範囲で指定してください');
    const r = await getPdf(hr, employeeId, '?recordFrom=2025-04-15&recordTo=2025-03-16');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('応対記録の記録日（終了日）は開始日以降の日付を指定してください');
  });
});

describe(`個人プロフィール PDF (${TEST_DB})`, () => {
  it('人事 prints every item: the sample sheet’s sections, the long 内容 over pages, 「n / N」, audit-logged', async () => {
    const res = await getPdf(
      hr,
      employeeId,
      '?personalItems=identity,address,contacts,disabilityAwards&recordLimit=10',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes, 'full');
    const flat = text.replace(/\s+/g, '');
    for (const label of [
      '個人プロフィール',
      '出力日：',
      '出力者：全権管理 花子',
      '契約情報',
      '個人情報',
      '所属情報',
      '勤怠実績',
      '応対記録',
      '面談履歴',
    ])
      expect(text).toContain(label);
    expect(text).toContain('社員 花子'); // ビジネスネーム
    expect(text).toContain('山本 花子（やまもと はなこ）');
    expect(text).toContain('東京都 千代田区 丸の内1-1-1');
    expect(text).toContain('山本 一郎（父） 03-9876-5432');
    expect(flat).toContain('障がい有');
    expect(flat).toContain('[現在]2022/02/20');
    expect(flat).toContain('株式会社インソース事業開発部事業開発第二課');
    // 勤務地 did not change at the transfer: its [現在] runs from the hire date
    expect(flat).toMatch(/勤務地\[現在\]2020\/04\/01\(\d+年\d+か月\)株式会社インソース東京本社/);
    expect(text).toContain('124:25');
    expect(flat).toContain('中途採用');
    // newest first; 完了 / 未完了; 健康状態 for a reader allowed it; 面談 only in 面談履歴
    const order = ['雇用形態の相談', HEALTH_TITLE, '通勤経路の変更', '評価面談の事前メモ 1'].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(flat).toContain('未完了');
    expect(text.indexOf('定期面談（上期）')).toBeGreaterThan(text.indexOf('面談履歴'));
    // the whole 3,000-character 内容, wrapped over pages (its last characters are there)
    expect(flat).toContain(LONG_BODY.slice(-40).replace(/\s+/g, ''));
    const pages = toPngs(bytes, 'full');
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(flat).toContain(`1/${pages}`);
    expect(flat).toContain(`${pages}/${pages}`);
    // the output is audit-logged: who printed whose sheet; the 要配慮 parts as a view of them
    const rows = (
      await t.db.executeSql(
        `select a.action, a.is_sensitive, a.actor_login_id as login_id from audit_logs a
         where a.target_id = '${employeeId}' and a.action in ('export', 'view_sensitive') order by a.at, a.action`,
      )
    ).rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'export', is_sensitive: false, login_id: 'hr' },
        { action: 'view_sensitive', is_sensitive: true, login_id: 'hr' },
      ]),
    );
  });

  it('a role without 要配慮 access gets 「*」 for 障がい・賞罰 and no 健康状態 record; unchosen items are 「*」', async () => {
    const res = await getPdf(viewer, employeeId, '?personalItems=identity,disabilityAwards');
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload, 'viewer');
    const flat = text.replace(/\s+/g, '');
    expect(text).toContain('山本 花子（やまもと はなこ）');
    expect(flat).toContain('障がい**');
    expect(flat).toContain('賞罰**');
    expect(flat).toContain('現住所*****');
    expect(flat).toContain('緊急連絡先1*****');
    expect(text).not.toContain('HEALTHMARK');
    expect(text).toContain('雇用形態の相談');
    toPngs(res.rawPayload, 'masked');
    // the saved default prints no 個人情報 at all
    const byDefault = pdfText((await getPdf(viewer, employeeId)).rawPayload, 'default').replace(/\s+/g, '');
    expect(byDefault).toContain('本名*****');
    expect(byDefault).toContain('性別**');
    expect(byDefault).not.toContain('山本花子');
  });

  it('an employee without 所属, 勤怠 or 応対記録 prints 「-」; an id the reader cannot see is 404', async () => {
    const res = await getPdf(hr, bareId);
    expect(res.statusCode).toBe(200);
    const flat = pdfText(res.rawPayload, 'bare').replace(/\s+/g, '');
    expect(flat).toContain('所属--');
    expect(flat).toContain('勤怠実績-');
    expect(flat).toContain('応対記録-');
    expect(flat).toContain('1/1');
    toPngs(res.rawPayload, 'bare');
    expect((await getPdf(hr, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await getPdf(hr, 'not-a-uuid')).statusCode).toBe(400);
  });
});
