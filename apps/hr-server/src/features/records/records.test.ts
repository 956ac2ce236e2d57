// 応対記録 (R-REC-1) through the API: create/edit/complete/delete with their audit rows, Japanese validation
// naming the field, 期限付きタスク ordering and 期限切れ, the 担当者's mails and the 前日 reminder (once),
// the employee tab with its 面談履歴, and the CSV.
import { addDays, todayInJapan } from '@jinji/ja/text';
import { NO_MAIL_WORKER } from '@jinji/mail/worker';
import { parseCsv } from '@jinji/office-files/csv';
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
import { createSampleEmployees } from '../employees/employees.service';
import { endOfWeek, remindDueTasks } from './records.service';

let t: TestApp;
let tenantId: string;
let hr: Client;
let hrUserId: string;
let colleagueId: string;
let sato: string;
let yamada: string;
let suzuki: string;
const cat: Record<string, { id: string; subcategories: { id: string; name: string }[] }> = {};
const today = todayInJapan();

const person = (employeeNumber: string, lastName: string, firstName: string, kana: [string, string]) => ({
  employeeNumber,
  lastName,
  firstName,
  lastNameKana: kana[0],
  firstNameKana: kana[1],
  birthDate: '1990-04-01',
  gender: '女性' as const,
  hireDate: '2020-04-01',
});

const sql = async <T>(text: string) => (await t.db.executeSql(text)).rows as T[];
const audits = (recordId: string) =>
  sql<{ action: string; is_sensitive: boolean; before: unknown; after: unknown }>(
    `select action, is_sensitive, before, after from audit_logs where target_type = 'record' and target_id = '${recordId}' order by at, id`,
  );
const outbox = (template: string) =>
  sql<{ to_address: string; subject: string; text_body: string }>(
    `select to_address, subject, text_body from mail_outbox where template = '${template}' order by created_at`,
  );

beforeAll(async () => {
  t = await createTestApp();
  ({ tenantId } = await createTestTenant(t.db, 'acme'));
  hrUserId = (await createTestUser(t.db, tenantId, 'hr', ['hr_admin'])).userId;
  colleagueId = (await createTestUser(t.db, tenantId, 'hr2', ['full_admin'])).userId;
  await createTestUser(t.db, tenantId, 'emp-admin', ['employee_admin']);
  await t.db.executeSql(
    `update user_accounts set email = login_id || '@example.jp', display_name = '人事 二郎' where login_id = 'hr2'`,
  );
  await t.db.executeSql(
    `update user_accounts set email = 'hr@example.jp', display_name = '人事 花子' where login_id = 'hr'`,
  );
  [sato, yamada, suzuki] = (await createSampleEmployees(t.db, tenantId, [
    person('E001', '佐藤', '花子', ['さとう', 'はなこ']),
    person('E002', '山田', '太郎', ['やまだ', 'たろう']),
    person('E003', '鈴木', '一郎', ['すずき', 'いちろう']),
  ])) as [string, string, string];
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  // 小区分 under 契約・労働
  const options = (await hr.request('GET', '/api/v1/records/form-options')).json();
  const byCode = (code: string) => options.categories.find((c: { code: string }) => c.code === code);
  await hr.request('POST', '/api/v1/masters/record_subcategory', {
    code: '0101',
    name: '勤務時間',
    parentId: byCode('01').id,
  });
  await hr.request('POST', '/api/v1/masters/record_subcategory', {
    code: '0401',
    name: '通院',
    parentId: byCode('04').id,
  });
  const again = (await hr.request('GET', '/api/v1/records/form-options')).json();
  for (const c of again.categories) cat[c.code] = c;
  expect(again.assignees.map((a: { userId: string }) => a.userId).sort()).toEqual([hrUserId, colleagueId].sort());
}, 120_000);
afterAll(() => t?.close());

const create = (body: Record<string, unknown>) =>
  hr.request('POST', '/api/v1/records', {
    targetIds: [sato],
    categoryId: cat['01']!.id,
    title: '雇用形態の相談',
    body: '勤務時間の変更の相談があったとのこと',
    ...body,
  });

describe(`応対記録 (${TEST_DB})`, () => {
  it('records a record with 対象者, 報告者 and 小区分; 記録日 defaults to today (Japan); one audit row', async () => {
    const res = await create({ reporterIds: [yamada], subcategoryId: cat['01']!.subcategories[0]!.id });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      recordedOn: today,
      status: 'done',
      dueOn: null,
      isSensitive: false,
      category: { code: '01', name: '契約・労働' },
      subcategory: { name: '勤務時間' },
      targets: [{ employeeId: sato, name: '佐藤 花子', employeeNumber: 'E001' }],
      reporters: [{ employeeId: yamada, name: '山田 太郎' }],
      createdBy: { displayName: '人事 花子' },
      completedBy: { displayName: '人事 花子' },
    });
    const rows = await audits(r.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'create',
      is_sensitive: false,
      after: { recordTitle: '雇用形態の相談', targetIds: [sato], reporterIds: [yamada] },
    });
  });

  it('refuses bad input in Japanese naming the field, and writes nothing', async () => {
    const before = (await sql<{ n: string }>('select count(*)::text as n from records'))[0]!.n;
    const due = await create({ recordedOn: '2026-12-10', dueOn: '2026-12-01', isCompleted: false });
    expect(due.statusCode).toBe(400);
    expect(due.json().error.fields).toContainEqual({
      path: 'dueOn',
      message: '対応期限は記録日以降の日付を入力してください',
    });
    const unknown = await create({ targetIds: ['00000000-0000-4000-8000-000000000001'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toContainEqual({
      path: 'targetIds',
      message: '対象者に登録されていない従業員が含まれています',
    });
    const otherSub = await create({ subcategoryId: cat['04']!.subcategories[0]!.id });
    expect(otherSub.statusCode).toBe(400);
    expect(otherSub.json().error.fields).toContainEqual({
      path: 'subcategoryId',
      message: 'カテゴリ（小区分）「通院」は大区分「契約・労働」に属していません',
    });
    const none = await create({ targetIds: [], title: '' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining(['対象者を1人以上選択してください', 'タイトルを入力してください']),
    );
    const long = await create({ body: 'あ'.repeat(10_001) });
    expect(long.json().error.fields).toContainEqual({
      path: 'body',
      message: '内容は10,000文字以内で入力してください',
    });
    const notManager = await create({
      assigneeUserId: (await sql<{ id: string }>(`select id from user_accounts where login_id = 'emp-admin'`))[0]!.id,
    });
    expect(notManager.json().error.fields[0].path).toBe('assigneeUserId');
    expect((await sql<{ n: string }>('select count(*)::text as n from records'))[0]!.n).toBe(before);
  });

  it('edits, completes later, reopens and deletes — each audited with before → after', async () => {
    const r = (await create({ isCompleted: false, dueOn: addDays(today, 5), title: '定期券購入' })).json();
    expect(r.status).toBe('open');
    const edited = await hr.request('PUT', `/api/v1/records/${r.id}`, {
      targetIds: [sato, suzuki],
      categoryId: cat['05']!.id,
      title: '転居に伴う定期券購入',
      body: '転居日：2026/12/27',
      recordedOn: r.recordedOn,
      dueOn: addDays(today, 6),
      isCompleted: false,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: '転居に伴う定期券購入', category: { code: '05' }, status: 'open' });
    expect(edited.json().targets.map((p: { name: string }) => p.name)).toEqual(['佐藤 花子', '鈴木 一郎']);
    const done = await hr.request('POST', `/api/v1/records/${r.id}/complete`);
    expect(done.json()).toMatchObject({ status: 'done', completedBy: { displayName: '人事 花子' } });
    expect((await hr.request('POST', `/api/v1/records/${r.id}/reopen`)).json()).toMatchObject({
      status: 'open',
      completedAt: null,
    });
    expect((await hr.request('DELETE', `/api/v1/records/${r.id}`)).statusCode).toBe(204);
    expect((await hr.request('GET', `/api/v1/records/${r.id}`)).statusCode).toBe(404);
    const rows = await audits(r.id);
    expect(rows.map((x) => x.action)).toEqual(['create', 'update', 'update', 'update', 'delete']);
    expect(rows[1]).toMatchObject({
      before: { recordTitle: '定期券購入', targetIds: [sato] },
      after: { recordTitle: '転居に伴う定期券購入', targetIds: [sato, suzuki] },
    });
    expect(rows[2]).toMatchObject({ before: { isCompleted: false }, after: { isCompleted: true } });
    expect(rows[4]).toMatchObject({ before: { recordTitle: '転居に伴う定期券購入' }, after: null });
  });

  it('期限付きタスク: open tasks by 対応期限, overdue first and flagged, 今週, 自分の担当のみ', async () => {
    await t.db.executeSql('delete from records');
    const overdue = (
      await create({
        title: '期限切れの確認',
        isCompleted: false,
        recordedOn: addDays(today, -10),
        dueOn: addDays(today, -2),
      })
    ).json();
    const later = (await create({ title: '来月の面談', isCompleted: false, dueOn: addDays(today, 20) })).json();
    const soon = (
      await create({ title: '今日の対応', isCompleted: false, dueOn: today, assigneeUserId: hrUserId })
    ).json();
    await create({ title: '記録のみ', dueOn: addDays(today, 1) }); // completed: not a task
    await create({ title: '期限なし', isCompleted: false }); // no 対応期限: not on the task list
    const all = (await hr.request('GET', '/api/v1/records/tasks')).json();
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([overdue.id, soon.id, later.id]);
    expect(all.items.map((i: { isOverdue: boolean }) => i.isOverdue)).toEqual([true, false, false]);
    expect(all).toMatchObject({
      total: 3,
      overdueCount: 1,
      thisWeekCount: 1 + (addDays(today, 20) <= endOfWeek(today) ? 1 : 0),
    });
    expect(all.items[1].isDueThisWeek).toBe(true);
    const mine = (await hr.request('GET', '/api/v1/records/tasks?isMine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([soon.id]);
    const onlyOverdue = (await hr.request('GET', '/api/v1/records/tasks?due=overdue')).json();
    expect(onlyOverdue.items.map((i: { id: string }) => i.id)).toEqual([overdue.id]);
    // completing a task takes it off the list
    await hr.request('POST', `/api/v1/records/${overdue.id}/complete`);
    expect((await hr.request('GET', '/api/v1/records/tasks')).json().overdueCount).toBe(0);
  });

  it('mails the 担当者 when a task is assigned or reassigned, not on an unrelated edit', async () => {
    await t.db.executeSql(`delete from mail_outbox`);
    const r = (
      await create({
        title: '面談日程の調整',
        isCompleted: false,
        dueOn: addDays(today, 3),
        assigneeUserId: colleagueId,
      })
    ).json();
    let mails = await outbox('record-task-assigned');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'hr2@example.jp' });
    expect(mails[0]!.text_body).toContain('タイトル：面談日程の調整');
    expect(mails[0]!.text_body).toContain('対象者：佐藤 花子');
    const put = (assigneeUserId: string, title: string) =>
      hr.request('PUT', `/api/v1/records/${r.id}`, {
        targetIds: [sato],
        categoryId: cat['01']!.id,
        title,
        recordedOn: r.recordedOn,
        dueOn: r.dueOn,
        isCompleted: false,
        assigneeUserId,
      });
    await put(colleagueId, '面談日程の調整（再）');
    expect(await outbox('record-task-assigned')).toHaveLength(1);
    await put(hrUserId, '面談日程の調整（再）');
    mails = await outbox('record-task-assigned');
    expect(mails.map((m) => m.to_address)).toEqual(['hr2@example.jp', 'hr@example.jp']);
  });

  it('the 前日 reminder goes once to the 担当者 of a task due tomorrow (job and CLI alike)', async () => {
    await t.db.executeSql(`delete from records; delete from mail_outbox`);
    await create({ title: '明日まで', isCompleted: false, dueOn: addDays(today, 1), assigneeUserId: colleagueId });
    await create({ title: '明後日まで', isCompleted: false, dueOn: addDays(today, 2), assigneeUserId: colleagueId });
    await create({ title: '担当なし', isCompleted: false, dueOn: addDays(today, 1) });
    const deps = { db: t.db, mail: NO_MAIL_WORKER };
    expect(await remindDueTasks(deps, today)).toEqual({ sent: 1 });
    expect(await remindDueTasks(deps, today)).toEqual({ sent: 0 });
    const mails = await outbox('record-task-reminder');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('明日が対応期限');
    expect(mails[0]!.text_body).toContain('タイトル：明日まで');
    // the next day, the other one
    expect(await remindDueTasks(deps, addDays(today, 1))).toEqual({ sent: 1 });
  });

  it('対応記録一覧: filters, 記録日 newest first, pages; the employee tab with 面談履歴; CSV with formula escaping', async () => {
    await t.db.executeSql(`delete from records`);
    await create({ title: '=HYPERLINK("x")', recordedOn: '2026-01-10' });
    await create({ title: '勤怠の相談', body: 'ﾀﾞｲﾔ改正', recordedOn: '2026-02-10', isCompleted: false });
    await create({ title: '別の人', targetIds: [suzuki], recordedOn: '2026-03-10' });
    await create({
      title: '定期面談',
      body: '最近の様子を確認',
      categoryId: cat['09']!.id,
      reporterIds: [yamada],
      recordedOn: '2026-04-10',
    });
    await create({ title: '1on1', categoryId: cat['09']!.id, recordedOn: '2026-05-10' });
    const list = (await hr.request('GET', '/api/v1/records?pageSize=2')).json();
    expect(list.total).toBe(5);
    expect(list.items.map((i: { recordedOn: string }) => i.recordedOn)).toEqual(['2026-05-10', '2026-04-10']);
    const q = (s: string) => hr.request('GET', `/api/v1/records?${s}`).then((r) => r.json());
    expect((await q(`employeeId=${suzuki}`)).items.map((i: { title: string }) => i.title)).toEqual(['別の人']);
    expect((await q('status=open')).items.map((i: { title: string }) => i.title)).toEqual(['勤怠の相談']);
    expect((await q('q=だいや')).items.map((i: { title: string }) => i.title)).toEqual(['勤怠の相談']);
    expect((await q(`categoryId=${cat['09']!.id}&from=2026-05-01`)).total).toBe(1);
    const badRange = await hr.request('GET', '/api/v1/records?from=2026-05-01&to=2026-04-01');
    expect(badRange.json().error.fields[0].message).toBe('記録日の終了日は開始日以降の日付を入力してください');

    const tab = (await hr.request('GET', `/api/v1/employees/${sato}/records`)).json();
    expect(tab.total).toBe(4);
    expect(tab.interviews).toEqual([
      {
        recordId: expect.any(String),
        interviewedOn: '2026-05-10',
        interviewer: '人事 花子',
        title: '1on1',
        body: '勤務時間の変更の相談があったとのこと',
      },
      expect.objectContaining({ interviewedOn: '2026-04-10', interviewer: '山田 太郎', body: '最近の様子を確認' }),
    ]);
    expect((await hr.request('GET', `/api/v1/employees/00000000-0000-4000-8000-000000000009/records`)).statusCode).toBe(
      404,
    );

    const csv = await hr.request('GET', '/api/v1/records/export?encoding=cp932');
    expect(csv.headers['content-type']).toContain('shift_jis');
    const rows = parseCsv(csv.rawPayload);
    expect(rows[0]).toEqual([
      '記録日',
      '大区分',
      '小区分',
      'タイトル',
      '内容',
      '対象者',
      '報告者/情報源',
      '対応期限',
      '状態',
      '担当者',
      '記録者',
    ]);
    expect(rows).toHaveLength(6);
    expect(rows.at(-1)![3]).toBe(`'=HYPERLINK("x")`);
    expect(rows[2]).toEqual([
      '2026/04/10',
      '面談',
      '',
      '定期面談',
      '最近の様子を確認',
      '佐藤 花子',
      '山田 太郎',
      '',
      '完了',
      '',
      '人事 花子',
    ]);
    const utf8 = await hr.request('GET', '/api/v1/records/export');
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const exported = await sql<{ after: { rows: number } }>(
      `select after from audit_logs where target_type = 'record_list'`,
    );
    expect(exported.map((e) => e.after.rows)).toEqual([5, 5]);
  });

  it('a 大区分 in use by a record cannot be deleted, only made invalid (R-MST-2)', async () => {
    const res = await hr.request('DELETE', `/api/v1/masters/record_category/${cat['09']!.id}`);
    expect(res.statusCode).toBe(409);
  });

  it('roles without records.manage get 403 (従業員管理者)', async () => {
    const c = new Client(t.app);
    await c.login('acme', 'emp-admin', STRONG_PASSWORD);
    expect((await c.request('GET', '/api/v1/records')).statusCode).toBe(403);
    expect((await c.request('GET', `/api/v1/employees/${sato}/records`)).statusCode).toBe(403);
  });
});
