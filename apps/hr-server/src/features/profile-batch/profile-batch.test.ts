// 個人プロフィール一括出力 end to end on the real pg-boss: 従業員一覧's selection → a job → progress → one ZIP of
// `<社員番号>_<氏名>.pdf` (UTF-8 names); who may see it; bad input; a run killed half-way; the expiry.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { readZip } from '../../../test/zip';
import { createSampleEmployees } from '../employees/employees.service';
import { writeProfileSheet } from '../profile-sheet/profile-sheet.service';
import {
  cleanUpProfileBatches,
  resumeProfileBatches,
  runProfileBatch,
  type SheetWriter,
  startProfileBatch,
} from './profile-batch.service';

let t: TestApp;
let tenantId: string;
let hr: Client;
let ids: string[];
const sample = (n: number, last = '山田', first = '花子') => ({
  employeeNumber: `P${String(n).padStart(4, '0')}`,
  lastName: last,
  firstName: `${first}${n}`,
  lastNameKana: 'やまだ',
  firstNameKana: 'はなこ',
  birthDate: '1990-04-01',
  gender: '女性' as const,
  hireDate: '2022-04-01',
});

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true });
  const a = await createTestTenant(t.db, 'acme');
  tenantId = a.tenantId;
  await createTestUser(t.db, tenantId, 'hr', ['hr_admin']);
  await createTestUser(t.db, tenantId, 'hr2', ['hr_admin']);
  await createTestUser(t.db, tenantId, 'emp');
  ids = await createSampleEmployees(t.db, tenantId, [
    sample(1, '佐藤'),
    sample(2, '鈴木'),
    sample(3, '高橋'),
    { ...sample(4, '田中'), lastName: '田中/中村' }, // a slash in a name must not make a folder
  ]);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
}, 120_000);
afterAll(() => t?.close());

async function waitFor(client: Client, id: string) {
  for (let i = 0; i < 300; i++) {
    const b = (await client.request('GET', `/api/v1/profile-batches/${id}`)).json();
    if (b.status !== 'processing') return b;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('batch did not finish');
}

const auditCount = async (where: string) =>
  (
    (await t.db.executeSql(`select count(*)::int as n from audit_logs where tenant_id = '${tenantId}' and ${where}`))
      .rows[0] as { n: number }
  ).n;

describe(`個人プロフィール一括出力 (${TEST_DB})`, () => {
  it('picked employees → progress → one ZIP of <社員番号>_<氏名>.pdf with UTF-8 names, every sheet and the batch audited', async () => {
    const sheetsBefore = await auditCount(`action = 'export' and target_type = 'employee'`);
    const started = await hr.request('POST', '/api/v1/profile-batches', {
      selection: { kind: 'ids', ids: [ids[2], ids[0], ids[3]] },
      overrides: { personalItems: ['address'] },
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'processing', total: 3, done: 0 });
    const done = await waitFor(hr, started.json().id);
    expect(done).toMatchObject({ status: 'succeeded', total: 3, done: 3, skipped: { count: 0 } });
    expect(Date.parse(done.expiresAt) - Date.parse(done.finishedAt)).toBe(24 * 3600_000);

    const res = await hr.request('GET', `/api/v1/profile-batches/${done.id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('個人プロフィール_')}`,
    );
    expect(res.rawPayload.length).toBe(done.bytes);
    const entries = await readZip(res.rawPayload);
    // 社員番号 order, whatever order they were picked in
    expect(entries.map((e) => e.name)).toEqual([
      'P0001_佐藤花子1.pdf',
      'P0003_高橋花子3.pdf',
      'P0004_田中_中村花子4.pdf',
    ]);
    expect(entries.every((e) => e.isUtf8Name)).toBe(true);
    for (const e of entries) {
      expect(e.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(e.bytes.subarray(-6).toString()).toContain('%%EOF');
    }
    // the PDF is the employee's: its text names them
    const dir = mkdtempSync(path.join(tmpdir(), 'jinji-batch-'));
    try {
      writeFileSync(path.join(dir, 'a.pdf'), entries[1]!.bytes);
      expect(execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-']).toString()).toContain('P0003');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await auditCount(`action = 'export' and target_type = 'employee'`)).toBe(sheetsBefore + 3);
    const batchRows = (
      await t.db.executeSql(
        `select after, actor_login_id from audit_logs where target_type = 'profile_batch' and target_id = '${done.id}' order by at`,
      )
    ).rows as { after: Record<string, unknown>; actor_login_id: string }[];
    // the batch (one row with the count) and the download
    expect(batchRows.map((r) => r.after)).toEqual([
      { output: 'profile_batch_zip', total: 3, count: 3, skipped: 0 },
      { download: 'zip', count: 3, bytes: done.bytes },
    ]);
    expect(batchRows.every((r) => r.actor_login_id === 'hr')).toBe(true);
  }, 60_000);

  it('「検索結果すべてを選択」: the server runs the search again and prints every match', async () => {
    const started = await hr.request('POST', '/api/v1/profile-batches', {
      selection: { kind: 'filter', filter: { q: '花子' } },
    });
    expect(started.statusCode).toBe(202);
    const done = await waitFor(hr, started.json().id);
    expect(done).toMatchObject({ status: 'succeeded', total: 4, done: 4 });
    const entries = await readZip((await hr.request('GET', `/api/v1/profile-batches/${done.id}/download`)).rawPayload);
    expect(entries).toHaveLength(4);
  }, 60_000);

  it('only the user who started it sees its progress and download; another tenant gets 404', async () => {
    const started = (
      await hr.request('POST', '/api/v1/profile-batches', { selection: { kind: 'ids', ids: [ids[0]] } })
    ).json();
    await waitFor(hr, started.id);
    const hr2 = new Client(t.app);
    await hr2.login('acme', 'hr2', STRONG_PASSWORD);
    expect((await hr2.request('GET', `/api/v1/profile-batches/${started.id}`)).statusCode).toBe(404);
    expect((await hr2.request('GET', `/api/v1/profile-batches/${started.id}/download`)).statusCode).toBe(404);
    await createTestTenant(t.db, 'other');
    const other = new Client(t.app);
    await other.login('other', 'admin', STRONG_PASSWORD);
    expect((await other.request('GET', `/api/v1/profile-batches/${started.id}`)).statusCode).toBe(404);
    expect((await other.request('GET', `/api/v1/profile-batches/${started.id}/download`)).statusCode).toBe(404);
    // and cannot print tenant A's employees: nothing is started
    const foreign = await other.request('POST', '/api/v1/profile-batches', {
      selection: { kind: 'ids', ids: [ids[0]] },
    });
    expect(foreign.statusCode).toBe(404);
    // a role without 従業員一覧 gets no batch at all
    const emp = new Client(t.app);
    await emp.login('acme', 'emp', STRONG_PASSWORD);
    expect(
      (await emp.request('POST', '/api/v1/profile-batches', { selection: { kind: 'ids', ids: [ids[0]] } })).statusCode,
    ).toBe(403);
  }, 60_000);

  it('refuses an empty selection, a search that matches nobody and more than 5,000, writing no batch', async () => {
    const count = async () =>
      ((await t.db.executeSql('select count(*)::int as n from profile_batches')).rows[0] as { n: number }).n;
    const before = await count();
    const empty = await hr.request('POST', '/api/v1/profile-batches', { selection: { kind: 'ids', ids: [] } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message + JSON.stringify(empty.json().error.fields)).toContain(
      '従業員を選択してください',
    );
    const none = await hr.request('POST', '/api/v1/profile-batches', {
      selection: { kind: 'filter', filter: { q: '該当者なし' } },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('出力する従業員がいません。従業員を選択してください');
    const badItem = await hr.request('POST', '/api/v1/profile-batches', {
      selection: { kind: 'ids', ids: [ids[0]] },
      overrides: { personalItems: ['password'] },
    });
    expect(badItem.statusCode).toBe(400);
    expect(JSON.stringify(badItem.json())).toContain('出力する個人情報の指定が正しくありません');
    const many = await createSampleEmployees(
      t.db,
      tenantId,
      Array.from({ length: 5001 }, (_, i) => ({ ...sample(1000 + i, '大勢'), employeeNumber: `M${i}` })),
    );
    const tooMany = await hr.request('POST', '/api/v1/profile-batches', {
      selection: { kind: 'filter', filter: { q: '大勢' } },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toBe('一度に出力できるのは5,000人までです。検索条件で絞り込んでください');
    expect(await count()).toBe(before);
    await t.db.executeSql(`delete from employees where id in (${many.map((id) => `'${id}'`).join(',')})`);
  }, 120_000);

  it('an employee gone since the start is skipped and reported by 社員番号; the ZIP holds the others', async () => {
    const [gone] = await createSampleEmployees(t.db, tenantId, [sample(9, '消去')]);
    const ctx = await hrActor();
    const batch = await startProfileBatch(t.db, { send: async () => 'q' }, ctx, {
      selection: { kind: 'ids', ids: [ids[1]!, gone!] },
    });
    await t.db.executeSql(`delete from employees where id = '${gone}'`);
    await runProfileBatch(t.db, { tenantId, batchId: batch.id });
    const done = (await hr.request('GET', `/api/v1/profile-batches/${batch.id}`)).json();
    expect(done).toMatchObject({ status: 'succeeded', done: 1, skipped: { count: 1 } });
    const entries = await readZip((await hr.request('GET', `/api/v1/profile-batches/${batch.id}/download`)).rawPayload);
    expect(entries.map((e) => e.name)).toEqual(['P0002_鈴木花子2.pdf']);
  }, 60_000);

  it('a run killed half-way offers nothing to download; the restarted run writes the whole ZIP once', async () => {
    const ctx = await hrActor();
    const batch = await startProfileBatch(t.db, { send: async () => 'q' }, ctx, {
      selection: { kind: 'ids', ids: ids.slice(0, 4) },
    });
    // the process "dies" while writing the third sheet: the promise never settles, nothing after it runs
    let sheets = 0;
    const dying: SheetWriter = (db, actor, id, overrides, out) =>
      ++sheets === 3 ? new Promise(() => {}) : writeProfileSheet(db, actor, id, overrides, out);
    void runProfileBatch(t.db, { tenantId, batchId: batch.id }, dying);
    for (let i = 0; i < 200 && sheets < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(sheets).toBe(3);
    const halfway = (await hr.request('GET', `/api/v1/profile-batches/${batch.id}`)).json();
    expect(halfway.status).toBe('processing');
    const early = await hr.request('GET', `/api/v1/profile-batches/${batch.id}/download`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('一括出力はまだ終わっていません');

    // the restart queues it again; the new run starts over and only its chunks are served
    const sent: { batchId: string }[] = [];
    expect(
      await resumeProfileBatches(t.db, {
        send: async (_n, d) => {
          sent.push(d as { batchId: string });
          return 'q';
        },
      }),
    ).toBeGreaterThan(0);
    expect(sent.map((s) => s.batchId)).toContain(batch.id);
    await runProfileBatch(t.db, { tenantId, batchId: batch.id });
    const done = (await hr.request('GET', `/api/v1/profile-batches/${batch.id}`)).json();
    expect(done).toMatchObject({ status: 'succeeded', done: 4, total: 4 });
    const entries = await readZip((await hr.request('GET', `/api/v1/profile-batches/${batch.id}/download`)).rawPayload);
    expect(entries.map((e) => e.name)).toEqual([
      'P0001_佐藤花子1.pdf',
      'P0002_鈴木花子2.pdf',
      'P0003_高橋花子3.pdf',
      'P0004_田中_中村花子4.pdf',
    ]);
    const attempts = (
      await t.db.executeSql(`select distinct attempt from profile_batch_chunks where batch_id = '${batch.id}'`)
    ).rows;
    expect(attempts).toEqual([{ attempt: 2 }]);
  }, 60_000);

  it('after 24 hours the ZIP is gone: the download says so and the cleanup drops its chunks', async () => {
    const started = (
      await hr.request('POST', '/api/v1/profile-batches', { selection: { kind: 'ids', ids: [ids[0]] } })
    ).json();
    await waitFor(hr, started.id);
    const chunks = async () =>
      (
        (await t.db.executeSql(`select count(*)::int as n from profile_batch_chunks where batch_id = '${started.id}'`))
          .rows[0] as { n: number }
      ).n;
    expect(await chunks()).toBeGreaterThan(0);
    expect(await cleanUpProfileBatches(t.db, new Date(Date.now() + 23 * 3600_000))).toBe(0);
    expect(await cleanUpProfileBatches(t.db, new Date(Date.now() + 25 * 3600_000))).toBeGreaterThan(0);
    expect(await chunks()).toBe(0);
    const b = (await hr.request('GET', `/api/v1/profile-batches/${started.id}`)).json();
    expect(b.status).toBe('expired');
    const res = await hr.request('GET', `/api/v1/profile-batches/${started.id}/download`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('一括出力の保存期間（24時間）が過ぎました。もう一度出力してください');
  }, 60_000);
});

async function hrActor() {
  const row = (
    await t.db.executeSql(`select id from user_accounts where login_id = 'hr' and tenant_id = '${tenantId}'`)
  ).rows[0] as { id: string };
  return {
    kind: 'user' as const,
    tenantId,
    userId: row.id,
    loginId: 'hr',
    roles: ['hr_admin' as const],
    displayName: 'hr',
    email: null,
    mustChangePassword: false,
    sessionHash: null,
    tenantCode: 'acme',
    tenantName: 'acme',
  };
}
