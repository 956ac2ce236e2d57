// 申込 (R-TRN-3) through HTTP on the engine under test: the flow from the お申込みフォーム to 出欠, every
// refusal of issue #12's "Bad input", the waiting list and its promotion, 20 approvals racing for 5 seats
// (on PostgreSQL over separate connections), 変更 all or nothing, the 受講者詳細 CSV and HR's cursor API.

import { NO_MAIL_WORKER } from '@jinji/mail/worker';
import { parseCsv } from '@jinji/office-files/csv';
import { TEST_DB } from '@jinji/test-kit/database';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, trainingClient, trainingTestApp } from '../../../test/helpers';
import { applications, auditLogs, courseSessions, mailOutbox } from '../../db/schema/index';
import { revokeScimToken } from '../scim/scim.service';
import { adminActorOf, issueTestToken } from '../scim/scim.test-client';
import { createApplicationOrg, createCourse, createSession, endSession, seatsOf } from './applications.fixtures';
import { promoteFromWaitingList } from './applications.service';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let org: Awaited<ReturnType<typeof createApplicationOrg>>;
let other: Awaited<ReturnType<typeof createApplicationOrg>>;

beforeAll(async () => {
  t = await trainingTestApp({
    poolSize: 10,
    configure: (c) => ({ ...c, login: { ...c.login, ratePerMinute: 10_000 } }),
  });
  org = await createApplicationOrg(t.db, [
    { loginId: 'admin', role: 'admin' },
    { loginId: 'boss', role: 'approver' },
    { loginId: 'boss2', role: 'approver' },
    { loginId: 'hanako', approver: 'boss' },
    { loginId: 'taro', approver: 'boss' },
    { loginId: 'jiro' },
    ...Array.from({ length: 20 }, (_, i) => ({ loginId: `u${i}`, approver: 'boss' })),
  ]);
  other = await createApplicationOrg(t.db, [
    { loginId: 'admin', role: 'admin' },
    { loginId: 'boss', role: 'approver' },
  ]);
}, 120_000);
afterAll(() => t?.close());

const clients = new Map<string, ReturnType<typeof trainingClient>>();
async function as(loginId: string, o = org) {
  const key = `${o.code}:${loginId}`;
  let c = clients.get(key);
  if (!c) {
    c = trainingClient(t.app);
    const res = await c.login(o.code, loginId, PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
    clients.set(key, c);
  }
  return c;
}
const mailsTo = (address: string) =>
  t.db.asTenant(org.id, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address)));
const apply = async (loginId: string, sessionId: string) => {
  const res = await (await as(loginId)).request('POST', '/api/v1/applications', { sessionId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const approve = async (loginId: string, id: string, o = org) =>
  (await as(loginId, o)).request('POST', `/api/v1/applications/${id}/approve`, {});
const cancel = async (loginId: string, id: string, reason = '業務都合のため') =>
  (await as(loginId)).request('POST', `/api/v1/applications/${id}/cancel`, { reason });
const errorOf = (res: { statusCode: number; json(): { error: { code: string; message: string } } }) => ({
  status: res.statusCode,
  ...res.json().error,
});

describe(`applications (${TEST_DB})`, () => {
  it('お申込みフォーム → 申込申請 → 承認待ち → 承認決裁 → 申込確定, with the mails and the audit', async () => {
    const { sessionId } = await createSession(t.db, org.id, { capacity: 3 });
    const hanako = await as('hanako');

    const form = await hanako.request('GET', `/api/v1/applications/form?sessionId=${sessionId}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({
      session: { id: sessionId, courseTitle: 'ビジネスマナー研修', fee: 33_000, capacity: 3, seatsTaken: 0 },
      applicant: {
        displayName: 'hanako 氏名',
        departmentName: '営業部',
        email: 'hanako@example.jp',
        approverName: 'boss 氏名',
      },
      refusal: null,
    });

    const id = await apply('hanako', sessionId);
    const [submitted] = await mailsTo('boss@example.jp').then((m) => m.filter((x) => x.textBody.includes(id)));
    expect(submitted).toMatchObject({ template: 'application-submitted' });
    expect(submitted!.textBody).toContain('hanako 氏名 さんから研修の申込申請がありました');
    expect(submitted!.textBody).toContain('http://127.0.0.1:3100/approvals');
    // another 承認者 of the organisation is not this applicant's: no mail, not in the queue
    expect((await mailsTo('boss2@example.jp')).filter((x) => x.textBody.includes(id))).toEqual([]);
    const queue2 = await (await as('boss2')).request('GET', '/api/v1/approvals');
    expect(queue2.json().items.map((a: { id: string }) => a.id)).not.toContain(id);

    const queue = await (await as('boss')).request('GET', '/api/v1/approvals');
    expect(queue.json().items.find((a: { id: string }) => a.id === id)).toMatchObject({
      status: 'pending',
      canDecide: true,
    });

    const approved = await approve('boss', id);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'confirmed',
      decidedByName: 'boss 氏名',
      session: { seatsTaken: 1 },
    });
    expect(await seatsOf(t.db, org.id, sessionId)).toBe(1);
    const confirmed = (await mailsTo('hanako@example.jp')).filter((m) => m.textBody.includes(id));
    expect(confirmed.map((m) => m.template)).toEqual(['application-confirmed']);
    expect(confirmed[0]!.subject).toBe('【研修申込】申込確定：ビジネスマナー研修');

    const audits = await t.db.asTenant(org.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.targetType, 'application'), eq(auditLogs.targetId, id))),
    );
    expect(audits.map((a) => [a.action, a.actorLabel]).sort()).toEqual([
      ['apply', 'user:hanako'],
      ['approve', 'user:boss'],
    ]);

    const mine = await hanako.request('GET', '/api/v1/applications');
    expect(mine.json().items[0]).toMatchObject({ id, status: 'confirmed', canCancel: true, canDecide: false });
  });

  it('refuses a second live application to the same session, and one after the 申込締切', async () => {
    const { sessionId } = await createSession(t.db, org.id);
    await apply('taro', sessionId);
    const again = await (await as('taro')).request('POST', '/api/v1/applications', { sessionId });
    expect(errorOf(again)).toMatchObject({ status: 409, message: expect.stringContaining('既にお申込み済み') });
    const form = await (await as('taro')).request('GET', `/api/v1/applications/form?sessionId=${sessionId}`);
    expect(form.json().refusal).toContain('既にお申込み済み');

    const closed = await createSession(t.db, org.id, { applyDeadlineIn: -1 });
    const late = await (await as('taro')).request('POST', '/api/v1/applications', { sessionId: closed.sessionId });
    expect(errorOf(late)).toMatchObject({
      status: 409,
      message: expect.stringMatching(/^申込締切（\d{4}\/\d{2}\/\d{2} \(.\) \d{2}:\d{2}）を過ぎている/),
    });
    const count = await t.db.asTenant(org.id, (tx) =>
      tx.select().from(applications).where(eq(applications.sessionId, closed.sessionId)),
    );
    expect(count).toEqual([]);
  });

  it('a user without 承認者 is decided by any 承認者; with none in the organisation the form and the API refuse', async () => {
    const { sessionId } = await createSession(t.db, org.id);
    const id = await apply('jiro', sessionId);
    for (const b of ['boss', 'boss2', 'admin']) {
      const queue = await (await as(b)).request('GET', '/api/v1/approvals');
      expect(queue.json().items.map((a: { id: string }) => a.id)).toContain(id);
      expect((await mailsTo(`${b}@example.jp`)).some((m) => m.textBody.includes(id))).toBe(true);
    }

    const lonely = await createApplicationOrg(t.db, [{ loginId: 'solo' }]);
    const s = await createSession(t.db, lonely.id);
    const solo = await as('solo', lonely);
    const form = await solo.request('GET', `/api/v1/applications/form?sessionId=${s.sessionId}`);
    expect(form.json()).toMatchObject({
      applicant: { approverName: null },
      refusal: expect.stringContaining('承認者が設定されておらず'),
    });
    const res = await solo.request('POST', '/api/v1/applications', { sessionId: s.sessionId });
    expect(errorOf(res)).toMatchObject({
      status: 409,
      message: expect.stringContaining('承認者が設定されておらず、組織に承認者もいない'),
    });
  });

  it('refuses 承認 / 却下 by a 一般, another 承認者, the applicant and another organisation; 却下 needs a reason', async () => {
    const { sessionId } = await createSession(t.db, org.id);
    const id = await apply('hanako', sessionId);
    expect(errorOf(await approve('taro', id))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(errorOf(await approve('boss2', id))).toMatchObject({
      status: 403,
      message: 'この申込を承認・却下する権限がありません',
    });
    expect(errorOf(await approve('boss', id, other))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const otherReject = await (await as('admin', other)).request('POST', `/api/v1/applications/${id}/reject`, {
      reason: 'x',
    });
    expect(otherReject.statusCode).toBe(404);

    // a 承認者 applying is decided by the others, never by themself
    const own = await apply('boss', sessionId);
    expect(errorOf(await approve('boss', own))).toMatchObject({ status: 403 });
    expect((await approve('boss2', own)).json().status).toBe('confirmed');

    const boss = await as('boss');
    const noReason = await boss.request('POST', `/api/v1/applications/${id}/reject`, { reason: '  ' });
    expect(errorOf(noReason)).toMatchObject({
      status: 400,
      fields: [{ path: 'reason', message: '却下理由を入力してください' }],
    });
    const rejected = await boss.request('POST', `/api/v1/applications/${id}/reject`, {
      reason: '今期は予算超過のため',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '今期は予算超過のため' });
    const mail = (await mailsTo('hanako@example.jp')).find(
      (m) => m.template === 'application-rejected' && m.textBody.includes(id),
    );
    expect(mail!.textBody).toContain('却下理由：今期は予算超過のため');
    // decided: a second decision is refused with the state named
    expect(errorOf(await approve('boss', id))).toMatchObject({
      status: 409,
      message: expect.stringContaining('「却下」'),
    });
    // a rejected application does not block a new one
    expect((await (await as('hanako')).request('POST', '/api/v1/applications', { sessionId })).statusCode).toBe(201);
  });

  it('a full session waitlists on approval; a cancellation promotes the first in line, with its mail', async () => {
    const { sessionId } = await createSession(t.db, org.id, { capacity: 1 });
    const first = await apply('u0', sessionId);
    const second = await apply('u1', sessionId);
    const third = await apply('u2', sessionId);
    expect((await approve('boss', first)).json().status).toBe('confirmed');
    const w2 = (await approve('boss', second)).json();
    const w3 = (await approve('boss', third)).json();
    expect([w2.status, w2.waitlistPosition, w3.status, w3.waitlistPosition]).toEqual([
      'waitlisted',
      1,
      'waitlisted',
      2,
    ]);
    expect((await mailsTo('u1@example.jp')).map((m) => m.template)).toContain('application-waitlisted');

    const cancelled = await cancel('u0', first);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '業務都合のため' });
    expect(await seatsOf(t.db, org.id, sessionId)).toBe(1);
    const list = await (await as('admin')).request('GET', `/api/v1/course-sessions/${sessionId}/attendees`);
    expect(
      list
        .json()
        .items.map((a: { applicant: { loginId: string }; status: string; waitlistPosition: number | null }) => [
          a.applicant.loginId,
          a.status,
          a.waitlistPosition,
        ]),
    ).toEqual([
      ['u1', 'confirmed', null],
      ['u2', 'waitlisted', 1],
      ['u0', 'cancelled', null],
    ]);
    const promoted = (await mailsTo('u1@example.jp')).find((m) => m.template === 'application-promoted');
    expect(promoted!.textBody).toContain('キャンセル待ちのお申込みに空きが出たため、申込確定となりました');
    expect(
      (await mailsTo('boss@example.jp')).filter(
        (m) => m.template === 'application-promoted' && m.textBody.includes(second),
      ),
    ).toHaveLength(1);
    expect(
      (await mailsTo('boss@example.jp')).filter(
        (m) => m.template === 'application-cancelled' && m.textBody.includes(first),
      ),
    ).toHaveLength(1);

    // cancelling a waitlisted one frees nothing and promotes nobody
    await cancel('u2', third);
    expect(await seatsOf(t.db, org.id, sessionId)).toBe(1);
  });

  it('a raised 定員 (the session edit) promotes the waiting list in order in its transaction; below the seats taken is refused', async () => {
    const { sessionId, courseId } = await createSession(t.db, org.id, { capacity: 1 });
    const ids = [await apply('u6', sessionId), await apply('u7', sessionId), await apply('u8', sessionId)];
    for (const id of ids) await approve('boss', id);
    const admin = await as('admin');
    const url = `/api/v1/courses/${courseId}/sessions/${sessionId}`;
    const [row] = await t.db.asTenant(org.id, (tx) =>
      tx.select().from(courseSessions).where(eq(courseSessions.id, sessionId)),
    );
    const edit = (capacity: number) =>
      admin.request('PUT', url, {
        startsAt: row!.startsAt.toISOString(),
        endsAt: row!.endsAt.toISOString(),
        venueKind: 'venue',
        prefecture: '東京都',
        city: '千代田区',
        place: '丸の内研修センター 5階',
        address: '',
        capacity,
        applyDeadline: row!.applyDeadline.toISOString(),
        cancelDeadline: row!.cancelDeadline.toISOString(),
      });
    const statuses = async () =>
      Object.fromEntries(
        (
          await t.db.asTenant(org.id, (tx) =>
            tx
              .select({ id: applications.id, status: applications.status })
              .from(applications)
              .where(eq(applications.sessionId, sessionId)),
          )
        ).map((r) => [r.id, r.status]),
      );

    const raised = await edit(2);
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ capacity: 2, seatsTaken: 2, seatsLeft: 0 });
    expect(await statuses()).toEqual({ [ids[0]!]: 'confirmed', [ids[1]!]: 'confirmed', [ids[2]!]: 'waitlisted' });
    expect((await mailsTo('u7@example.jp')).map((m) => m.template)).toContain('application-promoted');
    expect((await mailsTo('u8@example.jp')).map((m) => m.template)).not.toContain('application-promoted');
    expect(
      (await mailsTo('boss@example.jp')).filter(
        (m) => m.template === 'application-promoted' && m.textBody.includes(ids[1]!),
      ),
    ).toHaveLength(1);
    const promoteAudits = await t.db.asTenant(org.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.action, 'promote'), eq(auditLogs.targetId, ids[1]!))),
    );
    expect(promoteAudits).toHaveLength(1);
    expect(promoteAudits[0]!.after).toMatchObject({ status: 'confirmed', sessionEdit: sessionId });
    expect(promoteAudits[0]!.actorUserId).toBe(org.ids.admin);

    // the waiting list's own view: u8 is now first in line
    const list = (await admin.request('GET', `/api/v1/course-sessions/${sessionId}/attendees`)).json();
    expect(
      list.items.map((a: { applicant: { loginId: string }; waitlistPosition: number | null }) => [
        a.applicant.loginId,
        a.waitlistPosition,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['u8', 1],
        ['u7', null],
      ]),
    );

    // 定員 below the 2 seats taken: refused, naming 定員; nothing changes
    const lowered = await edit(1);
    expect(errorOf(lowered)).toMatchObject({
      status: 400,
      fields: [{ path: 'capacity', message: '定員は申込済みの席数（2名）以上で入力してください' }],
    });
    expect(await seatsOf(t.db, org.id, sessionId)).toBe(2);
    expect(await statuses()).toEqual({ [ids[0]!]: 'confirmed', [ids[1]!]: 'confirmed', [ids[2]!]: 'waitlisted' });

    // an edit that frees nothing promotes nobody; a much larger 定員 takes the rest of the queue only
    expect((await edit(2)).json()).toMatchObject({ seatsTaken: 2 });
    expect((await edit(10)).json()).toMatchObject({ capacity: 10, seatsTaken: 3, seatsLeft: 7 });
    expect(await statuses()).toEqual({ [ids[0]!]: 'confirmed', [ids[1]!]: 'confirmed', [ids[2]!]: 'confirmed' });
  });

  it('a 管理者 cancelling a confirmed application hands its seat to the first in line, with mails and audit rows', async () => {
    const { sessionId } = await createSession(t.db, org.id, { capacity: 1 });
    const ids = [await apply('u11', sessionId), await apply('u12', sessionId), await apply('u13', sessionId)];
    for (const id of ids) await approve('boss', id);
    const res = await cancel('admin', ids[0]!, '会場都合のため');
    expect(res.statusCode, res.body).toBe(200);
    expect(await seatsOf(t.db, org.id, sessionId)).toBe(1);
    const status = await t.db.asTenant(org.id, (tx) =>
      tx
        .select({ id: applications.id, status: applications.status })
        .from(applications)
        .where(eq(applications.sessionId, sessionId)),
    );
    expect(Object.fromEntries(status.map((r) => [r.id, r.status]))).toEqual({
      [ids[0]!]: 'cancelled',
      [ids[1]!]: 'confirmed',
      [ids[2]!]: 'waitlisted',
    });
    expect((await mailsTo('u12@example.jp')).map((m) => m.template)).toContain('application-promoted');
    expect((await mailsTo('u11@example.jp')).map((m) => m.template)).toContain('application-cancelled');
    const [promote] = await t.db.asTenant(org.id, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.action, 'promote'), eq(auditLogs.targetId, ids[1]!))),
    );
    expect(promote).toMatchObject({ actorUserId: org.ids.admin, after: { status: 'confirmed', freedBy: ids[0] } });
  });

  it('promoteFromWaitingList (a job, the CLI) fills free seats and needs courses.manage', async () => {
    const { sessionId } = await createSession(t.db, org.id, { capacity: 1 });
    const ids = [await apply('u9', sessionId), await apply('u10', sessionId)];
    for (const id of ids) await approve('boss', id);
    // a 定員 written outside the edit (as the owner): the queue waits until someone fills it
    await t.db.asTenant(org.id, (tx) =>
      tx.update(courseSessions).set({ capacity: 3 }).where(eq(courseSessions.id, sessionId)),
    );
    const admin = {
      kind: 'user',
      tenantId: org.id,
      userId: org.ids.admin!,
      loginId: 'admin',
      displayName: 'admin',
      systemRole: 'admin',
    } as const;
    const deps = { db: t.db, mail: NO_MAIL_WORKER, publicUrl: t.config.publicUrl };
    const general = { ...admin, userId: org.ids.u9!, loginId: 'u9', systemRole: 'general' } as const;
    await expect(promoteFromWaitingList(deps, general, sessionId)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await promoteFromWaitingList(deps, admin, sessionId)).toBe(1);
    expect(await promoteFromWaitingList(deps, admin, sessionId)).toBe(0);
    expect(await seatsOf(t.db, org.id, sessionId)).toBe(2);
  });

  it('cancellation needs a reason and is refused after the キャンセル締切, by another 一般 too', async () => {
    const { sessionId } = await createSession(t.db, org.id, { cancelDeadlineIn: -1 });
    const id = await apply('hanako', sessionId);
    expect(errorOf(await cancel('hanako', id, ''))).toMatchObject({
      status: 400,
      fields: [{ path: 'reason', message: 'キャンセル理由を入力してください' }],
    });
    expect(errorOf(await cancel('hanako', id))).toMatchObject({
      status: 409,
      message: expect.stringContaining('キャンセル締切'),
    });
    expect(errorOf(await cancel('admin', id))).toMatchObject({ status: 409 });
    expect(errorOf(await cancel('taro', id))).toMatchObject({ status: 404 });
    expect((await (await as('hanako')).request('GET', `/api/v1/applications/${id}`)).json()).toMatchObject({
      status: 'pending',
      canCancel: false,
    });
  });

  it('20 parallel approvals for 5 seats confirm exactly 5 and waitlist 15 (seats_taken = 5)', async () => {
    const { sessionId } = await createSession(t.db, org.id, { capacity: 5 });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await apply(`u${i}`, sessionId));
    // separate approvers' requests at once: on PostgreSQL each takes its own pooled connection
    const bosses = [await as('boss'), await as('admin')];
    const results = await Promise.all(
      ids.map((id, i) => bosses[i % 2]!.request('POST', `/api/v1/applications/${id}/approve`, {})),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const statuses = results.map((r) => r.json().status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(15);
    expect(await seatsOf(t.db, org.id, sessionId)).toBe(5);
    const list = (await (await as('admin')).request('GET', `/api/v1/course-sessions/${sessionId}/attendees`)).json();
    expect(
      list.items
        .filter((a: { status: string }) => a.status === 'waitlisted')
        .map((a: { waitlistPosition: number }) => a.waitlistPosition),
    ).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  }, 60_000);

  it('変更 moves to another session of the course in one transaction, and changes nothing when refused', async () => {
    const courseId = await createCourse(t.db, org.id, { title: 'ロジカルシンキング研修' });
    const a = await createSession(t.db, org.id, { courseId, capacity: 2 });
    const b = await createSession(t.db, org.id, { courseId, startsIn: 40 });
    const closed = await createSession(t.db, org.id, { courseId, applyDeadlineIn: -1 });
    const elsewhere = await createSession(t.db, org.id);
    const id = await apply('taro', a.sessionId);
    await approve('boss', id);
    const taro = await as('taro');

    for (const [target, message] of [
      [closed.sessionId, '申込締切'],
      [elsewhere.sessionId, '同じ講座の別の日程'],
    ] as const) {
      const res = await taro.request('POST', `/api/v1/applications/${id}/change`, {
        sessionId: target,
        reason: '出張のため',
      });
      expect(errorOf(res)).toMatchObject({ status: 409, message: expect.stringContaining(message) });
      expect((await taro.request('GET', `/api/v1/applications/${id}`)).json().status).toBe('confirmed');
      expect(await seatsOf(t.db, org.id, a.sessionId)).toBe(1);
    }

    const changed = await taro.request('POST', `/api/v1/applications/${id}/change`, {
      sessionId: b.sessionId,
      reason: '出張のため',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ status: 'pending', session: { id: b.sessionId } });
    expect((await taro.request('GET', `/api/v1/applications/${id}`)).json()).toMatchObject({
      status: 'cancelled',
      cancelReason: '日程変更：出張のため',
    });
    expect(await seatsOf(t.db, org.id, a.sessionId)).toBe(0);
  });

  it('records 出席 / 欠席 / 修了 in bulk once the session has ended, all or nothing', async () => {
    const { sessionId } = await createSession(t.db, org.id, { capacity: 2 });
    const ok1 = await apply('u3', sessionId);
    const ok2 = await apply('u4', sessionId);
    const pending = await apply('u5', sessionId);
    await approve('boss', ok1);
    await approve('boss', ok2);
    const admin = await as('admin');
    const early = await admin.request('PUT', `/api/v1/course-sessions/${sessionId}/attendance`, {
      entries: [{ applicationId: ok1, attendance: 'attended' }],
    });
    expect(errorOf(early)).toMatchObject({ status: 409, message: expect.stringContaining('まだ終了していない') });

    await endSession(t.db, org.id, sessionId);
    const bad = await admin.request('PUT', `/api/v1/course-sessions/${sessionId}/attendance`, {
      entries: [
        { applicationId: ok1, attendance: 'completed' },
        { applicationId: pending, attendance: 'attended' },
      ],
    });
    expect(errorOf(bad)).toMatchObject({
      status: 400,
      fields: [{ path: 'entries.1.attendance', message: '「申請中」の申込には出欠を記録できません' }],
    });
    expect((await admin.request('GET', `/api/v1/applications/${ok1}`)).json().attendance).toBeNull();

    const res = await admin.request('PUT', `/api/v1/course-sessions/${sessionId}/attendance`, {
      entries: [
        { applicationId: ok1, attendance: 'completed' },
        { applicationId: ok2, attendance: 'absent' },
      ],
    });
    expect(res.json()).toEqual({ updated: 2 });
    const list = (await admin.request('GET', `/api/v1/course-sessions/${sessionId}/attendees`)).json();
    expect(list.canRecordAttendance).toBe(true);
    expect(
      Object.fromEntries(list.items.map((a: { id: string; attendance: string }) => [a.id, a.attendance])),
    ).toMatchObject({
      [ok1]: 'completed',
      [ok2]: 'absent',
      [pending]: null,
    });
    expect(
      errorOf(
        await (await as('boss')).request('PUT', `/api/v1/course-sessions/${sessionId}/attendance`, {
          entries: [{ applicationId: ok1, attendance: 'absent' }],
        }),
      ),
    ).toMatchObject({ status: 403 });

    // 研修・サービス購入履歴 shows it to the user, and to the admin who chooses the user
    const own = (await (await as('u3')).request('GET', '/api/v1/purchase-history')).json();
    expect(own).toMatchObject({ canChooseUser: false, user: { loginId: 'u3' } });
    expect(own.items.find((a: { id: string }) => a.id === ok1)).toMatchObject({
      status: 'confirmed',
      attendance: 'completed',
      session: { fee: 33_000 },
    });
    const chosen = (await admin.request('GET', `/api/v1/purchase-history?userId=${org.ids.u3}`)).json();
    expect(chosen.items.map((a: { id: string }) => a.id)).toContain(ok1);
    expect((await (await as('u4')).request('GET', `/api/v1/purchase-history?userId=${org.ids.u3}`)).statusCode).toBe(
      403,
    );
    expect(
      (await (await as('admin', other)).request('GET', `/api/v1/purchase-history?userId=${org.ids.u3}`)).statusCode,
    ).toBe(404);
  });

  it('exports 受講者詳細 as CSV in UTF-8 with BOM and in Shift_JIS, with the documented columns', async () => {
    const { sessionId } = await createSession(t.db, org.id, { capacity: 1 });
    const id = await apply('hanako', sessionId);
    await approve('boss', id);
    const wait = await apply('taro', sessionId);
    await approve('boss', wait);
    const admin = await as('admin');
    const utf8 = await admin.request('GET', `/api/v1/course-sessions/${sessionId}/attendees.csv`);
    expect(utf8.statusCode).toBe(200);
    expect(utf8.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(utf8.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(utf8.rawPayload);
    expect(rows[0]).toEqual([
      '申込ID',
      'ログインID',
      '氏名',
      '部署名',
      '講座コード',
      '講座名',
      '開始日時',
      '終了日時',
      '会場',
      '受講料',
      '申込状況',
      'キャンセル待ち順',
      '出欠',
      '申込日時',
      '決裁日時',
      '却下理由',
      'キャンセル理由',
      '備考',
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[8], r[9], r[10], r[11]])).toEqual([
      ['hanako', 'hanako 氏名', '東京都千代田区 丸の内研修センター 5階', '33000', '申込確定', ''],
      ['taro', 'taro 氏名', '東京都千代田区 丸の内研修センター 5階', '33000', 'キャンセル待ち', '1'],
    ]);
    expect(rows[1]![6]).toMatch(/^\d{4}\/\d{2}\/\d{2} \([日月火水木金土]\) \d{2}:\d{2}$/);
    const sjis = await admin.request('GET', `/api/v1/course-sessions/${sessionId}/attendees.csv?encoding=cp932`);
    expect(sjis.headers['content-type']).toBe('text/csv; charset=shift_jis');
    expect(sjis.headers['content-disposition']).toContain(encodeURIComponent('_Shift_JIS.csv'));
    expect(parseCsv(sjis.rawPayload)).toEqual(rows);
    expect(
      (await (await as('boss')).request('GET', `/api/v1/course-sessions/${sessionId}/attendees.csv`)).statusCode,
    ).toBe(403);
  });

  it("HR's read API pages the changes since a cursor, with external_id and ログインID", async () => {
    const fresh = await createApplicationOrg(t.db, [
      { loginId: 'admin', role: 'admin' },
      { loginId: 'emp', approver: 'admin' },
    ]);
    const s = await createSession(t.db, fresh.id);
    const s2 = await createSession(t.db, fresh.id, { courseId: s.courseId, startsIn: 45 });
    const emp = await as('emp', fresh);
    const admin = await as('admin', fresh);
    const a1 = (await emp.request('POST', '/api/v1/applications', { sessionId: s.sessionId })).json().id;
    const a2 = (await emp.request('POST', '/api/v1/applications', { sessionId: s2.sessionId })).json().id;

    // HR reads with the organisation's bearer token (連携設定)
    const token = (await issueTestToken(t.db, { id: fresh.id, userIds: [fresh.ids.admin!] })).secret;
    const hr = async (url: string, bearer = token) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
    const page1 = (await hr('/api/link/v1/applications?limit=1')).json();
    expect(page1).toMatchObject({
      hasMore: true,
      items: [
        { id: a1, loginId: 'emp', externalId: null, status: 'pending', sessionId: s.sessionId, courseId: s.courseId },
      ],
    });
    const page2 = (await hr(`/api/link/v1/applications?limit=1&since=${page1.nextCursor}`)).json();
    expect(page2).toMatchObject({ hasMore: false, items: [{ id: a2 }] });
    const empty = (await hr(`/api/link/v1/applications?since=${page2.nextCursor}`)).json();
    expect(empty).toEqual({ items: [], nextCursor: page2.nextCursor, hasMore: false });

    await admin.request('POST', `/api/v1/applications/${a1}/approve`, {});
    const changed = (await hr(`/api/link/v1/applications?since=${page2.nextCursor}`)).json();
    expect(changed.items).toMatchObject([{ id: a1, status: 'confirmed', attendance: null }]);

    const bad = await hr('/api/link/v1/applications?since=bm90LWEtY3Vyc29y');
    expect(errorOf(bad)).toMatchObject({ status: 400, message: 'カーソルの形式が正しくありません' });
    // a session (even the 管理者's) never opens it; another organisation's token sees none of these
    expect((await admin.request('GET', '/api/link/v1/applications')).statusCode).toBe(401);
    expect((await emp.request('GET', '/api/link/v1/applications')).statusCode).toBe(401);
    const othersToken = (await issueTestToken(t.db, { id: other.id, userIds: [other.ids.admin!] })).secret;
    const theirs = (await hr('/api/link/v1/applications?limit=1000', othersToken)).json();
    expect(theirs.items.map((x: { id: string }) => x.id)).not.toContain(a1);
    // a bad or revoked token: 401, nothing read
    expect((await hr('/api/link/v1/applications', 'not-a-token')).statusCode).toBe(401);
    const revoked = await issueTestToken(t.db, { id: fresh.id, userIds: [fresh.ids.admin!] }, '失効予定');
    expect((await hr('/api/link/v1/applications', revoked.secret)).statusCode).toBe(200);
    await revokeScimToken(t.db, adminActorOf(fresh.id, fresh.ids.admin!), revoked.id);
    const after = await hr('/api/link/v1/applications', revoked.secret);
    expect(after.statusCode).toBe(401);
    expect(after.body).not.toContain(a1);
  });
});
