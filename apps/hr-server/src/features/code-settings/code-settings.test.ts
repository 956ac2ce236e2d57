// コード設定: the seed's two tables are the test, and numbers never repeat under concurrency.

import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createTestTenant, STRONG_PASSWORD, type TestApp } from '../../../test/helpers';
import { generateCodes } from './code-settings.service';

let t: TestApp;
let admin: Client;
let tenantId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTestTenant(t.db, 'acme')).tenantId;
  admin = new Client(t.app);
  await admin.login('acme', 'admin', STRONG_PASSWORD);
});
afterAll(() => t?.close());

const put = (body: unknown) => admin.request('PUT', '/api/v1/code-settings', body);
const gen = (
  op: 'single' | 'bulk_new' | 'bulk_update',
  items: { employeeNumber: string | null; loginId: string | null }[],
) =>
  t.db.asTenant(tenantId, (tx) =>
    generateCodes(
      tx,
      tenantId,
      op,
      items.map((i) => ({ ...i, hireDate: '2025-04-01' })),
    ),
  );
const rule = (prefix: string, width: number, includeHireYear = false) => ({ prefix, width, includeHireYear });

describe(`code settings (${TEST_DB})`, () => {
  it('defaults to 直接入力 for both', async () => {
    const res = (await admin.request('GET', '/api/v1/code-settings')).json();
    expect(res).toEqual({
      settings: { loginIdMode: 'direct', loginIdRule: null, employeeNumberMode: 'direct', employeeNumberRule: null },
      next: { loginId: 1, employeeNumber: 1 },
    });
    expect(await gen('single', [{ employeeNumber: 'A-1', loginId: 'hanako' }])).toEqual([
      { employeeNumber: 'A-1', loginId: 'hanako' },
    ]);
  });

  it('ログインID = 社員番号: the same string as the employee number, even over a value in the file', async () => {
    await put({
      loginIdMode: 'employee_number',
      loginIdRule: null,
      employeeNumberMode: 'direct',
      employeeNumberRule: null,
    });
    expect(await gen('single', [{ employeeNumber: '000123', loginId: null }])).toEqual([
      { employeeNumber: '000123', loginId: '000123' },
    ]);
    expect(await gen('bulk_new', [{ employeeNumber: '000124', loginId: 'from-file' }])).toEqual([
      { employeeNumber: '000124', loginId: '000124' },
    ]);
  });

  it('ユーザー設定 for both: generated from the rules, the rule wins over the file on bulk new registration', async () => {
    const res = await put({
      loginIdMode: 'rule',
      loginIdRule: rule('u', 5),
      employeeNumberMode: 'rule',
      employeeNumberRule: rule('EMP', 4, true),
    });
    expect(res.statusCode).toBe(200);
    expect(await gen('single', [{ employeeNumber: null, loginId: null }])).toEqual([
      { employeeNumber: 'EMP20250001', loginId: 'u00001' },
    ]);
    expect(
      await gen('bulk_new', [
        { employeeNumber: 'FILE-1', loginId: 'file-login-1' },
        { employeeNumber: 'FILE-2', loginId: 'file-login-2' },
      ]),
    ).toEqual([
      { employeeNumber: 'EMP20250002', loginId: 'u00002' },
      { employeeNumber: 'EMP20250003', loginId: 'u00003' },
    ]);
    expect((await admin.request('GET', '/api/v1/code-settings')).json().next).toEqual({
      loginId: 4,
      employeeNumber: 4,
    });
  });

  it('bulk update is 対象外: values are left exactly as they are and no number is used', async () => {
    expect(await gen('bulk_update', [{ employeeNumber: 'X-9', loginId: 'keep-me' }])).toEqual([
      { employeeNumber: 'X-9', loginId: 'keep-me' },
    ]);
    expect((await admin.request('GET', '/api/v1/code-settings')).json().next).toEqual({
      loginId: 4,
      employeeNumber: 4,
    });
  });

  it('never hands out the same number to concurrent registrations', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, () => gen('single', [{ employeeNumber: null, loginId: null }])),
    );
    const numbers = results.map((r) => r[0]!.employeeNumber);
    expect(new Set(numbers).size).toBe(25);
    const bulk = await Promise.all(
      Array.from({ length: 5 }, () =>
        gen(
          'bulk_new',
          Array.from({ length: 10 }, () => ({ employeeNumber: null, loginId: null })),
        ),
      ),
    );
    const all = [...numbers, ...bulk.flat().map((r) => r.employeeNumber)];
    expect(new Set(all).size).toBe(75);
  });

  it('refuses an invalid rule with the field named in Japanese, changing nothing', async () => {
    const before = (await admin.request('GET', '/api/v1/code-settings')).json().settings;
    for (const [body, path, message] of [
      [
        { loginIdMode: 'rule', loginIdRule: null, employeeNumberMode: 'direct', employeeNumberRule: null },
        'loginIdRule',
        'ログインIDの生成条件を入力してください',
      ],
      [
        { loginIdMode: 'rule', loginIdRule: rule('u', 0), employeeNumberMode: 'direct', employeeNumberRule: null },
        'loginIdRule.width',
        '連番の桁数は1以上で入力してください',
      ],
      [
        { loginIdMode: 'direct', loginIdRule: null, employeeNumberMode: 'rule', employeeNumberRule: rule('社員', 4) },
        'employeeNumberRule.prefix',
        '接頭辞は半角英数字記号の10文字以内で入力してください',
      ],
      [
        { loginIdMode: 'rule', loginIdRule: rule('', 2), employeeNumberMode: 'direct', employeeNumberRule: null },
        'loginIdRule.width',
        '接頭辞がない場合、連番の桁数は3以上にしてください',
      ],
    ] as const) {
      const res = await put(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toContainEqual({ path, message });
    }
    expect((await admin.request('GET', '/api/v1/code-settings')).json().settings).toEqual(before);
  });
});
