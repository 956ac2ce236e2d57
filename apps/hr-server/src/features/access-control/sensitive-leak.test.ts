// SECURITY.md "Object- and field-level access" for 要配慮個人情報: values planted through the API (so
// they are in the employee record AND the audit trail) never reach a role without employees.sensitive,
// through ANY registered GET route — JSON, CSV (any encoding) or XLSX. Built from Fastify's own route list.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAllowed } from '@jinji/contracts/hr/access';
import { SENSITIVE_MASK } from '@jinji/contracts/hr/audit';
import { ADMIN_ROLES, type TAdminRole } from '@jinji/contracts/hr/roles';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  fileSampleRequest,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import type { ApiRoute } from '../../plugins/auth';

// ASCII inside Japanese text, so the markers are found in UTF-8, Shift_JIS and XML alike.
const GRADE_MARK = '2級LEAKGRADE7Q';
const AWARD_MARK = '社長賞LEAKAWARD9Z';
const HEALTH_MARK = '通院LEAKHEALTH3R';
const MARKS = ['LEAKGRADE7Q', 'LEAKAWARD9Z', 'LEAKHEALTH3R'];

let t: TestApp;
let employeeId: string;
let hr: Client;
let requestId: string;
let attachmentId: string;
let healthRecordId: string;

const UNALLOWED: (TAdminRole | 'ippan')[] = [
  ...ADMIN_ROLES.filter((r) => !isAllowed([r], 'employees.sensitive')),
  'ippan',
];

beforeAll(async () => {
  t = await createTestApp({
    login: { lockThreshold: 100, lockMs: 1000, accountHourlyLimit: 100_000, ratePerMinute: 100_000 },
  });
  const a = await createTestTenant(t.db, 'tenant-a');
  for (const role of ADMIN_ROLES)
    if (role !== 'system_admin') await createTestUser(t.db, a.tenantId, `u-${role}`, [role]);
  await createTestUser(t.db, a.tenantId, 'u-ippan');
  // an auditor who may also see 要配慮情報
  await createTestUser(t.db, a.tenantId, 'u-auditor-hr', ['system_admin', 'hr_admin']);
  hr = new Client(t.app);
  await hr.login('tenant-a', 'u-hr_admin', STRONG_PASSWORD);
  const disabilityType = (
    await hr.request('POST', '/api/v1/masters/disability_type', { code: 'H1', name: '身体障がい' })
  ).json().id;
  employeeId = (
    await hr.request('POST', '/api/v1/employees', {
      employeeNumber: 'A-1',
      lastName: '秘密',
      firstName: '保持',
      lastNameKana: 'ひみつ',
      firstNameKana: 'ほじ',
      birthDate: '1990-01-01',
      gender: '女性',
      hireDate: '2020-04-01',
    })
  ).json().id;
  const put = (grade: string, title: string) =>
    hr.request('PUT', `/api/v1/employees/${employeeId}/sensitive`, {
      disabilities: [{ disabilityTypeId: disabilityType, grade }],
      awards: [{ kind: '賞', title, awardedOn: '2023-03-31' }],
    });
  expect((await put(GRADE_MARK, AWARD_MARK)).statusCode).toBe(200);
  // a second edit puts the markers into a before-image too
  expect((await put('3級', '部長賞')).statusCode).toBe(200);
  // 一般 is that employee: マイページ's routes (/me/…) answer with this very record, and must leave it out
  await t.db.executeSql(`update user_accounts set employee_id = '${employeeId}' where login_id = 'u-ippan'`);
  // and files a 届出 (with an attachment) that 人事管理者 approves: the request routes read that employee too
  const ippan = new Client(t.app);
  await ippan.login('tenant-a', 'u-ippan', STRONG_PASSWORD);
  ({ requestId, attachmentId } = await fileSampleRequest(hr, ippan));
  // a 健康状態 応対記録 about that employee (an open task, so the task list carries it too)
  const categories = (await hr.request('GET', '/api/v1/records/form-options')).json().categories;
  const health = await hr.request('POST', '/api/v1/records', {
    targetIds: [employeeId],
    categoryId: categories.find((c: { code: string }) => c.code === '04').id,
    title: HEALTH_MARK,
    body: `診断書${HEALTH_MARK}`,
    isCompleted: false,
    dueOn: '2099-12-31',
  });
  expect(health.statusCode).toBe(201);
  healthRecordId = health.json().id;
}, 120_000);
afterAll(() => t?.close());

const urlOf = (route: ApiRoute) =>
  route.url
    .replace(':id', route.url.startsWith('/api/v1/requests/') ? requestId : employeeId)
    .replace(':requestId', requestId)
    .replace(':recordId', healthRecordId)
    .replace(':attachmentId', attachmentId)
    .replace(':role', 'hr_admin');

/** No query, plus the queries that change what a route returns (file formats, the audit filters). */
function variants(route: ApiRoute): string[] {
  const base = urlOf(route);
  const out = [base];
  if (/\/(export|template|errors)$/.test(route.url)) out.push(`${base}?encoding=cp932`, `${base}?encoding=xlsx`);
  // the profile sheet asking for every item and the 健康状態 record's 大区分 among all of them
  if (route.url.endsWith('/profile-sheet.pdf'))
    out.push(`${base}?personalItems=identity,address,contacts,disabilityAwards&recordCategoryIds=all&recordLimit=10`);
  if (route.url.startsWith('/api/v1/audit-logs'))
    out.push(
      `${base}?targetId=${employeeId}`,
      `${base}?targetId=${healthRecordId}`,
      `${base}?employee=A-1`,
      `${base}?action=update`,
    );
  return out;
}

function xlsxTexts(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const texts: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            texts.push(Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(texts));
      zip.readEntry();
    });
  });
}

/** A PDF's text as a reader sees it (its streams are compressed and its glyphs subset: the bytes hide it). */
function pdfTexts(bytes: Buffer): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'leak-pdf-')), 'sheet.pdf');
  writeFileSync(file, bytes);
  try {
    // a file that only claims to be a PDF (a 届出's sample attachment) is scanned as its bytes
    return [execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })];
  } catch {
    return [bytes.toString('latin1')];
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** Every text a response carries: the body as bytes (UTF-8, Shift_JIS keep ASCII), each entry of a zip, a PDF's text. */
async function textsOf(body: Buffer): Promise<string[]> {
  const isZip = body[0] === 0x50 && body[1] === 0x4b;
  if (body.subarray(0, 5).toString('latin1') === '%PDF-') return pdfTexts(body);
  return isZip ? xlsxTexts(body) : [body.toString('latin1')];
}

describe(`要配慮情報 never leaves through a GET route to a role without it (${TEST_DB})`, () => {
  it('the markers are really in the record and the audit trail (seen by an allowed auditor, who is logged)', async () => {
    const auditor = new Client(t.app);
    await auditor.login('tenant-a', 'u-auditor-hr', STRONG_PASSWORD);
    const logs = await auditor.request('GET', `/api/v1/audit-logs?targetId=${employeeId}&action=update`);
    expect(logs.body).toContain(GRADE_MARK);
    expect(logs.body).toContain(AWARD_MARK);
    const csv = await auditor.request('GET', `/api/v1/audit-logs/export?targetId=${employeeId}`);
    expect(csv.body).toContain(AWARD_MARK);
    const views = (await auditor.request('GET', `/api/v1/audit-logs?targetId=${employeeId}&action=view_sensitive`))
      .json()
      .items.filter((i: { actorLoginId: string }) => i.actorLoginId === 'u-auditor-hr');
    // the list that showed the values is a view of that employee; the export is its own row
    expect(views.length).toBe(1);
    expect(views[0].after).toMatchObject({ screen: '操作ログ' });
    const exports = (await auditor.request('GET', '/api/v1/audit-logs?action=export')).json().items;
    expect(exports[0]).toMatchObject({ targetType: 'audit_log', actorLoginId: 'u-auditor-hr' });
    expect(exports[0].after).toMatchObject({ sensitiveRows: 2 });
  });

  it('the 個人プロフィール PDF carries the 健康状態 record for an allowed reader: the scan reads its text', async () => {
    const pdf = await hr.request('GET', `/api/v1/employees/${employeeId}/profile-sheet.pdf?recordCategoryIds=all`);
    expect(pdf.statusCode).toBe(200);
    expect((await textsOf(pdf.rawPayload)).join('')).toContain('LEAKHEALTH3R');
  });

  it('a システム管理者 reads the same rows with the values masked, in JSON and in the CSV', async () => {
    const admin = new Client(t.app);
    await admin.login('tenant-a', 'admin', STRONG_PASSWORD);
    const logs = (await admin.request('GET', `/api/v1/audit-logs?targetId=${employeeId}&action=update`)).json();
    const sensitive = logs.items.filter((i: { isSensitive: boolean }) => i.isSensitive);
    expect(sensitive.length).toBe(2);
    expect(sensitive[0]).toMatchObject({ isMasked: true, after: { sensitive: SENSITIVE_MASK } });
    const csv = (await admin.request('GET', `/api/v1/audit-logs/export?targetId=${employeeId}`)).body;
    expect(csv).toContain(`要配慮情報,${SENSITIVE_MASK},${SENSITIVE_MASK}`);
  });

  it('no GET route × role without employees.sensitive returns a marker (JSON, CSV, XLSX)', async () => {
    const routes = t.app.apiRoutes.filter((r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    let scanned = 0;
    let allowed = 0;
    for (const role of UNALLOWED) {
      const c = new Client(t.app);
      const login = await c.login('tenant-a', role === 'system_admin' ? 'admin' : `u-${role}`, STRONG_PASSWORD);
      expect(login.statusCode).toBe(200);
      for (const route of routes) {
        for (const url of variants(route)) {
          const res = await c.request('GET', url);
          scanned++;
          if (res.statusCode === 200) allowed++;
          for (const text of await textsOf(res.rawPayload))
            for (const mark of MARKS)
              if (text.includes(mark)) leaks.push(`${role} GET ${url} (${res.statusCode}): ${mark}`);
        }
      }
    }
    console.log(
      `要配慮 leak scan: ${routes.length} GET routes × ${UNALLOWED.length} roles = ${scanned} responses (${allowed} with 200) scanned`,
    );
    expect(leaks).toEqual([]);
    expect(allowed).toBeGreaterThan(routes.length); // the scan reached real data, not only 403s
  }, 300_000);
});
