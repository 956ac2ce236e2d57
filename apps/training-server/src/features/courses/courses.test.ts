// 公開講座 over HTTP on both databases: the admin's writes with their validation messages and audit rows,
// every search filter (and kana/width folding), 空席あり, 受付終了, the refusals, and the catalog cursor.
import { TEST_DB } from '@jinji/test-kit/database';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, PASSWORD, trainingClient, trainingTestApp } from '../../../test/helpers';
import { auditLogs, courseSessions, users } from '../../db/schema/index';
import { seedTrainingDemo } from '../organisations/demo';
import { issueTestToken } from '../scim/scim.test-client';
import { courseFixtures } from './courses.fixtures';
import { DEMO_COURSES } from './demo-catalog';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let org: Awaited<ReturnType<typeof createOrganisation>>;
let other: Awaited<ReturnType<typeof createOrganisation>>;
let admin: ReturnType<typeof trainingClient>;
let general: ReturnType<typeof trainingClient>;

const DAY = 86_400_000;
/** a Japan-time moment `days` from now at `hour`:00, as the web sends it */
function jst(days: number, hour: number): string {
  const d = new Date(Date.now() + 9 * 3_600_000 + days * DAY);
  const day = d.toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+09:00`;
}
const dayOf = (days: number) => jst(days, 12).slice(0, 10);

const session = (days: number, extra: Record<string, unknown> = {}) => ({
  startsAt: jst(days, 13),
  endsAt: jst(days, 17),
  venueKind: 'venue',
  prefecture: '東京都',
  city: '千代田区',
  place: '丸の内研修ルーム',
  address: '東京都千代田区丸の内1-1-1',
  capacity: 20,
  applyDeadline: jst(days - 7, 17),
  cancelDeadline: jst(days - 3, 17),
  ...extra,
});

async function createCourse(body: Record<string, unknown>, sessions: Record<string, unknown>[] = []) {
  const res = await admin.request('POST', '/api/v1/courses', {
    category: 'business',
    description: '',
    fee: 10_000,
    isPublished: true,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const course = res.json();
  const ids: string[] = [];
  for (const s of sessions) {
    const r = await admin.request('POST', `/api/v1/courses/${course.id}/sessions`, s);
    expect(r.statusCode, r.body).toBe(201);
    ids.push(r.json().id);
  }
  return { id: course.id as string, sessionIds: ids };
}

const search = async (qs: string, client = general) => {
  const res = await client.request('GET', `/api/v1/courses?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { code: string; sessions: { id: string; seatsLeft: number; isClosed: boolean }[] }[];
    total: number;
  };
};
const codes = async (qs: string) => (await search(qs)).items.map((i) => i.code);

let c: Record<string, { id: string; sessionIds: string[] }> = {};

beforeAll(async () => {
  t = await trainingTestApp();
  org = await createOrganisation(t.db, ['admin', 'taro']);
  other = await createOrganisation(t.db, ['admin']);
  for (const o of [org, other]) {
    await t.db.asTenant(o.id, (tx) => tx.update(users).set({ systemRole: 'admin' }).where(eq(users.loginId, 'admin')));
  }
  admin = trainingClient(t.app);
  general = trainingClient(t.app);
  expect((await admin.login(org.code, 'admin', PASSWORD)).statusCode).toBe(200);
  expect((await general.login(org.code, 'taro', PASSWORD)).statusCode).toBe(200);
  c = {
    logic: await createCourse({ code: 'BS-110', title: 'ロジカルシンキング入門', description: '結論から話す技術' }, [
      session(20),
      session(50, { venueKind: 'online', prefecture: null, city: null, place: 'オンライン（Zoom）', address: '' }),
    ]),
    mgmt: await createCourse(
      { code: 'MG-101', title: '新任管理職のためのマネジメント基礎', category: 'management', fee: 55_000 },
      [session(10, { prefecture: '大阪府', city: '大阪市北区', place: '梅田会場' })],
    ),
    sec: await createCourse({ code: 'IT-201', title: 'ｾｷｭﾘﾃｨ基礎（ＡＢＣ）', category: 'it_dx' }, [
      session(30, { prefecture: '愛知県', city: '名古屋市中村区', capacity: 2 }),
    ]),
    // a session whose 申込締切 is past, starting in 3 days
    late: await createCourse({ code: 'CP-301', title: 'ハラスメント防止研修', category: 'compliance' }, [
      session(3, { applyDeadline: jst(-1, 17), cancelDeadline: jst(-1, 17) }),
    ]),
    hidden: await createCourse({ code: 'XX-999', title: '非公開の講座', isPublished: false }, [session(5)]),
  };
  // the 名古屋 session is full, the 大阪 one has one seat left
  await t.db.asTenant(org.id, async (tx) => {
    await tx.update(courseSessions).set({ seatsTaken: 2 }).where(eq(courseSessions.id, c.sec!.sessionIds[0]!));
    await tx.update(courseSessions).set({ seatsTaken: 19 }).where(eq(courseSessions.id, c.mgmt!.sessionIds[0]!));
  });
});
afterAll(() => t?.close());

describe(`公開講座 search (${TEST_DB})`, () => {
  it('lists published courses by their next session date; 非公開 ones stay hidden from a 一般 user', async () => {
    const res = await search('');
    expect(res.items.map((i) => i.code)).toEqual(['CP-301', 'MG-101', 'BS-110', 'IT-201']);
    expect(res.total).toBe(4);
    const paged = await search('page=2&pageSize=3');
    expect(paged.items.map((i) => i.code)).toEqual(['IT-201']);
    expect(paged.total).toBe(4);
    expect((await general.request('GET', `/api/v1/courses/${c.hidden!.id}`)).statusCode).toBe(404);
    const all = await search('includeUnpublished=true', admin);
    expect(all.items.map((i) => i.code)).toContain('XX-999');
    // a 一般 user asking for them is still answered with published ones only
    expect(await codes('includeUnpublished=true')).not.toContain('XX-999');
  });

  it('finds by keyword in title, 講座コード and 説明, folding kana and width', async () => {
    expect(await codes('q=ろじかる')).toEqual(['BS-110']); // hiragana → katakana
    expect(await codes(`q=${encodeURIComponent('ﾛｼﾞｶﾙ')}`)).toEqual(['BS-110']); // half-width kana
    expect(await codes(`q=${encodeURIComponent('セキュリティ')}`)).toEqual(['IT-201']); // stored half-width
    expect(await codes(`q=${encodeURIComponent('abc')}`)).toEqual(['IT-201']); // full-width ＡＢＣ, any case
    expect(await codes('q=mg-101')).toEqual(['MG-101']); // 講座コード, lower case
    expect(await codes(`q=${encodeURIComponent('結論から')}`)).toEqual(['BS-110']); // 説明
    expect(await codes('q=%25')).toEqual([]); // a typed % is literal
  });

  it('filters by 開催日 range, showing only the sessions in it', async () => {
    const res = await search(`from=${dayOf(15)}&to=${dayOf(25)}`);
    expect(res.items.map((i) => i.code)).toEqual(['BS-110']);
    expect(res.items[0]!.sessions).toHaveLength(1);
    expect(await codes(`from=${dayOf(45)}`)).toEqual(['BS-110']);
    expect(await codes(`to=${dayOf(10)}`)).toEqual(['CP-301', 'MG-101']);
    const bad = await general.request('GET', `/api/v1/courses?from=${dayOf(20)}&to=${dayOf(10)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { path: 'to', message: '開催日（まで）は開催日（から）以降の日付を入力してください' },
    ]);
  });

  it('filters by 会場 / オンライン, 都道府県, 市区町村 and カテゴリ', async () => {
    expect(await codes('venueKind=online')).toEqual(['BS-110']);
    expect(await codes('venueKind=venue')).toEqual(['CP-301', 'MG-101', 'BS-110', 'IT-201']);
    expect(await codes(`prefecture=${encodeURIComponent('大阪府')}`)).toEqual(['MG-101']);
    expect(await codes(`city=${encodeURIComponent('名古屋')}`)).toEqual(['IT-201']);
    expect(await codes('category=management')).toEqual(['MG-101']);
    const online = await search('venueKind=online');
    expect(online.items[0]!.sessions).toHaveLength(1);
  });

  it('空席あり leaves out the full session; each shows 残席 and 受付終了', async () => {
    expect(await codes('hasSeats=true')).toEqual(['CP-301', 'MG-101', 'BS-110']);
    const all = await search('');
    const of = (code: string) => all.items.find((i) => i.code === code)!.sessions[0]!;
    expect(of('MG-101').seatsLeft).toBe(1);
    expect(of('IT-201').seatsLeft).toBe(0);
    expect(of('CP-301').isClosed).toBe(true);
    expect(of('BS-110').isClosed).toBe(false);
  });

  it('shows another organisation none of these courses', async () => {
    const outsider = trainingClient(t.app);
    await outsider.login(other.code, 'admin', PASSWORD);
    expect((await search('includeUnpublished=true', outsider)).items).toEqual([]);
    expect((await outsider.request('GET', `/api/v1/courses/${c.logic!.id}`)).statusCode).toBe(404);
    const put = await outsider.request('PUT', `/api/v1/courses/${c.logic!.id}`, {
      code: 'BS-110',
      title: '乗っ取り',
      category: 'business',
      fee: 0,
      isPublished: true,
    });
    expect(put.statusCode).toBe(404);
  });
});

describe(`公開講座 admin (${TEST_DB})`, () => {
  it('refuses a 一般 user every write', async () => {
    const res = await general.request('POST', '/api/v1/courses', {
      code: 'Z-1',
      title: 'x',
      category: 'business',
      fee: 0,
      isPublished: true,
    });
    expect(res.statusCode).toBe(403);
    expect((await general.request('DELETE', `/api/v1/courses/${c.logic!.id}`)).statusCode).toBe(403);
  });

  it('names the field in each validation message', async () => {
    const res = await admin.request('POST', `/api/v1/courses/${c.logic!.id}/sessions`, {
      ...session(40),
      endsAt: jst(40, 12),
      applyDeadline: jst(41, 9),
      cancelDeadline: jst(42, 9),
      capacity: 0,
    });
    expect(res.statusCode).toBe(400);
    const messages = Object.fromEntries(
      (res.json().error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]),
    );
    expect(messages).toEqual({
      capacity: '定員は1名以上で入力してください',
      endsAt: '終了日時は開始日時より後の日時を入力してください',
      applyDeadline: '申込締切は開始日時以前の日時を入力してください',
      cancelDeadline: 'キャンセル締切は開始日時以前の日時を入力してください',
    });
    const venue = await admin.request('POST', `/api/v1/courses/${c.logic!.id}/sessions`, {
      ...session(40),
      prefecture: null,
      city: null,
      place: '',
    });
    expect(venue.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['prefecture', 'city', 'place']);
    const course = await admin.request('POST', '/api/v1/courses', {
      code: 'コード',
      title: '',
      category: 'cooking',
      fee: -1,
      isPublished: true,
    });
    expect(course.json().error.fields.map((f: { message: string }) => f.message)).toEqual([
      '講座コードは半角英数字・ハイフン・アンダースコアで入力してください',
      'タイトルを入力してください',
      'カテゴリを選択してください',
      '受講料は0円以上で入力してください',
    ]);
    const dup = await admin.request('POST', '/api/v1/courses', {
      code: 'BS-110',
      title: '重複',
      category: 'business',
      fee: 0,
      isPublished: true,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual([{ path: 'code', message: '講座コード「BS-110」は既に使われています' }]);
  });

  it('refuses a 定員 below the seats taken, and deleting a session or course with applicants', async () => {
    const [sessionId] = c.mgmt!.sessionIds;
    const url = `/api/v1/courses/${c.mgmt!.id}/sessions/${sessionId}`;
    const low = await admin.request(
      'PUT',
      url,
      session(10, { capacity: 18, prefecture: '大阪府', city: '大阪市北区' }),
    );
    expect(low.statusCode).toBe(400);
    expect(low.json().error.fields).toEqual([
      { path: 'capacity', message: '定員は申込済みの席数（19名）以上で入力してください' },
    ]);
    const del = await admin.request('DELETE', url);
    expect(del.statusCode).toBe(409);
    expect(del.json().error.message).toContain('申込済みの受講者（19名）がいるため削除できません');
    const delCourse = await admin.request('DELETE', `/api/v1/courses/${c.mgmt!.id}`);
    expect(delCourse.statusCode).toBe(409);
    expect((await general.request('GET', `/api/v1/courses/${c.mgmt!.id}`)).json().sessions[0].capacity).toBe(20);
  });

  it('writes one audit row per change, with before and after', async () => {
    const { id, sessionIds } = await createCourse({ code: 'AU-1', title: '監査確認講座' }, [session(60)]);
    const sUrl = `/api/v1/courses/${id}/sessions/${sessionIds[0]}`;
    expect((await admin.request('PUT', sUrl, session(61, { capacity: 25 }))).statusCode).toBe(200);
    const put = await admin.request('PUT', `/api/v1/courses/${id}`, {
      code: 'AU-1',
      title: '監査確認講座（改）',
      category: 'business',
      fee: 12_000,
      isPublished: false,
    });
    expect(put.statusCode).toBe(200);
    expect((await admin.request('DELETE', sUrl)).statusCode).toBe(204);
    expect((await admin.request('DELETE', `/api/v1/courses/${id}`)).statusCode).toBe(204);
    expect((await admin.request('GET', `/api/v1/courses/${id}`)).statusCode).toBe(404);
    const rows = await t.db.asTenant(org.id, (tx) =>
      tx.select().from(auditLogs).where(eq(auditLogs.actorLabel, 'user:admin')).orderBy(auditLogs.at),
    );
    const mine = rows
      .filter((r) => r.targetId === id || r.targetId === sessionIds[0])
      .map((r) => `${r.action} ${r.targetType}`);
    expect(mine).toEqual([
      'create course',
      'create course_session',
      'update course_session',
      'update course',
      'delete course_session',
      'delete course',
    ]);
    const update = rows.find((r) => r.targetId === id && r.action === 'update')!;
    expect(update.before).toMatchObject({ title: '監査確認講座', fee: 10_000, isPublished: true });
    expect(update.after).toMatchObject({ title: '監査確認講座（改）', fee: 12_000, isPublished: false });
    const sessionUpdate = rows.find((r) => r.targetId === sessionIds[0] && r.action === 'update')!;
    expect(sessionUpdate.before).toMatchObject({ capacity: 20 });
    expect(sessionUpdate.after).toMatchObject({ capacity: 25 });
  });
});

describe(`catalog for HR, changed since a cursor (${TEST_DB})`, () => {
  type Page = { items: { id: string; code: string; sessions: unknown[] }[]; nextCursor: string; hasMore: boolean };
  // HR reads with the organisation's bearer token (連携設定), never with a session
  let token = '';
  beforeAll(async () => {
    token = (await issueTestToken(t.db, org)).secret;
  });
  const hr = (url: string, bearer = token) =>
    t.app.inject({ method: 'GET', url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  const read = async (cursor: string, limit = 2): Promise<Page> => {
    const res = await hr(`/api/link/v1/catalog?limit=${limit}&cursor=${cursor}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('pages through every course once, then answers only what changed since', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await read(cursor);
      seen.push(...page.items.map((i) => i.code));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(new Set(seen).size).toBe(seen.length); // no duplicates across pages
    expect(seen.sort()).toEqual(['BS-110', 'CP-301', 'IT-201', 'MG-101', 'XX-999']);
    // nothing changed: the same cursor answers nothing, again and again
    expect(await read(cursor)).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    expect(await read(cursor)).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    // a session's change is its course's change
    const [sid] = c.logic!.sessionIds;
    expect((await admin.request('PUT', `/api/v1/courses/${c.logic!.id}/sessions/${sid}`, session(21))).statusCode).toBe(
      200,
    );
    const changed = await read(cursor);
    expect(changed.items.map((i) => i.code)).toEqual(['BS-110']);
    expect(changed.items[0]!.sessions).toHaveLength(2);
    // the earlier cursor still answers the same change (idempotent)
    expect((await read(cursor)).items.map((i) => i.code)).toEqual(['BS-110']);
    expect((await read(changed.nextCursor)).items).toEqual([]);
  });

  it("opens to the token only: a signed-in admin and another organisation's token get nothing", async () => {
    expect((await admin.request('GET', '/api/link/v1/catalog')).statusCode).toBe(401);
    const othersToken = (await issueTestToken(t.db, other)).secret;
    const theirs = (await hr('/api/link/v1/catalog?limit=100', othersToken)).json() as Page;
    expect(theirs.items.map((i) => i.code)).not.toContain('BS-110');
  });

  it('refuses a cursor it did not hand out', async () => {
    const res = await hr('/api/link/v1/catalog?cursor=bm9wZQ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('cursor');
  });
});

describe(`OpenAPI (${TEST_DB})`, () => {
  it('documents every 公開講座 route and the HR catalog with their schemas', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/api/v1/courses') || p.includes('catalog'))
        .sort(),
    ).toEqual([
      '/api/link/v1/catalog',
      '/api/v1/courses',
      '/api/v1/courses/{courseId}',
      '/api/v1/courses/{courseId}/sessions',
      '/api/v1/courses/{courseId}/sessions/{sessionId}',
    ]);
    const names = (doc.paths['/api/link/v1/catalog']!.get!.parameters ?? []).map((p) => p.name);
    expect(names).toEqual(['cursor', 'limit']);
  });
});

describe(`demo catalog (${TEST_DB})`, () => {
  it('loads ~20 courses into the demo organisation and upserts them by 講座コード on rerun', async () => {
    const first = await seedTrainingDemo(t.db, PASSWORD);
    expect(first.courses).toBe(21);
    const again = await seedTrainingDemo(t.db, PASSWORD);
    expect(again).toEqual({ created: false, courses: 21 });
    const demo = trainingClient(t.app);
    expect((await demo.login('demo', 'admin', PASSWORD)).statusCode).toBe(200);
    const res = await search('pageSize=100&includeUnpublished=true', demo);
    expect(res.total).toBe(21);
    const sessions = res.items.flatMap((i) => i.sessions);
    // not doubled by the rerun
    expect(sessions.length).toBe(DEMO_COURSES.reduce((n, d) => n + d.sessions.length, 0));
    expect(sessions.filter((s) => s.seatsLeft === 0).length).toBeGreaterThanOrEqual(1);
    expect((await search(`q=${encodeURIComponent('ろじかるしんきんぐ')}`, demo)).items[0]!.code).toBe('BS-110');
  });
});

describe(`route-matrix fixtures for 公開講座 (${TEST_DB})`, () => {
  it("give another organisation's course and session, which this organisation's admin cannot reach", async () => {
    const b = await courseFixtures(t.db, other.id);
    const { courseId, sessionId } = b.params;
    expect((await admin.request('GET', `/api/v1/courses/${courseId}`)).statusCode).toBe(404);
    const put = await admin.request(
      'PUT',
      `/api/v1/courses/${courseId}/sessions/${sessionId}`,
      b.bodies['PUT /api/v1/courses/:courseId/sessions/:sessionId'],
    );
    expect(put.statusCode).toBe(404);
    expect((await admin.request('DELETE', `/api/v1/courses/${courseId}`)).statusCode).toBe(404);
    // the bodies pass validation: in the admin's own organisation the create succeeds
    const created = await admin.request('POST', '/api/v1/courses', b.bodies['POST /api/v1/courses']);
    expect(created.statusCode).toBe(201);
  });
});
