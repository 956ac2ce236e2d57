// The API's edge. Every answer and download may carry personal data: no browser or proxy cache may
// keep it (Cache-Control: no-store), errors included; the SPA's index.html only revalidates.
// Text no database can store (NUL, lone surrogates) is refused at the schema with the field named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ADMIN_ROLES } from '@jinji/contracts/hr/roles';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../test/helpers';

let t: TestApp;
let admin: Client;
let employeeId: string;

beforeAll(async () => {
  const web = mkdtempSync(path.join(tmpdir(), 'jinji-web-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><html lang="ja"><title>jinji</title></html>');
  t = await createTestApp({ webDist: web });
  const tenant = await createTestTenant(t.db);
  await createTestUser(t.db, tenant.tenantId, 'all', [...ADMIN_ROLES]);
  admin = new Client(t.app);
  await admin.login(tenant.code, 'all', STRONG_PASSWORD);
  const res = await admin.request('POST', '/api/v1/employees', {
    lastName: '山田',
    firstName: '花子',
    lastNameKana: 'やまだ',
    firstNameKana: 'はなこ',
    birthDate: '1990-01-01',
    gender: '女性',
    hireDate: '2025-04-01',
  });
  employeeId = res.json().id;
}, 180_000);
afterAll(() => t?.close());

describe(`Cache-Control (${TEST_DB})`, () => {
  it('answers every GET route of the route list with no-store, signed in or not', async () => {
    const gets = t.app.apiRoutes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const route of gets) {
      const url = route.url.replace(':id', employeeId).replace(':role', 'hr_admin');
      for (const client of [admin, new Client(t.app)]) {
        const res = await client.request('GET', url);
        if (res.headers['cache-control'] !== 'no-store') {
          missing.push(`${url} ${res.statusCode}: ${res.headers['cache-control']}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('sends no-store on downloads, validation errors and unknown API paths too', async () => {
    const download = await admin.request('GET', '/api/v1/employees/export?encoding=utf8');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.headers['cache-control']).toBe('no-store');
    const invalid = await admin.request('GET', '/api/v1/employees?q=a%00b');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['cache-control']).toBe('no-store');
    const unknown = await admin.request('GET', '/api/v1/no-such-thing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['cache-control']).toBe('no-store');
  });

  it('lets the SPA page revalidate instead (no personal data in it)', async () => {
    const page = await t.app.inject({ url: '/employees' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});

describe(`characters no database can store (${TEST_DB})`, () => {
  const fieldsOf = (res: { statusCode: number; json(): unknown }) => {
    expect(res.statusCode).toBe(400);
    const body = res.json() as { error: { code: string; fields: { path: string; message: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    return body.error.fields;
  };

  it('refuses NUL and lone surrogates in a login, naming the field', async () => {
    const res = await new Client(t.app).request('POST', '/api/v1/auth/login', {
      tenantCode: 'acme',
      loginId: 'a\u0000b',
      password: '\uD800',
    });
    expect(fieldsOf(res)).toEqual([
      { path: 'loginId', message: 'ログインIDに使用できない文字（制御文字・不正な文字）が含まれています' },
      { path: 'password', message: 'パスワードに使用できない文字（制御文字・不正な文字）が含まれています' },
    ]);
  });

  it('refuses them in searches and exports before any byte of the file is sent', async () => {
    expect(fieldsOf(await admin.request('GET', '/api/v1/employees?q=a%00b'))).toEqual([
      { path: 'q', message: 'キーワードに使用できない文字（制御文字・不正な文字）が含まれています' },
    ]);
    const exported = await admin.request('GET', '/api/v1/employees/export?q=%00');
    expect(fieldsOf(exported)[0]?.path).toBe('q');
    expect(exported.headers['content-disposition']).toBeUndefined();
  });

  it('refuses them in employee and master edits and writes nothing', async () => {
    const before = (await admin.request('GET', `/api/v1/employees/${employeeId}`)).json();
    const res = await admin.request('PUT', `/api/v1/employees/${employeeId}/basic`, {
      ...before.basic,
      lastName: '山\u0000田',
      city: '\uDC00',
    });
    expect(fieldsOf(res)).toEqual([
      { path: 'lastName', message: '本名(姓)に使用できない文字（制御文字・不正な文字）が含まれています' },
      { path: 'city', message: '市区町村に使用できない文字（制御文字・不正な文字）が含まれています' },
    ]);
    expect((await admin.request('GET', `/api/v1/employees/${employeeId}`)).json().basic).toEqual(before.basic);
    const master = await admin.request('POST', '/api/v1/masters/company', { code: 'C9', name: '株式会社\u0000' });
    expect(fieldsOf(master)).toEqual([
      { path: 'name', message: '名称に使用できない文字（制御文字・不正な文字）が含まれています' },
    ]);
  });

  it('keeps RTL overrides and 𠮷 (text a database stores) as they are', async () => {
    const res = await admin.request('POST', '/api/v1/masters/company', { code: 'C8', name: '𠮷野\u202E商事' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('𠮷野\u202E商事');
  });

  it('answers a broken %-escape or invalid UTF-8 in a path or query with a 4xx', async () => {
    for (const url of ['/api/v1/employees/%E0%A4%A', '/api/v1/employees/%00', '/api/v1/employees?q=%zz&page=%']) {
      const res = await admin.request('GET', url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
  });
});
