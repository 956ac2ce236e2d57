// 【ログイン情報送付】 through the API: one user's mail in the outbox with a link that works once, an
// expired link (410), users who get nothing (disabled, no address), and the bulk send from the exported
// CSV with its 送付 marks — in UTF-8 and Shift_JIS, with unknown users, and a broken file that sends none.
import { encodeCsv, parseCsv } from '@jinji/office-files/csv';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingClient, trainingTestApp } from '../../../test/helpers';
import { createUserFixtures, FIXTURE_PASSWORD, type UserFixtures } from './users.fixtures';

let t: Awaited<ReturnType<typeof trainingTestApp>>;
let f: UserFixtures;

beforeAll(async () => {
  t = await trainingTestApp();
  f = await createUserFixtures(t.db);
});
afterAll(() => t?.close());

const admin = async (fx = f) => {
  const c = trainingClient(t.app);
  expect((await c.login(fx.code, 'admin', FIXTURE_PASSWORD)).statusCode).toBe(200);
  return c;
};
const outbox = async (organisationId: string) =>
  (
    await t.db.executeSql(
      `select to_address, subject, text_body from training.mail_outbox where organisation_id = $1 order by created_at, to_address`,
      [organisationId],
    )
  ).rows as { to_address: string; subject: string; text_body: string }[];
const tokenOf = (text: string) => /\/password\/set\/(\S+)/.exec(text)![1]!;
const NEW_PASSWORD = 'Kinmokusei-no-kaori-2026';

describe(`【ログイン情報送付】 one user (${TEST_DB})`, () => {
  it('mails the login URL, 組織コード, ログインID and a link that sets the password once', async () => {
    const c = await admin();
    const res = await c.request('POST', `/api/v1/users/${f.id.sato}/login-info`);
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe('sato@example.jp');
    const [mail] = await outbox(f.organisationId);
    expect(mail).toMatchObject({
      to_address: 'sato@example.jp',
      subject: expect.stringContaining('ログイン情報のお知らせ'),
    });
    expect(mail!.text_body).toContain(`組織コード：${f.code}`);
    expect(mail!.text_body).toContain('ログインID：sato');
    expect(mail!.text_body).toContain(`/login?organizationCode=${f.code}`);
    expect(mail!.text_body).not.toContain(FIXTURE_PASSWORD);
    const token = tokenOf(mail!.text_body);

    const visitor = trainingClient(t.app);
    const info = await visitor.request('POST', '/api/v1/auth/password-link', { token });
    expect(info.json()).toMatchObject({ purpose: 'notice', tenantCode: f.code, loginId: 'sato' });
    const weak = await visitor.request('POST', '/api/v1/auth/password-link/set', { token, newPassword: 'password' });
    expect(weak.statusCode).toBe(422);
    const set = await visitor.request('POST', '/api/v1/auth/password-link/set', { token, newPassword: NEW_PASSWORD });
    expect(set.json()).toEqual({ tenantCode: f.code, loginId: 'sato' });
    expect((await trainingClient(t.app).login(f.code, 'sato', NEW_PASSWORD)).statusCode).toBe(200);
    expect((await trainingClient(t.app).login(f.code, 'sato', FIXTURE_PASSWORD)).statusCode).toBe(401);

    const again = await visitor.request('POST', '/api/v1/auth/password-link/set', {
      token,
      newPassword: `${NEW_PASSWORD}x`,
    });
    expect([again.statusCode, again.json().error.message]).toEqual([
      410,
      'このリンクは既に使用されています。設定したパスワードでログインするか、「パスワードを忘れた方」から再設定してください',
    ]);
    const audit = await t.db.executeSql(
      `select action, actor_label from training.audit_logs where target_id = $1 order by at`,
      [f.id.sato],
    );
    expect(audit.rows).toEqual([
      { action: 'send_login_info', actor_label: 'user:admin' },
      { action: 'update', actor_label: 'user:sato' },
    ]);
  });

  it('answers an expired link with 410 and says so; a new send replaces the old link', async () => {
    const c = await admin();
    await c.request('POST', `/api/v1/users/${f.id.boss}/login-info`);
    const first = tokenOf((await outbox(f.organisationId)).find((m) => m.to_address === 'boss@example.jp')!.text_body);
    await c.request('POST', `/api/v1/users/${f.id.boss}/login-info`);
    const replaced = await trainingClient(t.app).request('POST', '/api/v1/auth/password-link', { token: first });
    expect(replaced.statusCode).toBe(410);

    const latest = (await outbox(f.organisationId)).filter((m) => m.to_address === 'boss@example.jp').at(-1)!;
    await t.db.executeSql(
      `update training.password_links set expires_at = now() - interval '1 minute' where organisation_id = $1`,
      [f.organisationId],
    );
    const expired = await trainingClient(t.app).request('POST', '/api/v1/auth/password-link/set', {
      token: tokenOf(latest.text_body),
      newPassword: NEW_PASSWORD,
    });
    expect([expired.statusCode, expired.json().error.code]).toEqual([410, 'PASSWORD_LINK_INVALID']);
    expect(expired.json().error.message).toContain('有効期限が切れています');
    const garbage = await trainingClient(t.app).request('POST', '/api/v1/auth/password-link', { token: 'x.y' });
    expect(garbage.statusCode).toBe(410);
  });

  it('sends nothing to a disabled user, one without a mail address, or another organisation’s user', async () => {
    const c = await admin();
    const before = (await outbox(f.organisationId)).length;
    const disabled = await c.request('POST', `/api/v1/users/${f.id.retired}/login-info`);
    expect([disabled.statusCode, disabled.json().error.message]).toEqual([409, '利用停止中の利用者には送付できません']);
    const nomail = await c.request('POST', `/api/v1/users/${f.id.nomail}/login-info`);
    expect(nomail.json().error.message).toBe('メールアドレスが登録されていないため送付できません');
    const other = await createUserFixtures(t.db);
    expect((await c.request('POST', `/api/v1/users/${other.id.sato}/login-info`)).statusCode).toBe(404);
    expect(await outbox(f.organisationId)).toHaveLength(before);
  });
});

describe(`【ログイン情報送付】 in bulk from the CSV (${TEST_DB})`, () => {
  const upload = (c: Awaited<ReturnType<typeof admin>>, bytes: Buffer) =>
    c.request('POST', '/api/v1/users/login-info/bulk', {
      fileName: 'users.csv',
      contentBase64: bytes.toString('base64'),
    });

  it('sends to the rows marked in the exported file (Shift_JIS) and reports the refused ones by row', async () => {
    const g = await createUserFixtures(t.db);
    const c = await admin(g);
    const exported = await c.request('GET', '/api/v1/users/export?encoding=utf8&status=all');
    const [header, ...rows] = parseCsv(exported.rawPayload);
    const send = header!.indexOf('送付');
    // ✓ has no Shift_JIS form: a Shift_JIS file marks with ○, 〇, 1 or レ
    const mark: Record<string, string> = { boss: '○', sato: ' 1 ', retired: '〇', nomail: 'レ', admin: 'x' };
    const marked = rows.map((r) => r.map((cell, i) => (i === send ? (mark[r[0]!] ?? '') : cell)));
    marked.push(['ghost', '幽霊', '', '', '', '', '', '', '', '', '', '○']);
    marked.push(['boss', '', '', '', '', '', '', '', '', '', '', '1']);
    // 髙 is in CP932 (the IBM extension): the file round-trips
    const res = await upload(c, encodeCsv([header!, ...marked], 'cp932'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ encoding: 'cp932', sentCount: 2, refusedCount: 5 });
    const rowOf = (id: string) => rows.findIndex((r) => r[0] === id) + 2;
    expect(body.rows).toEqual([
      {
        row: rowOf('admin'),
        loginId: 'admin',
        status: 'refused',
        reason: '送付欄の「x」は送付の印として読み取れません（1、○、✓、レ のいずれかを入力してください）',
      },
      { row: rowOf('boss'), loginId: 'boss', status: 'sent', reason: null },
      {
        row: rowOf('nomail'),
        loginId: 'nomail',
        status: 'refused',
        reason: 'メールアドレスが登録されていないため送付できません',
      },
      { row: rowOf('retired'), loginId: 'retired', status: 'refused', reason: '利用停止中の利用者には送付できません' },
      { row: rowOf('sato'), loginId: 'sato', status: 'sent', reason: null },
      {
        row: rows.length + 2,
        loginId: 'ghost',
        status: 'refused',
        reason: 'ログインID「ghost」の利用者が見つかりません',
      },
      {
        row: rows.length + 3,
        loginId: 'boss',
        status: 'refused',
        reason: `同じログインIDが${rowOf('boss')}行目にもあります（1回だけ送付します）`,
      },
    ]);
    expect((await outbox(g.organisationId)).map((m) => m.to_address)).toEqual(['boss@example.jp', 'sato@example.jp']);
  });

  it('refuses a file with broken characters, without a 送付 column or with no mark, and sends none', async () => {
    const g = await createUserFixtures(t.db);
    const c = await admin(g);
    const header = encodeCsv([['ログインID', '氏名', '送付']], 'utf8');
    const good = Buffer.from('boss,鈴木,1\r\n', 'utf8');
    const broken = Buffer.from([0x73, 0x61, 0x74, 0x6f, 0x2c, 0x82, 0xff, 0x2c, 0x31, 0x0d, 0x0a]); // not UTF-8 nor CP932
    const res = await upload(c, Buffer.concat([header, good, broken]));
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'CSV_INVALID']);
    expect(res.json().error.fields).toEqual([{ path: '3行目', message: '3行目の文字を読み取れません' }]);

    const noColumn = await upload(
      c,
      encodeCsv(
        [
          ['ログインID', '氏名'],
          ['boss', '鈴木'],
        ],
        'utf8',
      ),
    );
    expect(noColumn.json().error.message).toContain('「送付」の列がありません');
    const noMark = await upload(
      c,
      encodeCsv(
        [
          ['ログインID', '送付'],
          ['boss', ''],
        ],
        'utf8',
      ),
    );
    expect(noMark.json().error.message).toContain('送付する利用者がいません');
    const notBase64 = await c.request('POST', '/api/v1/users/login-info/bulk', { contentBase64: '@@@' });
    expect(notBase64.statusCode).toBe(400);
    expect(await outbox(g.organisationId)).toEqual([]);
  });
});
