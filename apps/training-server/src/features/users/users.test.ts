// 利用者情報 (R-TRN-1) through the API: the search as an administrator types it (kana, width, 異体字),
// paging, the detail, create, edit, the lock of a linked user's HR fields, 利用停止, the audit rows, who
// may do what, and the CSV layout against docs/training-user-csv.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '@jinji/office-files/csv';
import { TEST_DB } from '@jinji/test-kit/database';
import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingClient, trainingTestApp } from '../../../test/helpers';
import { users } from '../../db/schema/index';
import { createUserFixtures, FIXTURE_PASSWORD, type UserFixtures } from './users.fixtures';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let f: UserFixtures;
let other: UserFixtures;

beforeAll(async () => {
  t = await trainingTestApp();
  f = await createUserFixtures(t.db);
  other = await createUserFixtures(t.db);
});
afterAll(() => t?.close());

const as = async (loginId: string, fx = f) => {
  const c = trainingClient(t.app);
  expect((await c.login(fx.code, loginId, FIXTURE_PASSWORD)).statusCode).toBe(200);
  return c;
};
const search = async (q: string, extra = '') => {
  const c = await as('admin');
  const res = await c.request('GET', `/api/v1/users?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode).toBe(200);
  return (res.json().items as { loginId: string }[]).map((u) => u.loginId);
};
const audits = (targetId: string) =>
  t.db.executeSql(
    `select action, actor_label, before, after from training.audit_logs where target_id = $1 order by at, id`,
    [targetId],
  );

describe(`利用者情報 search and detail (${TEST_DB})`, () => {
  it('finds a user by ログインID, 氏名, 氏名カナ or メールアドレス whatever the width, kana or 異体字', async () => {
    expect(await search('さとう')).toEqual(['sato']);
    expect(await search('ｻﾄｳ')).toEqual(['sato']);
    expect(await search('佐藤　花子')).toEqual(['sato']);
    expect(await search('高橋')).toEqual(['takahashi']); // stored as 髙橋
    expect(await search('ＳＡＴＯ')).toEqual(['sato']);
    expect(await search('boss@example')).toEqual(['boss']);
    expect(await search('100%')).toEqual([]); // % is literal, not a wildcard
  });

  it('filters by システム権限 and 状態, and pages in カナ order with the total', async () => {
    expect(await search('', '&systemRole=approver')).toEqual(['boss']);
    expect(await search('', '&status=disabled')).toEqual(['retired']);
    const c = await as('admin');
    const page1 = (await c.request('GET', '/api/v1/users?pageSize=2')).json();
    const page3 = (await c.request('GET', '/api/v1/users?pageSize=2&page=3')).json();
    expect(page1.total).toBe(5); // the disabled one is not in the default list
    expect(page1.items.map((u: { nameKana: string }) => u.nameKana)).toEqual([
      'ケンシュウ カンリシャ',
      'サトウ ハナコ',
    ]);
    expect(page3.items.map((u: { loginId: string }) => u.loginId)).toEqual(['nomail']);
  });

  it('shows the detail with the 承認者, and answers another organisation’s id with 404', async () => {
    const c = await as('admin');
    await c.request('PATCH', `/api/v1/users/${f.id.sato}`, { approverId: f.id.boss });
    const detail = (await c.request('GET', `/api/v1/users/${f.id.sato}`)).json();
    expect(detail).toMatchObject({
      loginId: 'sato',
      displayName: '佐藤 花子',
      gender: 'female',
      departmentName: '営業部',
      approver: { id: f.id.boss, loginId: 'boss', displayName: '鈴木 一郎' },
      isLinked: false,
      hasPassword: true,
    });
    const foreign = await c.request('GET', `/api/v1/users/${other.id.sato}`);
    expect([foreign.statusCode, foreign.json().error.message]).toEqual([404, '利用者が見つかりません']);
    expect((await c.request('PATCH', `/api/v1/users/${other.id.sato}`, { departmentName: 'x' })).statusCode).toBe(404);
    expect((await c.request('GET', '/api/v1/users/not-a-uuid')).statusCode).toBe(400);
  });

  it('lets only a 管理者 in: 一般 and 承認者 get 403 on every users route', async () => {
    for (const who of ['sato', 'boss']) {
      const c = await as(who);
      for (const [method, url] of [
        ['GET', '/api/v1/users'],
        ['GET', `/api/v1/users/${f.id.sato}`],
        ['GET', '/api/v1/users/export'],
        ['PATCH', `/api/v1/users/${f.id.sato}`],
        ['POST', `/api/v1/users/${f.id.sato}/login-info`],
      ] as const) {
        const res = await c.request(method, url, method === 'GET' ? undefined : {});
        expect({ who, url, status: res.statusCode }).toEqual({ who, url, status: 403 });
      }
    }
  });

  it('offers as 承認者 only enabled 承認者 and 管理者', async () => {
    const c = await as('admin');
    const items = (await c.request('GET', '/api/v1/users/approver-options')).json().items;
    expect(items.map((u: { loginId: string }) => u.loginId).sort()).toEqual(['admin', 'boss']);
  });
});

describe(`利用者情報 create and edit (${TEST_DB})`, () => {
  it('creates a user with the defaults, audited, and refuses a ログインID already used', async () => {
    const c = await as('admin');
    const res = await c.request('POST', '/api/v1/users', {
      loginId: 'kimura',
      displayName: '木村 さくら',
      nameKana: 'きむら さくら',
      email: 'kimura@example.jp',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      nameKana: 'キムラ サクラ',
      systemRole: 'general',
      gender: 'unanswered',
      departmentName: null,
      approver: null,
    });
    expect((await audits(res.json().id)).rows).toMatchObject([{ action: 'create', actor_label: 'user:admin' }]);
    expect(await search('キムラ')).toEqual(['kimura']);

    const again = await c.request('POST', '/api/v1/users', { loginId: 'kimura', displayName: '別人' });
    expect([again.statusCode, again.json().error.message]).toEqual([409, 'ログインID「kimura」は既に使われています']);
    // the same ログインID in another organisation is fine
    const elsewhere = await (await as('admin', other)).request('POST', '/api/v1/users', {
      loginId: 'kimura',
      displayName: '木村 さくら',
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('names the field in every refusal of bad input', async () => {
    const c = await as('admin');
    const res = await c.request('POST', '/api/v1/users', {
      loginId: 'ひらがな',
      displayName: '',
      nameKana: 'Sato',
      email: 'not-mail',
      gender: 'x',
    });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.fields.map((e: { message: string }) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'ログインIDは半角英数字記号で入力してください',
        '氏名を入力してください',
        '氏名カナはカタカナで入力してください',
        'メールアドレスの形式が正しくありません',
        '性別を選択してください',
      ]),
    );
    const generalApprover = await c.request('PATCH', `/api/v1/users/${f.id.nomail}`, { approverId: f.id.sato });
    expect([generalApprover.statusCode, generalApprover.json().error.fields[0].path]).toEqual([400, 'approverId']);
    const self = await c.request('PATCH', `/api/v1/users/${f.id.boss}`, { approverId: f.id.boss });
    expect(self.json().error.message).toBe('承認者に本人は指定できません');
    const disabled = await c.request('PATCH', `/api/v1/users/${f.id.nomail}`, { approverId: f.id.retired });
    expect(disabled.json().error.message).toBe('利用停止中の利用者は承認者に指定できません');
  });

  it('edits the fields sent, audits before → after, and the search follows a new name', async () => {
    const c = await as('admin');
    const res = await c.request('PATCH', `/api/v1/users/${f.id.nomail}`, {
      displayName: '田中 二郎',
      departmentName: '総務部',
      gender: 'male',
      systemRole: 'approver',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '田中 二郎', departmentName: '総務部', systemRole: 'approver' });
    const [row] = (await audits(f.id.nomail)).rows as { before: object; after: object }[];
    expect(row).toMatchObject({
      before: { displayName: '田中 次郎', departmentName: null, gender: 'unanswered', systemRole: 'general' },
      after: { displayName: '田中 二郎', departmentName: '総務部', gender: 'male', systemRole: 'approver' },
    });
    expect(await search('二郎')).toEqual(['nomail']);
    // nothing changed: no audit row
    await c.request('PATCH', `/api/v1/users/${f.id.nomail}`, { departmentName: '総務部' });
    expect((await audits(f.id.nomail)).rows).toHaveLength(1);
  });

  it('refuses to make a 承認者 一般 while others name them as 承認者', async () => {
    const c = await as('admin');
    await c.request('PATCH', `/api/v1/users/${f.id.sato}`, { approverId: f.id.boss });
    const res = await c.request('PATCH', `/api/v1/users/${f.id.boss}`, { systemRole: 'general' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'systemRole' });
  });
});

describe(`a user linked to HR (${TEST_DB})`, () => {
  it('refuses a change of ログインID, 氏名, 氏名カナ or メールアドレス, naming the field, and changes nothing', async () => {
    const c = await as('admin');
    for (const [field, value, label] of [
      ['loginId', 'takahashi2', 'ログインID'],
      ['displayName', '高橋 健太', '氏名'],
      ['nameKana', 'タカハシ', '氏名カナ'],
      ['email', 'x@example.jp', 'メールアドレス'],
    ] as const) {
      const res = await c.request('PATCH', `/api/v1/users/${f.id.takahashi}`, {
        [field]: value,
        departmentName: '人事部',
      });
      expect({ status: res.statusCode, code: res.json().error.code, message: res.json().error.message }).toEqual({
        status: 409,
        code: 'USER_FIELD_LOCKED',
        message: `${label}は人事管理システムと連携中のため変更できません`,
      });
    }
    const [row] = await t.db.asTenant(f.organisationId, (tx) =>
      tx.select().from(users).where(eq(users.id, f.id.takahashi)),
    );
    expect(row).toMatchObject({ loginId: 'takahashi', displayName: '髙橋 健太', departmentName: null });
    expect((await audits(f.id.takahashi)).rows).toEqual([]);
  });

  it('accepts its HR fields sent unchanged (the whole form) and changes the others', async () => {
    const c = await as('admin');
    const res = await c.request('PATCH', `/api/v1/users/${f.id.takahashi}`, {
      loginId: 'takahashi',
      displayName: '髙橋 健太',
      nameKana: 'タカハシ ケンタ',
      email: 'takahashi@example.jp',
      departmentName: '人事部',
      systemRole: 'approver',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isLinked: true, departmentName: '人事部', systemRole: 'approver' });
    expect(res.json().linkedAt).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe(`利用停止 and 利用再開 (${TEST_DB})`, () => {
  it('ends the user’s sessions and login at once, and lets them back in after 利用再開', async () => {
    const admin = await as('admin');
    const sato = await as('sato');
    const res = await admin.request('POST', `/api/v1/users/${f.id.sato}/disable`);
    expect([res.statusCode, res.json().isDisabled]).toEqual([200, true]);
    expect((await sato.request('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await trainingClient(t.app).login(f.code, 'sato', FIXTURE_PASSWORD)).statusCode).toBe(401);
    expect((await admin.request('POST', `/api/v1/users/${f.id.sato}/enable`)).json().isDisabled).toBe(false);
    expect((await trainingClient(t.app).login(f.code, 'sato', FIXTURE_PASSWORD)).statusCode).toBe(200);
    const rows = (await audits(f.id.sato)).rows as { after: { isDisabled?: boolean } }[];
    expect(rows.filter((r) => r.after.isDisabled !== undefined).map((r) => r.after.isDisabled)).toEqual([true, false]);
    const self = await admin.request('POST', `/api/v1/users/${f.id.admin}/disable`);
    expect([self.statusCode, self.json().error.message]).toEqual([409, '自分自身を利用停止にすることはできません']);
  });
});

const documentedHeader = () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/training-user-csv.md'), 'utf8');
  const line = doc.split('\n').find((l) => l.startsWith('見出し行: '));
  return line!.slice('見出し行: '.length).replaceAll('`', '').split(',');
};

describe(`利用者情報CSV出力 (${TEST_DB})`, () => {
  it('writes the documented header exactly, one row per user in ログインID order, UTF-8 with BOM', async () => {
    const c = await as('admin', other);
    const res = await c.request('GET', '/api/v1/users/export?status=all');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('利用者情報_UTF-8.csv'));
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(res.rawPayload);
    expect(header).toEqual(documentedHeader());
    expect(rows.map((r) => r[0])).toEqual(['admin', 'boss', 'kimura', 'nomail', 'retired', 'sato', 'takahashi']);
    expect(rows.find((r) => r[0] === 'takahashi')).toEqual([
      'takahashi',
      '髙橋 健太',
      'タカハシ ケンタ',
      'takahashi@example.jp',
      '一般',
      '',
      '回答しない',
      '',
      '',
      '有効',
      '連携中',
      '',
    ]);
    expect(rows.find((r) => r[0] === 'retired')?.[9]).toBe('利用停止');
  });

  it('writes Shift_JIS when asked, and refuses a Shift_JIS file that would lose a character (𠮷)', async () => {
    const c = await as('admin', other);
    await c.request('PATCH', `/api/v1/users/${other.id.nomail}`, { displayName: '𠮷田 次郎' });
    const refused = await c.request('GET', '/api/v1/users/export?encoding=cp932&status=all');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.fields[0].message).toContain(
      'ログインID「nomail」の氏名に Shift_JIS で保存できない文字「𠮷」',
    );
    const ok = await c.request('GET', '/api/v1/users/export?encoding=cp932&q=sato');
    expect(ok.headers['content-type']).toBe('text/csv; charset=shift_jis');
    const text = iconv.decode(ok.rawPayload, 'cp932');
    expect(text.split('\r\n')[1]).toBe('sato,佐藤 花子,サトウ ハナコ,sato@example.jp,一般,営業部,女性,,,有効,,');
  });

  it('escapes a cell that a spreadsheet would run as a formula', async () => {
    const c = await as('admin', other);
    await c.request('PATCH', `/api/v1/users/${other.id.boss}`, { departmentName: '=HYPERLINK("x")' });
    const res = await c.request('GET', '/api/v1/users/export?q=boss');
    expect(parseCsv(res.rawPayload)[1]?.[5]).toBe(`'=HYPERLINK("x")`);
  });
});
