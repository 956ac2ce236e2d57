// 届出 through the API, as the people who use it: an employee files a 住所変更 with a future 適用日, the
// 上長 (所属長 of the department) approves, then 人事; the master changes on the 適用日 (the daily job, run
// for a given date) with one audit row, and each step leaves mails in the outbox and notices on both
// sides. The bad inputs of the issue are each refused with a Japanese message and nothing written.
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
import { applyDueRequests } from './requests.service';

let t: TestApp;
let hr: Client; // 人事管理者, no employee of their own
let yamada: Client; // 一般, 営業部
let sato: Client; // 一般, 営業部's 所属長: yamada's 上長
let tanaka: Client; // 一般, 営業部: another employee
let approver: Client; // 届出承認者 only: approves, cannot edit the master
const ids = {} as Record<'yamada' | 'sato' | 'tanaka' | 'sales' | 'head' | 'address' | 'custom' | 'foreign', string>;
const NO_MAIL = { mail: { wake: async () => {}, dispatch: async () => 0, close: () => {} } };

const rowsOf = async (sql: string) => (await t.db.executeSql(sql)).rows as Record<string, unknown>[];
const countOf = async (table: string) => Number((await rowsOf(`select count(*)::int as n from ${table}`))[0]!.n);
const mailsTo = (address: string) =>
  rowsOf(`select template, subject, text_body from mail_outbox where to_address = '${address}' order by created_at`);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF').toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');

const person = (over: Record<string, unknown>) => ({
  lastName: '山田',
  firstName: '花子',
  lastNameKana: 'やまだ',
  firstNameKana: 'はなこ',
  birthDate: '1990-04-01',
  gender: '女性',
  hireDate: '2022-04-01',
  postalCode: '150-0001',
  prefecture: '東京都',
  city: '渋谷区',
  street: '神宮前1-1-1',
  ...over,
});

const address = (over: Record<string, unknown> = {}) => ({
  typeId: ids.address,
  effectiveDate: '2030-04-01',
  values: {
    postalCode: '220-0012',
    prefecture: '神奈川県',
    city: '横浜市西区',
    street: 'みなとみらい2-2-1',
    building: 'ランドマーク101',
    commuteNote: '桜木町駅からJR京浜東北線で渋谷駅まで',
  },
  ...over,
});

async function account(loginId: string, employeeId: string | null, roles: string[] = []) {
  const { tenantId } = (await rowsOf(`select id as "tenantId" from tenants where code = 'acme'`))[0] as {
    tenantId: string;
  };
  await createTestUser(t.db, tenantId, loginId, roles);
  await t.db.executeSql(
    `update user_accounts set email = '${loginId}@acme.example.jp'${employeeId ? `, employee_id = '${employeeId}'` : ''} where login_id = '${loginId}'`,
  );
  const c = new Client(t.app);
  expect((await c.login('acme', loginId, STRONG_PASSWORD)).statusCode).toBe(200);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  await createTestTenant(t.db, 'acme');
  const foreign = await createTestTenant(t.db, 'other');
  hr = await account('hr', null, ['hr_admin']);
  const company = (await hr.request('POST', '/api/v1/masters/company', { code: 'C1', name: 'アクメ' })).json().id;
  const head = (
    await hr.request('POST', '/api/v1/masters/department', { code: 'D1', name: '本社', companyId: company })
  ).json().id;
  ids.sales = (
    await hr.request('POST', '/api/v1/masters/department', {
      code: 'D2',
      name: '営業部',
      companyId: company,
      parentId: head,
    })
  ).json().id;
  ids.head = head;
  const mk = async (over: Record<string, unknown>) => {
    const res = await hr.request(
      'POST',
      '/api/v1/employees',
      person({ ...over, assignment: { companyId: company, departmentId: ids.sales } }),
    );
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  ids.yamada = await mk({ employeeNumber: 'E001' });
  ids.sato = await mk({ employeeNumber: 'E002', lastName: '佐藤', firstName: '一郎', lastNameKana: 'さとう' });
  ids.tanaka = await mk({ employeeNumber: 'E003', lastName: '田中', firstName: '次郎', lastNameKana: 'たなか' });
  yamada = await account('yamada', ids.yamada);
  sato = await account('sato', ids.sato);
  tanaka = await account('tanaka', ids.tanaka);
  approver = await account('approver', null, ['request_approver']);
  // the employee's 上長: the 所属長 of 本社 (the parent) until 営業部 gets its own
  expect(
    (await hr.request('PUT', `/api/v1/request-types/department-heads/${ids.head}`, { employeeNumber: 'E002' }))
      .statusCode,
  ).toBe(200);
  const types = (await hr.request('GET', '/api/v1/request-types')).json().items as { id: string; builtin: string }[];
  expect(types.map((x) => x.builtin)).toEqual(['address', 'name', 'birth_date']);
  ids.address = types.find((x) => x.builtin === 'address')!.id;
  const custom = await hr.request('POST', '/api/v1/request-types', {
    name: '資格取得届',
    fields: [
      { key: 'name', label: '資格名', kind: 'text', isRequired: true },
      { key: 'passed_on', label: '合格日', kind: 'date', isRequired: true },
      { key: 'level', label: '級', kind: 'choice', choices: ['1級', '2級'] },
      { key: 'cert', label: '合格証', kind: 'attachment', isRequired: true },
    ],
    route: [{ kind: 'role', role: 'request_approver' }],
  });
  expect(custom.statusCode).toBe(201);
  ids.custom = custom.json().id;
  const fc = new Client(t.app);
  await fc.login('other', 'admin', STRONG_PASSWORD);
  ids.foreign = (await fc.request('GET', '/api/v1/request-types')).json().items[0].id;
  void foreign;
}, 120_000);
afterAll(() => t?.close());

describe(`届出 (${TEST_DB})`, () => {
  let requestId: string;

  it('the employee files a 住所変更 with a future 適用日; the 上長 is the 所属長 of the parent department', async () => {
    const res = await yamada.request('POST', '/api/v1/me/requests', {
      ...address(),
      attachments: [{ fileName: '住民票.pdf', contentType: 'application/pdf', data: PDF }],
    });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    requestId = r.id;
    expect(r).toMatchObject({ status: 'pending', currentStep: 1, stepCount: 2, canWithdraw: true, canDecide: false });
    expect(r.steps.map((s: { label: string }) => s.label)).toEqual(['上長（sato）', '人事管理者']);
    expect(r.changes).toContainEqual({ label: '都道府県', before: '東京都', after: '神奈川県' });
    expect(r.changes).toContainEqual({
      label: '通勤経路',
      before: null,
      after: '桜木町駅からJR京浜東北線で渋谷駅まで',
    });
    expect(r.attachments).toMatchObject([{ fileName: '住民票.pdf', contentType: 'application/pdf' }]);
    // the approver of step 1 gets a mail and a notice; HR (step 2) not yet
    const mails = await mailsTo('sato@acme.example.jp');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: 'request-approval' });
    expect(mails[0]!.text_body).toContain('山田 花子 さんの「住所変更」（適用日 2030/04/01）');
    expect(mails[0]!.text_body).not.toContain('神奈川県'); // no values of the request in a mail
    expect(await mailsTo('hr@acme.example.jp')).toHaveLength(0);
    const notices = (await sato.request('GET', '/api/v1/me/request-notices')).json();
    expect(notices).toMatchObject({ waitingCount: 1, unreadCount: 1 });
    expect(notices.items[0]).toMatchObject({ kind: 'submitted', typeName: '住所変更', applicantName: '山田 花子' });
    expect((await hr.request('GET', '/api/v1/me/request-notices')).json().waitingCount).toBe(0);
    // the attachment comes back byte for byte, as a download
    const file = await yamada.request('GET', `/api/v1/me/requests/${requestId}/attachments/${r.attachments[0].id}`);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.rawPayload.toString('base64')).toBe(PDF);
  });

  it("another employee's request is not found on any of their routes, and no one else's approval is possible", async () => {
    for (const [method, path] of [
      ['GET', `/api/v1/me/requests/${requestId}`],
      ['POST', `/api/v1/me/requests/${requestId}/withdraw`],
    ] as const) {
      const res = await tanaka.request(method, path, method === 'POST' ? {} : undefined);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe('届出が見つかりません');
    }
    // tanaka approves no step of it: 404 in the approvers' routes too, and not in their list
    expect((await tanaka.request('GET', `/api/v1/requests/${requestId}`)).statusCode).toBe(404);
    expect((await tanaka.request('POST', `/api/v1/requests/${requestId}/approve`, {})).statusCode).toBe(404);
    expect((await tanaka.request('GET', '/api/v1/requests')).json().total).toBe(0);
    // HR approves step 2, not step 1: visible, but refused
    const early = await hr.request('POST', `/api/v1/requests/${requestId}/approve`, {});
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toBe('この届出は現在、第1段階の承認者の承認待ちです。承認できません');
    // the approve-only role is on no step of 住所変更
    expect((await approver.request('POST', `/api/v1/requests/${requestId}/approve`, {})).statusCode).toBe(404);
    expect((await rowsOf(`select status, current_step from requests where id = '${requestId}'`))[0]).toEqual({
      status: 'pending',
      current_step: 1,
    });
  });

  it('the 上長 approves (step 1), then 人事 (final): a future 適用日 waits, the master is unchanged', async () => {
    const list = (await sato.request('GET', '/api/v1/requests?isWaitingOnly=true')).json();
    expect(list.items.map((i: { id: string; canDecide: boolean }) => [i.id, i.canDecide])).toEqual([[requestId, true]]);
    const one = await sato.request('POST', `/api/v1/requests/${requestId}/approve`, { comment: '確認しました' });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ status: 'pending', currentStep: 2, canDecide: false });
    expect((await mailsTo('hr@acme.example.jp')).map((m) => m.template)).toEqual(['request-approval']);
    expect((await mailsTo('yamada@acme.example.jp')).map((m) => m.template)).toEqual(['request-progress']);
    // sato cannot approve twice
    const again = await sato.request('POST', `/api/v1/requests/${requestId}/approve`, {});
    expect(again.statusCode).toBe(403);

    const final = await hr.request('POST', `/api/v1/requests/${requestId}/approve`, {});
    expect(final.statusCode).toBe(200);
    expect(final.json()).toMatchObject({ status: 'scheduled', appliedAt: null });
    expect(final.json().steps.map((s: { decision: string }) => s.decision)).toEqual(['approved', 'approved']);
    const e = (await hr.request('GET', `/api/v1/employees/${ids.yamada}`)).json();
    expect(e.basic.prefecture).toBe('東京都');
    // decided: neither approving again nor withdrawing
    const decided = await hr.request('POST', `/api/v1/requests/${requestId}/approve`, {});
    expect(decided.statusCode).toBe(409);
    expect(decided.json().error.message).toBe('この届出は既に「承認済み・適用待ち」のため、承認できません');
    const late = await yamada.request('POST', `/api/v1/me/requests/${requestId}/withdraw`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('この届出は既に「承認済み・適用待ち」のため、取下げできません');
    const own = (await yamada.request('GET', '/api/v1/me/request-notices')).json();
    expect(own.items.map((n: { kind: string }) => n.kind)).toEqual(['approved', 'approved_step']);
  });

  it('the daily job applies it on the 適用日, not before; the master and the audit trail show the new address', async () => {
    expect(await applyDueRequests({ db: t.db, ...NO_MAIL }, '2030-03-31')).toEqual({ applied: 0, failed: 0 });
    const started = performance.now();
    expect(await applyDueRequests({ db: t.db, ...NO_MAIL }, '2030-04-01')).toEqual({ applied: 1, failed: 0 });
    const ms = performance.now() - started;
    const e = (await hr.request('GET', `/api/v1/employees/${ids.yamada}`)).json();
    expect(e.basic).toMatchObject({
      postalCode: '220-0012',
      prefecture: '神奈川県',
      city: '横浜市西区',
      street: 'みなとみらい2-2-1',
      building: 'ランドマーク101',
    });
    const audit = await rowsOf(
      `select actor_login_id, before, after from audit_logs where target_id = '${ids.yamada}' and action = 'update' order by at desc limit 1`,
    );
    expect(audit[0]).toMatchObject({
      actor_login_id: null, // the job
      before: { prefecture: '東京都', city: '渋谷区' },
      after: { prefecture: '神奈川県', city: '横浜市西区' },
    });
    expect((await yamada.request('GET', `/api/v1/me/requests/${requestId}`)).json().status).toBe('applied');
    expect((await mailsTo('yamada@acme.example.jp')).at(-1)!.text_body).toContain('従業員情報に反映されました');
    // a second run finds nothing more
    expect(await applyDueRequests({ db: t.db, ...NO_MAIL }, '2030-04-02')).toEqual({ applied: 0, failed: 0 });
    console.log(`届出 適用日 → master (apply job for one request): ${ms.toFixed(1)} ms`);
  });

  it('an 適用日 of today applies at the final approval itself, and the time to the master is measured', async () => {
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    await hr.request('PUT', `/api/v1/request-types/${ids.address}`, {
      name: '住所変更',
      route: [{ kind: 'role', role: 'hr_admin' }],
    });
    const filed = (
      await yamada.request(
        'POST',
        '/api/v1/me/requests',
        address({ effectiveDate: today, values: { ...address().values, building: '101号室' } }),
      )
    ).json();
    const started = performance.now();
    const res = await hr.request('POST', `/api/v1/requests/${filed.id}/approve`, {});
    const ms = performance.now() - started;
    expect(res.json().status).toBe('applied');
    expect((await hr.request('GET', `/api/v1/employees/${ids.yamada}`)).json().basic.building).toBe('101号室');
    console.log(`届出 final approval → master updated (POST approve, same transaction): ${ms.toFixed(1)} ms`);
  });

  it('氏名変更 of today: the name, its search form and the account name change at the last approval', async () => {
    const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const nameType = (await tanaka.request('GET', '/api/v1/me/request-types')).json().items[1];
    expect(nameType.name).toBe('氏名変更');
    const filed = await tanaka.request('POST', '/api/v1/me/requests', {
      typeId: nameType.id,
      effectiveDate: today,
      values: { lastName: '髙橋', firstName: '次郎', lastNameKana: 'たかはし', firstNameKana: 'じろう' },
    });
    expect(filed.statusCode).toBe(201);
    expect((await sato.request('POST', `/api/v1/requests/${filed.json().id}/approve`, {})).json().status).toBe(
      'pending',
    );
    expect((await hr.request('POST', `/api/v1/requests/${filed.json().id}/approve`, {})).json().status).toBe('applied');
    const found = (await hr.request('GET', `/api/v1/employees?q=${encodeURIComponent('たかはし')}`)).json();
    expect(found.items.map((e: { employeeNumber: string }) => e.employeeNumber)).toEqual(['E003']);
    expect((await rowsOf(`select display_name from user_accounts where login_id = 'tanaka'`))[0]).toEqual({
      display_name: '髙橋 次郎',
    });
  });

  it('two approvers of one step pressing at once: one decides, the other is told it is decided', async () => {
    const hr2 = await account('hr2', null, ['hr_admin']);
    const filed = (
      await yamada.request('POST', '/api/v1/me/requests', address({ values: { ...address().values, building: '909' } }))
    ).json();
    const [a, b] = await Promise.all([
      hr.request('POST', `/api/v1/requests/${filed.id}/approve`, {}),
      hr2.request('POST', `/api/v1/requests/${filed.id}/return`, { comment: '同時' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const steps = await rowsOf(`select decision from request_steps where request_id = '${filed.id}'`);
    expect(steps.filter((x) => x.decision !== null)).toHaveLength(1);
    // which of the two won is up to the race: out of the way of the list's counts below
    await t.db.executeSql(`delete from requests where id = '${filed.id}'`);
  });

  it('差戻し needs a comment; the applicant sees it and can no longer withdraw', async () => {
    const filed = (
      await yamada.request('POST', '/api/v1/me/requests', address({ values: { ...address().values, building: '202' } }))
    ).json();
    const bare = await hr.request('POST', `/api/v1/requests/${filed.id}/return`, {});
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toEqual([
      { path: 'comment', message: '差戻しの理由をコメントに入力してください' },
    ]);
    const res = await hr.request('POST', `/api/v1/requests/${filed.id}/return`, { comment: '建物名を正しく' });
    expect(res.json()).toMatchObject({ status: 'returned' });
    const mine = (await yamada.request('GET', `/api/v1/me/requests/${filed.id}`)).json();
    expect(mine.steps[0]).toMatchObject({ decision: 'returned', comment: '建物名を正しく', decidedByName: 'hr' });
    expect((await mailsTo('yamada@acme.example.jp')).at(-1)!.text_body).toContain('コメント：建物名を正しく');
    expect((await yamada.request('POST', `/api/v1/me/requests/${filed.id}/withdraw`, {})).statusCode).toBe(409);
  });

  it('the applicant withdraws before the decision; approving a withdrawn request is refused', async () => {
    const filed = (
      await yamada.request('POST', '/api/v1/me/requests', address({ values: { ...address().values, building: '303' } }))
    ).json();
    const res = await yamada.request('POST', `/api/v1/me/requests/${filed.id}/withdraw`, {});
    expect(res.json()).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect((await mailsTo('hr@acme.example.jp')).at(-1)!.template).toBe('request-withdrawn');
    const approve = await hr.request('POST', `/api/v1/requests/${filed.id}/approve`, {});
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.message).toBe('この届出は既に「取下げ」のため、承認できません');
  });

  it('an approver cannot approve their own request', async () => {
    // sato heads 本社 and is in 営業部: their own 上長 would be themselves, so it is the head above — none
    const noHead = await sato.request('POST', '/api/v1/me/requests', {
      typeId: (await sato.request('GET', '/api/v1/me/request-types')).json().items[1].id,
      effectiveDate: '2030-01-01',
      values: { lastName: '佐藤', firstName: '一朗', lastNameKana: 'さとう', firstNameKana: 'いちろう' },
    });
    expect(noHead.statusCode).toBe(400);
    expect(noHead.json().error.fields[0].message).toContain('上長（所属部署の所属長）が設定されていない');
    // HR files as an employee and holds the step's role: their own request is not theirs to decide
    await t.db.executeSql(`update user_accounts set employee_id = '${ids.tanaka}' where login_id = 'approver'`);
    const filed = await approver.request('POST', '/api/v1/me/requests', {
      typeId: ids.custom,
      effectiveDate: '2030-01-01',
      values: { name: '基本情報技術者', passed_on: '2025-11-20', level: '2級' },
      attachments: [{ fieldKey: 'cert', fileName: '合格証.png', contentType: 'image/png', data: PNG }],
    });
    expect(filed.statusCode).toBe(201);
    const own = await approver.request('POST', `/api/v1/requests/${filed.json().id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toBe('ご自身の届出は承認できません');
    await t.db.executeSql(`update user_accounts set employee_id = null where login_id = 'approver'`);
  });

  it('an admin-defined type: its fields checked, its approve-only approver decides, the master untouched', async () => {
    const bad = await tanaka.request('POST', '/api/v1/me/requests', {
      typeId: ids.custom,
      effectiveDate: '2030-01-01',
      values: { passed_on: '2025/11/20', level: '3級', extra: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual(
      expect.arrayContaining([
        { path: 'values.name', message: '資格名を入力してください' },
        { path: 'values.passed_on', message: '合格日は yyyy-mm-dd の形式で入力してください' },
        { path: 'values.level', message: '級は選択肢から選んでください' },
        { path: 'values.cert', message: '合格証を添付してください' },
        { path: 'values.extra', message: '項目「extra」はこの届出にありません' },
      ]),
    );
    const filed = (
      await tanaka.request('POST', '/api/v1/me/requests', {
        typeId: ids.custom,
        effectiveDate: '2030-01-01',
        values: { name: '日商簿記', passed_on: '2025-11-20', level: '2級' },
        attachments: [{ fieldKey: 'cert', fileName: '合格証.pdf', contentType: 'application/pdf', data: PDF }],
      })
    ).json();
    const before = (await hr.request('GET', `/api/v1/employees/${ids.tanaka}`)).json().basic;
    const res = await approver.request('POST', `/api/v1/requests/${filed.id}/approve`, {});
    expect(res.json()).toMatchObject({ status: 'approved' });
    expect(res.json().changes).toContainEqual({ label: '合格日', before: null, after: '2025/11/20' });
    expect((await hr.request('GET', `/api/v1/employees/${ids.tanaka}`)).json().basic).toEqual(before);
    // approve-only: the master is not theirs
    expect((await approver.request('GET', `/api/v1/employees/${ids.tanaka}`)).statusCode).toBe(403);
  });

  it('bad input is refused whole with Japanese messages, and nothing is written', async () => {
    const counts = async () => [
      await countOf('requests'),
      await countOf('request_steps'),
      await countOf('request_attachments'),
      await countOf('mail_outbox'),
      await countOf('request_notices'),
    ];
    const before = await counts();
    const refuse = async (body: unknown, path: string, message: string | RegExp) => {
      const res = await yamada.request('POST', '/api/v1/me/requests', body);
      expect(res.statusCode).toBe(400);
      const field = res.json().error.fields.find((f: { path: string }) => f.path === path);
      expect(field?.message).toMatch(message);
    };
    await refuse(
      address({ effectiveDate: '2022-03-31' }),
      'effectiveDate',
      '適用日は入社日（2022/04/01）以降の日付を入力してください',
    );
    const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(2 * 1024 * 1024)]).toString('base64');
    await refuse(
      address({ attachments: [{ fileName: '大きい.pdf', contentType: 'application/pdf', data: big }] }),
      'attachments.0',
      '添付ファイル「大きい.pdf」は2.0MBあります。1件2MBまでのファイルを添付してください',
    );
    const exe = Buffer.from('MZ\x90\x00').toString('base64');
    await refuse(
      address({ attachments: [{ fileName: 'a.exe', contentType: 'application/x-msdownload', data: exe }] }),
      'attachments.0',
      '添付ファイル「a.exe」は添付できない種類のファイルです。PDF・PNG・JPEGのファイルを添付してください',
    );
    // a PDF by name and type whose bytes are not one
    await refuse(
      address({ attachments: [{ fileName: 'x.pdf', contentType: 'application/pdf', data: exe }] }),
      'attachments.0',
      /添付できない種類/,
    );
    await refuse(address({ values: { ...address().values, postalCode: '12-34' } }), 'values.postalCode', /郵便番号/);
    await refuse(
      // what the master holds since the approvals above
      address({ values: { ...address().values, building: '101号室', commuteNote: null } }),
      'values',
      '変更後の内容が現在の登録内容と同じです',
    );
    await refuse(address({ typeId: ids.foreign }), 'typeId', '届出の種類を選択してください');
    const birth = (await yamada.request('GET', '/api/v1/me/request-types')).json().items[2].id;
    await refuse(
      { typeId: birth, effectiveDate: '2030-01-01', values: { birthDate: '2023-01-01' } },
      'values.birthDate',
      '生年月日は入社日より前の日付を入力してください',
    );
    expect(await counts()).toEqual(before);
  });

  it('届出一覧 filters by status, type, applicant and 適用日, page by page', async () => {
    const all = (await hr.request('GET', '/api/v1/requests?pageSize=2')).json();
    expect(all.total).toBe(5); // 住所変更 ×4 and 氏名変更 reach 人事管理者 (the custom type does not)
    expect(all.items).toHaveLength(2);
    const rest = [
      ...(await hr.request('GET', '/api/v1/requests?pageSize=2&page=2')).json().items,
      ...(await hr.request('GET', '/api/v1/requests?pageSize=2&page=3')).json().items,
    ];
    expect(rest).toHaveLength(3);
    expect(new Set([...all.items, ...rest].map((i: { id: string }) => i.id)).size).toBe(5);
    const q = (s: string) => hr.request('GET', `/api/v1/requests?${s}`).then((r) => r.json());
    expect((await q('status=withdrawn')).total).toBe(1);
    expect((await q('status=applied')).total).toBe(3);
    expect((await q(`typeId=${ids.custom}`)).total).toBe(0);
    expect((await q(`q=${encodeURIComponent('やまだ')}`)).total).toBe(4);
    expect((await q(`q=${encodeURIComponent('髙橋')}`)).total).toBe(1);
    expect((await q(`typeId=${ids.address}`)).total).toBe(4);
    expect((await q('effectiveFrom=2030-04-01&effectiveTo=2030-04-01')).total).toBe(3);
    const bad = await hr.request('GET', '/api/v1/requests?effectiveFrom=2030-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].message).toBe('適用日（から）が正しい日付ではありません');
  });

  it('届出種類設定: 1 to 3 steps of a 上長 or an approving role; the 所属長 by 社員番号', async () => {
    const put = (route: unknown) => hr.request('PUT', `/api/v1/request-types/${ids.address}`, { name: 'x', route });
    expect((await put([])).json().error.fields[0].message).toBe('承認ルートは1〜3段階で設定してください');
    expect((await put(Array(4).fill({ kind: 'supervisor' }))).json().error.fields[0].message).toBe(
      '承認ルートは1〜3段階で設定してください',
    );
    expect((await put([{ kind: 'role', role: 'employee_admin' }])).json().error.fields[0].message).toBe(
      '承認者のロールは届出を承認できるロールから選択してください',
    );
    const ok = await put([
      { kind: 'supervisor' },
      { kind: 'role', role: 'request_approver' },
      { kind: 'role', role: 'hr_admin' },
    ]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('住所変更'); // a built-in type keeps its name
    const head = await hr.request('PUT', `/api/v1/request-types/department-heads/${ids.sales}`, {
      employeeNumber: 'E999',
    });
    expect(head.json().error.fields[0].message).toBe('社員番号「E999」の従業員が見つかりません');
    const audit = await rowsOf(
      `select after from audit_logs where target_type = 'request_type' and target_id = '${ids.address}' order by at desc limit 1`,
    );
    expect(audit[0]!.after).toMatchObject({
      route: [{ kind: 'supervisor' }, { kind: 'role', role: 'request_approver' }, { kind: 'role', role: 'hr_admin' }],
    });
    expect((await approver.request('GET', '/api/v1/request-types')).statusCode).toBe(403);
  });
});
