// SECURITY.md "Object- and field-level access": every registered /api/v1 route × every role
// (and anonymous), with another tenant's ids in the path. Built from Fastify's own route list, so
// a new route is covered the moment it exists; it cannot exist without a declared access.
import path from 'node:path';
import { isAllowed } from '@jinji/contracts/hr/access';
import { ADMIN_ROLES, type TAdminRole } from '@jinji/contracts/hr/roles';
import { TEST_DB } from '@jinji/test-kit/database';
import { runRouteMatrix } from '@jinji/test-kit/route-matrix';
import { captureSql } from '@jinji/test-kit/sql-capture';
import { againstKnown, readTenantTables, tenantScopeProblems } from '@jinji/test-kit/tenant-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createSampleEmployees } from '../employees/employees.service';
import { EXPECTED_ROUTE_ACCESS } from './route-access.expected';

type Actor = TAdminRole | 'ippan' | 'anonymous';
const ACTORS: Actor[] = [...ADMIN_ROLES, 'ippan', 'anonymous'];

let t: TestApp;
let foreignId: string;
let foreignEmployeeId: string;
let foreignUserId: string;
let foreignSnapshot: unknown;
let foreignRecordId: string;
/** tenant A's request of an employee who is none of the actors: every /me route must answer 404 for it */
let othersRequestId: string;
let othersAttachmentId: string;
/** every statement the app issued during the matrix: the representative run of the tenant-scope check */
let statements = new Set<string>();

const snapshotTenantB = async () => [
  (
    await t.db.executeSql(
      `select kind, code, name, is_valid, sort_order from master_items
       where tenant_id = (select id from tenants where code = 'tenant-b') order by kind, code`,
    )
  ).rows,
  (
    await t.db.executeSql(
      `select e.*, (select count(*) from employee_assignments a where a.employee_id = e.id) as assignments
       from employees e where tenant_id = (select id from tenants where code = 'tenant-b')`,
    )
  ).rows,
  (
    await t.db.executeSql(
      `select u.login_id, u.is_disabled, (select count(*) from login_throttles l where l.user_id = u.id) as throttles
       from user_accounts u where tenant_id = (select id from tenants where code = 'tenant-b') order by u.login_id`,
    )
  ).rows,
  (
    await t.db.executeSql(
      `select r.title, r.body, r.due_on, r.completed_at, r.category_id,
         (select count(*) from record_people p where p.record_id = r.id) as people
       from records r where tenant_id = (select id from tenants where code = 'tenant-b') order by r.id`,
    )
  ).rows,
];

beforeAll(async () => {
  t = await createTestApp({
    login: { lockThreshold: 100, lockMs: 1000, accountHourlyLimit: 100_000, ratePerMinute: 100_000 },
  });
  const a = await createTestTenant(t.db, 'tenant-a');
  for (const role of ADMIN_ROLES) await createTestUser(t.db, a.tenantId, `u-${role}`, [role]);
  await createTestUser(t.db, a.tenantId, 'u-ippan');

  const bTenant = await createTestTenant(t.db, 'tenant-b');
  const b = new Client(t.app);
  await b.login('tenant-b', 'admin', STRONG_PASSWORD);
  foreignId = (await b.request('POST', '/api/v1/masters/company', { code: 'B01', name: 'B社' })).json().id;
  await b.request('POST', '/api/v1/masters/position', { code: 'BP', name: 'B役職' });
  await createSampleEmployees(t.db, bTenant.tenantId, [
    {
      employeeNumber: 'B-1',
      lastName: '別',
      firstName: '会社',
      lastNameKana: 'ベツ',
      firstNameKana: 'カイシャ',
      birthDate: '1990-01-01',
      gender: '女性',
      hireDate: '2020-04-01',
    },
  ]);
  foreignEmployeeId = (
    (await t.db.executeSql(`select id from employees where employee_number = 'B-1'`)).rows[0] as { id: string }
  ).id;
  foreignUserId = bTenant.userId;
  // a 応対記録 of B's employee: an open task (complete/reopen/edit/delete must all 404)
  foreignRecordId = (
    (
      await t.db.executeSql(
        `insert into records (tenant_id, category_id, title, recorded_on, due_on)
         select tenant_id, id, 'B社の記録', '2026-01-01', '2026-02-01' from master_items
         where kind = 'record_category' and code = '01' and tenant_id = '${bTenant.tenantId}' returning id`,
      )
    ).rows[0] as { id: string }
  ).id;
  await t.db.executeSql(
    `insert into record_people (tenant_id, record_id, employee_id, role)
     values ('${bTenant.tenantId}', '${foreignRecordId}', '${foreignEmployeeId}', 'target')`,
  );
  foreignSnapshot = await snapshotTenantB();

  // another employee of tenant A files a 届出 with an attachment
  const adminA = new Client(t.app);
  await adminA.login('tenant-a', 'admin', STRONG_PASSWORD);
  await createSampleEmployees(t.db, a.tenantId, [
    {
      employeeNumber: 'A-OTHER',
      lastName: '他',
      firstName: '社員',
      lastNameKana: 'ホカ',
      firstNameKana: 'シャイン',
      birthDate: '1990-01-01',
      gender: '女性',
      hireDate: '2020-04-01',
    },
  ]);
  await createTestUser(t.db, a.tenantId, 'u-other');
  await t.db.executeSql(
    `update user_accounts set employee_id = (select id from employees where employee_number = 'A-OTHER') where login_id = 'u-other'`,
  );
  const other = new Client(t.app);
  await other.login('tenant-a', 'u-other', STRONG_PASSWORD);
  ({ requestId: othersRequestId, attachmentId: othersAttachmentId } = await fileSampleRequest(adminA, other));
}, 120_000);
afterAll(() => t?.close());

const url = (route: ApiRoute) =>
  route.url
    .replace(':id', route.url.startsWith('/api/v1/employees/') ? foreignEmployeeId : foreignId)
    .replace(':historyId', foreignId)
    .replace(':recordId', foreignRecordId)
    .replace(':userId', foreignUserId)
    .replace(':requestId', othersRequestId)
    .replace(':attachmentId', route.url.startsWith('/api/v1/me/') ? othersAttachmentId : foreignId)
    .replace(':departmentId', foreignId)
    .replace(':role', 'full_admin');
/** Path parameters that name a row (:role names a fixed role, not another tenant's data). */
const hasRowParam = (route: ApiRoute) => /:(?!role\b)[A-Za-z]+/.test(route.url);

// Bodies that pass validation, so allowed actors reach the service with B's ids (which must 404).
const VALID_BODIES: Record<string, unknown> = {
  'PUT /api/v1/employees/:id/basic': {
    lastName: '改',
    firstName: 'ざん',
    lastNameKana: 'かい',
    firstNameKana: 'ざん',
    birthDate: '1990-01-01',
    gender: '回答しない',
    hireDate: '2020-04-01',
  },
  'PUT /api/v1/employees/:id/contacts': { emergencyContacts: [] },
  'PUT /api/v1/employees/:id/career': { education: [], workHistory: [], licenses: [] },
  'PUT /api/v1/employees/:id/sensitive': { disabilities: [], awards: [] },
  'POST /api/v1/employees/:id/assignments': { startDate: '2025-04-01' },
  'POST /api/v1/employees/:id/contracts': { startDate: '2025-04-01' },
  'PUT /api/v1/employees/:id/assignments/:historyId': { startDate: '2025-04-01' },
  'PUT /api/v1/employees/:id/contracts/:historyId': { startDate: '2025-04-01' },
  'PUT /api/v1/request-types/:id': { name: '改ざん', route: [{ kind: 'role', role: 'hr_admin' }] },
  'PUT /api/v1/records/:recordId': {
    targetIds: ['00000000-0000-4000-8000-000000000001'],
    categoryId: '00000000-0000-4000-8000-000000000002',
    title: '改ざん',
  },
};
// Routes that name employees in the body (アカウント通知, リマインド, 個人プロフィール一括出力): B's employee, which must 404.
const FOREIGN_BODY_ROUTES = [
  'POST /api/v1/employees/account-notices',
  'POST /api/v1/employees/startup-reminders',
  'POST /api/v1/profile-batches',
];
const hasForeignBody = (route: ApiRoute) => FOREIGN_BODY_ROUTES.includes(`${route.method} ${route.url}`);
const bodyFor = (route: ApiRoute): unknown =>
  (hasForeignBody(route) ? { selection: { kind: 'ids', ids: [foreignEmployeeId] } } : undefined) ??
  VALID_BODIES[`${route.method} ${route.url}`] ??
  (route.url.includes('/masters/') && route.method === 'PUT' ? { code: 'HACK', name: '改ざん' } : {});

function expected(route: ApiRoute, actor: Actor): 'allow' | 'unauthenticated' | 'forbidden' {
  const a = route.access;
  if (a.kind === 'public') return 'allow';
  // a bearer-token route (another app's service) opens to no session at all
  if (actor === 'anonymous' || a.kind === 'service') return 'unauthenticated';
  if (a.kind === 'session' || a.kind === 'self') return 'allow';
  return actor !== 'ippan' && isAllowed([actor], a.permission) ? 'allow' : 'forbidden';
}

describe(`route × role matrix (${TEST_DB})`, () => {
  it('every registered route has exactly the access the expected table gives it, and vice versa', () => {
    const declared = Object.fromEntries(
      t.app.apiRoutes.map((r) => [
        `${r.method} ${r.url}`,
        r.access.kind === 'permission' ? r.access.permission : r.access.kind,
      ]),
    );
    expect(declared).toEqual(EXPECTED_ROUTE_ACCESS);
  });

  it("a 'self' route (the signed-in employee's own data) takes no id in its path, so none can name another person", () => {
    const self = t.app.apiRoutes.filter((r) => r.access.kind === 'self');
    expect(self.length).toBeGreaterThan(0);
    // the only row a 'self' route may name is the employee's own request (the matrix swaps in another's: 404)
    const params = (url: string) => url.match(/:[A-Za-z]+/g) ?? [];
    expect(
      self.filter(
        (r) =>
          params(r.url).some((p) => p !== ':requestId' && p !== ':attachmentId') || !r.url.startsWith('/api/v1/me/'),
      ),
    ).toEqual([]);
  });

  it('allows and denies every route for every role exactly as the matrix says, and never touches another tenant', async () => {
    expect(t.app.apiRoutes.length).toBeGreaterThan(90);
    const capture = captureSql(t.db.engine);
    const { mismatches, checks, routes } = await runRouteMatrix({
      routes: t.app.apiRoutes,
      actors: ACTORS,
      clientFor: async (actor) => {
        const c = new Client(t.app);
        if (actor === 'anonymous') return c;
        const loginId = actor === 'ippan' ? 'u-ippan' : actor === 'system_admin' ? 'admin' : `u-${actor}`;
        expect((await c.login('tenant-a', loginId, STRONG_PASSWORD)).statusCode).toBe(200);
        return c;
      },
      urlOf: url,
      bodyOf: bodyFor,
      expected,
      // another tenant's row — or, on /me routes, another employee's request — is never found, let alone changed
      namesForeignRow: (route) => hasRowParam(route) || hasForeignBody(route),
    }).finally(() => capture.stop());
    statements = capture.statements;
    expect(mismatches).toEqual([]);
    expect(t.app.apiRoutes.filter(hasForeignBody)).toHaveLength(FOREIGN_BODY_ROUTES.length);
    expect(checks).toBe(routes * ACTORS.length);
    expect(await snapshotTenantB()).toEqual(foreignSnapshot);
    // the other employee's request was neither withdrawn nor decided by anyone
    expect((await t.db.executeSql(`select status from requests where id = '${othersRequestId}'`)).rows).toEqual([
      { status: 'pending' },
    ]);
    console.log(`route × role matrix: ${routes} routes × ${ACTORS.length} actors = ${checks} checks`);
  }, 300_000);

  it('a role change takes effect on the next request of an existing session', async () => {
    const admin = new Client(t.app);
    await admin.login('tenant-a', 'admin', STRONG_PASSWORD);
    const u = new Client(t.app);
    await u.login('tenant-a', 'u-ippan', STRONG_PASSWORD);
    expect((await u.request('GET', '/api/v1/masters/company')).statusCode).toBe(403);
    const { items } = (await admin.request('GET', '/api/v1/access/accounts?q=u-ippan')).json();
    await admin.request('PUT', '/api/v1/access/roles/hr_admin/members', { add: [items[0].userId] });
    expect((await u.request('GET', '/api/v1/masters/company')).statusCode).toBe(200);
    expect((await u.request('GET', '/api/v1/code-settings')).statusCode).toBe(403);
    await admin.request('PUT', '/api/v1/access/roles/hr_admin/members', { remove: [items[0].userId] });
    expect((await u.request('GET', '/api/v1/masters/company')).statusCode).toBe(403);
  });

  // Citus co-location (docs/scale-out.md): distributed by tenant_id, a query reaches one node only when every
  // reference to a tenant table is fixed by tenant_id (or joined on it to one that is). Row-level security
  // already keeps tenants apart at run time; this is about where a query can run once the data is spread.
  it('every statement the matrix issued names the tenant of every tenant table it reads or writes', async () => {
    const tables = await readTenantTables(t.db, [t.db.spec]);
    expect(tables.has('public.employees')).toBe(true);
    const { problems, checked, touching } = await tenantScopeProblems(statements, {
      tables,
      searchPath: [t.db.spec.schema],
    });
    const { fresh, known } = againstKnown(problems, path.join(import.meta.dirname, 'tenant-scope.known.json'));
    console.log(
      `HR tenant scope: ${checked} distinct statements, ${touching} on tenant tables, ${problems.length} without tenant_id (${known} known, to be fixed)`,
    );
    expect(touching).toBeGreaterThan(50);
    expect(fresh).toEqual([]);
  });
});
