// アカウント通知, the one-time password links and パスワードを忘れた方 (R-AUTH-3, decision 012), through the
// API and a real SMTP server in-process: the test reads the mails that arrive, takes the link out of
// them and follows it as the employee would.

import { TEST_DB } from '@jinji/test-kit/database';
import type { CaughtMail, TestSmtp } from '@jinji/test-kit/smtp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createMailTestApp,
  createTestTenant,
  createTestUser,
  type MailTestApp,
  STRONG_PASSWORD,
  testConfig,
} from '../../../test/helpers';
import type { Database } from '../../db/client';
import { createSampleEmployees } from './employees.service';

let t: MailTestApp;
let db: Database;
let app: FastifyInstance;
let smtp: TestSmtp;
let tenantId: string;
let hr: Client;
const PUBLIC_URL = 'https://jinji.example.jp';

const person = (n: number, over: Record<string, unknown> = {}) => ({
  employeeNumber: `N${String(n).padStart(3, '0')}`,
  lastName: '通知',
  firstName: `太郎${n}`,
  lastNameKana: 'つうち',
  firstNameKana: 'たろう',
  birthDate: '1990-01-01',
  gender: '男性',
  hireDate: '2024-04-01',
  ...over,
});
const register = async (n: number, over: Record<string, unknown> = {}) => {
  const res = await hr.request('POST', '/api/v1/employees', person(n, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const withAccount = (n: number, over: Record<string, unknown> = {}) =>
  register(n, { loginId: `emp${n}`, email: `emp${n}@example.jp`, systemUseStartDate: '2024-04-01', ...over });

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
const linkIn = (m: CaughtMail) => {
  const url = m.parsed.text?.match(/https:\/\/jinji\.example\.jp\/password\/set\/(\S+)/);
  if (!url) throw new Error(`no link in: ${m.parsed.text}`);
  return url[1]!;
};
const waitForMailTo = async (address: string, count = 1) => {
  for (let i = 0; i < 200 && mailsTo(address).length < count; i++) await new Promise((r) => setTimeout(r, 50));
  const found = mailsTo(address);
  if (found.length < count) throw new Error(`${count} mails to ${address} expected, ${found.length} arrived`);
  return found[count - 1]!;
};
const notice = (selection: unknown) => hr.request('POST', '/api/v1/employees/account-notices', { selection });
const anonymous = () => new Client(app);
const setPassword = (token: string, newPassword: string) =>
  anonymous().request('POST', '/api/v1/auth/password-link/set', { token, newPassword });

beforeAll(async () => {
  t = await createMailTestApp({ publicUrl: PUBLIC_URL, login: { ...testConfig().login, ratePerMinute: 100_000 } });
  ({ db, app, smtp } = t);
  ({ tenantId } = await createTestTenant(db, 'notice-a'));
  await createTestUser(db, tenantId, 'hr', ['hr_admin']);
  hr = new Client(app);
  await hr.login('notice-a', 'hr', STRONG_PASSWORD);
  await (async () => {
    const admin = new Client(app);
    await admin.login('notice-a', 'admin', STRONG_PASSWORD);
    const res = await admin.request('PUT', '/api/v1/code-settings', {
      loginIdMode: 'direct',
      loginIdRule: null,
      employeeNumberMode: 'direct',
      employeeNumberRule: null,
    });
    expect(res.statusCode, res.body).toBe(200);
  })();
}, 180_000);
afterAll(() => t?.close());

describe(`アカウント通知 (${TEST_DB})`, () => {
  it('mails the login URL, 企業コード, ログインID and a one-time link (never a password); the link sets a password that logs in', async () => {
    const id = await withAccount(1, { isStartupTarget: true });
    const res = await notice({ kind: 'ids', ids: [id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sentCount: 1, noAccount: { count: 0 }, noEmail: { count: 0 } });

    const m = await waitForMailTo('emp1@example.jp');
    expect(m.parsed.subject).toMatch(/^【jinji】アカウントのお知らせ（.+）$/);
    const text = m.parsed.text!;
    expect(text).toContain(`ログインURL：${PUBLIC_URL}/login?tenantCode=notice-a`);
    expect(text).toContain('企業コード：notice-a');
    expect(text).toContain('ログインID：emp1');
    expect(text).not.toMatch(/パスワード[:：]/);
    expect(m.parsed.html).toContain('<a href="https://jinji.example.jp/password/set/');
    // the token is stored only as its hash
    const token = linkIn(m);
    const stored = (await db.executeSql(`select token_hash, expires_at, created_at from password_links`)).rows as {
      token_hash: string;
      expires_at: Date;
      created_at: Date;
    }[];
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]);
    const hours = (new Date(stored[0]!.expires_at).getTime() - new Date(stored[0]!.created_at).getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(72);

    // アカウント通知日 in the list and the detail, and one audit row
    const list = (await hr.request('GET', '/api/v1/employees?employeeNumber=N001')).json();
    expect(list.items[0].accountNotifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const detail = (await hr.request('GET', `/api/v1/employees/${id}`)).json();
    expect(detail.accountNotifiedAt).not.toBeNull();
    const audits = (
      await db.executeSql(
        `select actor_login_id, after from audit_logs where target_id = '${id}' and action = 'update'`,
      )
    ).rows as { actor_login_id: string; after: { accountNotifiedAt: string } }[];
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_login_id).toBe('hr');

    // 送信メール一覧: once sent, the system administrator no longer sees the link (the recipient's credential)
    const admin = new Client(app);
    await admin.login('notice-a', 'admin', STRONG_PASSWORD);
    const mailId = (audits[0]!.after as unknown as { mailId: string }).mailId;
    let shown = (await admin.request('GET', `/api/v1/mails/${mailId}`)).json();
    for (let i = 0; i < 100 && shown.status !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      shown = (await admin.request('GET', `/api/v1/mails/${mailId}`)).json();
    }
    expect(shown.status).toBe('sent');
    expect(shown.textBody).toContain('ログインID：emp1');
    expect(shown.textBody).not.toContain(token);
    expect(shown.textBody).toContain('/password/set/（送信済みのため表示しません）');

    // the page shows whose account it is
    const info = await anonymous().request('POST', '/api/v1/auth/password-link', { token });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({ purpose: 'notice', tenantCode: 'notice-a', loginId: 'emp1' });

    const set = await setPassword(token, 'Mokusei-Kinsei-77');
    expect(set.statusCode, set.body).toBe(200);
    const employee = new Client(app);
    expect((await employee.login('notice-a', 'emp1', 'Mokusei-Kinsei-77')).statusCode).toBe(200);
    // the startup flag leads the employee to the wizard: the profile says so
    expect((await employee.request('GET', '/api/v1/me/profile')).json().isStartupPending).toBe(true);
  });

  it('refuses a reused link in Japanese and changes nothing', async () => {
    const id = await withAccount(2);
    await notice({ kind: 'ids', ids: [id] });
    const token = linkIn(await waitForMailTo('emp2@example.jp'));
    expect((await setPassword(token, 'Mokusei-Kinsei-77')).statusCode).toBe(200);
    const hashBefore = (await db.executeSql(`select password_hash from user_accounts where login_id = 'emp2'`)).rows;

    const again = await setPassword(token, 'Suisei-Kasei-88x');
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('PASSWORD_LINK_INVALID');
    expect(again.json().error.message).toContain('既に使用されています');
    const inspect = await anonymous().request('POST', '/api/v1/auth/password-link', { token });
    expect(inspect.statusCode).toBe(410);
    expect((await db.executeSql(`select password_hash from user_accounts where login_id = 'emp2'`)).rows).toEqual(
      hashBefore,
    );
    expect((await new Client(app).login('notice-a', 'emp2', 'Suisei-Kasei-88x')).statusCode).toBe(401);
  });

  it('two tabs using one link at the same moment: one sets the password, the other is refused', async () => {
    const id = await withAccount(5);
    await notice({ kind: 'ids', ids: [id] });
    const token = linkIn(await waitForMailTo('emp5@example.jp'));
    const answers = await Promise.all([
      setPassword(token, 'Mokusei-Kinsei-77'),
      setPassword(token, 'Suisei-Kasei-88x'),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 410]);
    const winner = answers[0]!.statusCode === 200 ? 'Mokusei-Kinsei-77' : 'Suisei-Kasei-88x';
    expect((await new Client(app).login('notice-a', 'emp5', winner)).statusCode).toBe(200);
  });

  it('refuses an expired link in Japanese and sets no password', async () => {
    const id = await withAccount(3);
    await notice({ kind: 'ids', ids: [id] });
    const token = linkIn(await waitForMailTo('emp3@example.jp'));
    await db.executeSql(
      `update password_links set expires_at = now() - interval '1 minute' where user_id = (select id from user_accounts where login_id = 'emp3')`,
    );
    const res = await setPassword(token, 'Mokusei-Kinsei-77');
    expect(res.statusCode).toBe(410);
    expect(res.json().error.message).toContain('有効期限が切れています');
    const row = (await db.executeSql(`select password_hash from user_accounts where login_id = 'emp3'`)).rows[0] as {
      password_hash: string | null;
    };
    expect(row.password_hash).toBeNull();
  });

  it('refuses a password against the policy (a common one) in Japanese; the link still works afterwards', async () => {
    const id = await withAccount(4);
    await notice({ kind: 'ids', ids: [id] });
    const token = linkIn(await waitForMailTo('emp4@example.jp'));
    const weak = await setPassword(token, 'Password123!');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('PASSWORD_POLICY_VIOLATION');
    expect(weak.json().error.fields[0]).toMatchObject({ path: 'newPassword' });
    expect(weak.json().error.fields[0].message).toMatch(/[ぁ-んァ-ン一-龥]/);
    const short = await setPassword(token, 'aB3!');
    expect(short.statusCode).toBe(422);
    expect(
      (
        await db.executeSql(
          `select used_at from password_links where used_at is not null and user_id = (select id from user_accounts where login_id = 'emp4')`,
        )
      ).rows,
    ).toEqual([]);
    expect((await setPassword(token, 'Mokusei-Kinsei-77')).statusCode).toBe(200);
  });

  it('「検索結果すべてを選択」 sends to every match on every page, and reports who has no account or no address', async () => {
    // 12 matches of the keyword across pages of 5; two without an account, one without an address
    for (let n = 10; n < 20; n++) await withAccount(n, { lastName: '全頁' });
    await register(20, { lastName: '全頁' });
    await register(21, { lastName: '全頁' });
    await withAccount(22, { lastName: '別人' });
    await db.executeSql(`update user_accounts set email = null where login_id = 'emp19'`);
    const page = (await hr.request('GET', '/api/v1/employees?q=全頁&pageSize=5')).json();
    expect(page.total).toBe(12);
    expect(page.items).toHaveLength(5);

    const before = smtp.mails.length;
    const res = await notice({ kind: 'filter', filter: { q: '全頁' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      sentCount: 9,
      noAccount: { count: 2, employeeNumbers: ['N020', 'N021'] },
      noEmail: { count: 1, employeeNumbers: ['N019'] },
      notPending: { count: 0, employeeNumbers: [] },
    });
    await smtp.waitForMails(before + 9);
    const to = smtp.mails.slice(before).flatMap((m) => m.to);
    expect(to.sort()).toEqual(Array.from({ length: 9 }, (_, i) => `emp${10 + i}@example.jp`).sort());
    expect(mailsTo('emp22@example.jp')).toEqual([]);
    const notified = (await hr.request('GET', '/api/v1/employees?q=全頁&pageSize=100')).json().items;
    expect(notified.filter((e: { accountNotifiedAt: string | null }) => e.accountNotifiedAt).length).toBe(9);
  });

  it("refuses another tenant's employee id and writes nothing", async () => {
    const other = await createTestTenant(db, 'notice-b');
    await createSampleEmployees(db, other.tenantId, [person(1)]);
    const foreign = (
      (await db.executeSql(`select id from employees where tenant_id = '${other.tenantId}'`)).rows[0] as { id: string }
    ).id;
    const mine = await withAccount(30);
    const before = (await db.executeSql(`select count(*)::int as n from mail_outbox`)).rows;
    const res = await notice({ kind: 'ids', ids: [mine, foreign] });
    expect(res.statusCode).toBe(404);
    expect((await db.executeSql(`select count(*)::int as n from mail_outbox`)).rows).toEqual(before);
    expect(other.tenantId).not.toBe(tenantId);
  });
});

describe(`パスワードを忘れた方 (${TEST_DB})`, () => {
  const reset = (loginIdOrEmail: string, tenantCode = 'notice-a', ip = '203.0.113.9') =>
    new Client(app, { remoteAddress: ip }).request('POST', '/api/v1/auth/password-reset', {
      tenantCode,
      loginIdOrEmail,
    });

  it('answers the same for an unknown account, an unknown company and a real one; only the real one gets a mail (1 h)', async () => {
    await withAccount(40);
    await setPassword(
      linkIn(
        await (async () => {
          await notice({
            kind: 'ids',
            ids: [(await hr.request('GET', '/api/v1/employees?employeeNumber=N040')).json().items[0].id],
          });
          return waitForMailTo('emp40@example.jp');
        })(),
      ),
      'Mokusei-Kinsei-77',
    );
    const before = smtp.mails.length;
    const outboxBefore = (await db.executeSql(`select count(*)::int as n from mail_outbox`)).rows[0] as { n: number };
    const unknown = await reset('nobody');
    const unknownTenant = await reset('emp40', 'no-such-company');
    const real = await reset('emp40@example.jp');
    for (const r of [unknown, unknownTenant, real]) {
      expect(r.statusCode).toBe(202);
      expect(r.body).toBe(real.body);
    }
    expect(real.json().message).toContain('送信しました');
    const m = await waitForMailTo('emp40@example.jp', 2);
    expect(m.parsed.subject).toContain('パスワード再設定のご案内');
    expect(smtp.mails.length).toBe(before + 1);
    expect(((await db.executeSql(`select count(*)::int as n from mail_outbox`)).rows[0] as { n: number }).n).toBe(
      outboxBefore.n + 1,
    );
    const link = (
      await db.executeSql(
        `select expires_at, created_at from password_links where purpose = 'reset' and used_at is null`,
      )
    ).rows[0] as { expires_at: Date; created_at: Date };
    expect(new Date(link.expires_at).getTime() - new Date(link.created_at).getTime()).toBe(3_600_000);

    const token = linkIn(m);
    expect((await anonymous().request('POST', '/api/v1/auth/password-link', { token })).json().purpose).toBe('reset');
    // the old password is the current one: refused as reused
    expect((await setPassword(token, 'Mokusei-Kinsei-77')).statusCode).toBe(422);
    expect((await setPassword(token, 'Suisei-Kasei-88x')).statusCode).toBe(200);
    expect((await new Client(app).login('notice-a', 'emp40', 'Suisei-Kasei-88x')).statusCode).toBe(200);
    expect((await new Client(app).login('notice-a', 'emp40', 'Mokusei-Kinsei-77')).statusCode).toBe(401);
  });

  it('is counted by the login throttle: a source past the lock threshold gets no more mails, with the same answer', async () => {
    await withAccount(41);
    const before = mailsTo('emp41@example.jp').length;
    const answers = new Set<string>();
    for (let i = 0; i < 12; i++) answers.add((await reset('emp41', 'notice-a', '198.51.100.7')).body);
    expect(answers.size).toBe(1);
    // the test config's threshold is the default (10): ten requests reach the mail, the rest do not
    await waitForMailTo('emp41@example.jp', before + 10);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailsTo('emp41@example.jp').length).toBe(before + 10);
    // and only the newest reset link works: each request replaced the one before
    const open = (
      await db.executeSql(
        `select count(*)::int as n from password_links where purpose = 'reset' and used_at is null and user_id = (select id from user_accounts where login_id = 'emp41')`,
      )
    ).rows[0] as { n: number };
    expect(open.n).toBe(1);
  });
});

describe(`スタートアップのリマインド (${TEST_DB})`, () => {
  it('mails only the selected employees who have not finished スタートアップ, and reports the others', async () => {
    const pending = await withAccount(50, { isStartupTarget: true });
    const done = await withAccount(51);
    const res = await hr.request('POST', '/api/v1/employees/startup-reminders', {
      selection: { kind: 'ids', ids: [pending, done] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sentCount: 1, notPending: { count: 1, employeeNumbers: ['N051'] } });
    const m = await waitForMailTo('emp50@example.jp');
    expect(m.parsed.subject).toContain('従業員スタートアップのお願い');
    expect(m.parsed.text).toContain('ログインID：emp50');
    expect(mailsTo('emp51@example.jp')).toEqual([]);
    const audit = (
      await db.executeSql(
        `select after from audit_logs where target_type = 'mail' and after->>'employeeId' = '${pending}'`,
      )
    ).rows;
    expect(audit).toHaveLength(1);
  });

  it('is refused to a role without employees.edit', async () => {
    await createTestUser(db, tenantId, 'viewer');
    const viewer = new Client(app);
    await viewer.login('notice-a', 'viewer', STRONG_PASSWORD);
    const res = await viewer.request('POST', '/api/v1/employees/startup-reminders', {
      selection: { kind: 'filter', filter: {} },
    });
    expect(res.statusCode).toBe(403);
  });
});
