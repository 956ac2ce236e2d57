// 従業員一覧の検索: 異体字 folding (髙橋 ↔ 高橋), the 所属 path, and the list as one statement
// (the filter runs once; the login lookup uses its index).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ZEmployeeListQuery } from '@jinji/contracts/hr/employees';
import { queryRows } from '@jinji/db/client';
import { KANJI_VARIANTS, todayInJapan, toSearchForm } from '@jinji/ja/text';
import { TEST_DB } from '@jinji/test-kit/database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { employeeListStatement, findDepartmentSubtree } from './employees.repository';

let t: TestApp;
let hr: Client;
let tenantId: string;
const m: Record<string, string> = {};

const person = (lastName: string, over: Record<string, unknown> = {}) => ({
  lastName,
  firstName: '花子',
  lastNameKana: 'てすと',
  firstNameKana: 'はなこ',
  birthDate: '1990-04-01',
  gender: '女性',
  hireDate: '2022-02-20',
  ...over,
});
const list = async (qs: string) => (await hr.request('GET', `/api/v1/employees?${qs}`)).json();
const create = async (body: Record<string, unknown>) => {
  const res = await hr.request('POST', '/api/v1/employees', body);
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
};

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  tenantId = a.tenantId;
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  const mk = async (kind: string, body: Record<string, unknown>) =>
    (await hr.request('POST', `/api/v1/masters/${kind}`, body)).json().id as string;
  m.company = await mk('company', { code: '001', name: '株式会社インソース' });
  m.hq = await mk('department', { code: 'D1', name: '事業開発部', companyId: m.company });
  m.sec = await mk('department', { code: 'D2', name: '事業開発第二課', companyId: m.company, parentId: m.hq });
  m.sales = await mk('department', { code: 'D3', name: '営業部', companyId: m.company });
}, 60_000);
afterAll(() => t?.close());

describe(`異体字 in search (${TEST_DB})`, () => {
  it('finds each variant by its searched form and the other way round, for every pair of the table', async () => {
    // one employee written with the variant and one with the form searched in, per pair
    const ids = new Map<string, string>();
    for (const [variant, plain] of KANJI_VARIANTS) {
      ids.set(variant, await create(person(`${variant}山`)));
      ids.set(`plain:${variant}`, await create(person(`${plain}山`)));
    }
    for (const [variant, plain] of KANJI_VARIANTS) {
      // 濱 and 濵 both read 浜: everyone written with any form of the same character
      const expected = KANJI_VARIANTS.filter(([, p]) => p === plain)
        .flatMap(([v]) => [ids.get(v), ids.get(`plain:${v}`)])
        .sort();
      for (const q of [`${variant}山`, `${plain}山`]) {
        const found = (await list(`q=${encodeURIComponent(q)}&pageSize=100`)).items.map((e: { id: string }) => e.id);
        expect({ q, found: found.sort() }).toEqual({ q, found: expected });
      }
    }
    // stored as typed
    const detail = (await hr.request('GET', `/api/v1/employees/${ids.get('髙')}`)).json();
    expect(detail.basic.lastName).toBe('髙山');
  }, 120_000);

  it('leaves 斉藤 and 斎藤 apart (different names), and a name without variants as it was', async () => {
    const saito1 = await create(person('斉藤'));
    const saito2 = await create(person('斎藤'));
    const found = async (q: string) =>
      (await list(`q=${encodeURIComponent(q)}`)).items.map((e: { id: string }) => e.id);
    expect(await found('斉藤')).toEqual([saito1]);
    expect(await found('斎藤')).toEqual([saito2]);
    expect(await found('齋藤')).toEqual([saito2]);
    expect(await found('齊藤')).toEqual([saito1]);
    const tanaka = await create(person('田中'));
    expect(await found('田中')).toEqual([tanaka]);
  });

  it('the variant-folding migration applies exactly the table, so rows written before it are found too', async () => {
    const folder = path.join(import.meta.dirname, '../../db/migrations');
    const name = readdirSync(folder).find((f) => f.endsWith('_search_variant_folding.sql'));
    const file = readFileSync(path.join(folder, name ?? 'missing'), 'utf8');
    const [from, to] = [...file.matchAll(/^\s*'([^']+)'/gm)].map((x) => x[1]);
    expect(from).toBe(KANJI_VARIANTS.map(([v]) => v).join(''));
    expect(to).toBe(KANJI_VARIANTS.map(([, p]) => p).join(''));
    // a row as an older version wrote it: search_text without folding
    const id = await create(person('髙德'));
    await t.db.asTenant(tenantId, (tx) =>
      tx.execute(sql`update employees set search_text = '髙德|テスト' where id = ${id}`),
    );
    expect((await list(`q=${encodeURIComponent('高徳')}`)).total).toBe(0);
    await t.db.executeSql(file.replaceAll('--> statement-breakpoint', ''));
    expect((await list(`q=${encodeURIComponent('高徳')}`)).items.map((e: { id: string }) => e.id)).toEqual([id]);
  });
});

describe(`所属 path (${TEST_DB})`, () => {
  it('shows company and every department down to the current one, in the list and in each history period', async () => {
    const id = await create({
      ...person('道山', { lastNameKana: 'みちやま' }),
      assignment: { companyId: m.company, departmentId: m.sec },
    });
    const none = await create(person('無山', { lastNameKana: 'むやま' }));
    const items = (await list(`q=${encodeURIComponent('やま')}&pageSize=100`)).items as {
      id: string;
      departmentPath: string | null;
      departmentName: string | null;
    }[];
    expect(items.find((e) => e.id === id)).toMatchObject({
      departmentName: '事業開発第二課',
      departmentPath: '株式会社インソース 事業開発部 事業開発第二課',
    });
    expect(items.find((e) => e.id === none)?.departmentPath).toBeNull();
    const moved = await hr.request('POST', `/api/v1/employees/${id}/assignments`, {
      startDate: '2024-04-01',
      companyId: m.company,
      departmentId: m.sales,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().assignments.map((a: { departmentPath: string | null }) => a.departmentPath)).toEqual([
      '株式会社インソース 営業部',
      '株式会社インソース 事業開発部 事業開発第二課',
    ]);
    const detail = (await hr.request('GET', `/api/v1/employees/${id}`)).json();
    expect(detail.assignments[0].departmentPath).toBe('株式会社インソース 営業部');
    expect((await list(`departmentId=${m.sales}`)).items[0].departmentPath).toBe('株式会社インソース 営業部');
  });
});

describe(`the list as one statement (${TEST_DB})`, () => {
  it('an empty match and a page past the end still say the total', async () => {
    expect(await list(`q=${encodeURIComponent('存在しない名前')}`)).toMatchObject({ items: [], total: 0 });
    const all = await list('pageSize=10');
    expect(all.total).toBeGreaterThan(10);
    expect(await list('pageSize=10&page=1000')).toMatchObject({ items: [], total: all.total, isTotalCapped: false });
  });

  it('runs the name and department filter once, and finds login IDs through their index', async () => {
    const today = todayInJapan();
    const plan = await t.db.asTenant(tenantId, async (tx) => {
      const departmentIds = await findDepartmentSubtree(tx, m.hq!);
      const f = ZEmployeeListQuery.parse({ q: 'やま', departmentId: m.hq, pageSize: '50' });
      // a tiny table is cheaper to scan than to look up: without seq scans the planner shows what
      // it would use, and an index that does not exist cannot be shown
      await tx.execute(sql`set local enable_seqscan = off`);
      const statement = employeeListStatement({ ...f, searchForm: toSearchForm('やま'), departmentIds }, today);
      const rows = await queryRows<{ 'QUERY PLAN': unknown }>(
        tx,
        sql`explain (analyze, costs off, timing off, format json) ${statement}`,
      );
      const raw = rows[0]!['QUERY PLAN'];
      return (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    });
    type PlanNode = {
      'Node Type': string;
      'Relation Name'?: string;
      'Function Name'?: string;
      'Index Name'?: string;
      'Actual Loops': number;
      Plans?: PlanNode[];
    };
    const nodes: PlanNode[] = [];
    const walk = (n: PlanNode) => {
      nodes.push(n);
      for (const c of n.Plans ?? []) walk(c);
    };
    walk(plan[0]!.Plan);
    const searches = nodes.filter((n) => n['Function Name'] === 'jinji_employee_ids_matching');
    // the filter appears in both branches of the page, but only the capped pass executes it
    expect(searches.filter((n) => n['Actual Loops'] > 0)).toHaveLength(1);
    const logins = nodes.filter((n) => n['Relation Name'] === 'user_accounts');
    expect(logins.length).toBeGreaterThan(0);
    for (const n of logins) expect(n['Index Name']).toBe('user_accounts_employee_idx');
  });
});
