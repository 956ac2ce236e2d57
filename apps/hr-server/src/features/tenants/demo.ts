// `jinji demo [--employees N]`: a tenant with a department tree, masters and employees with
// 所属/契約 histories. Employees are loaded with COPY (owner connection), so 100,000 take seconds.
import { randomUUID } from 'node:crypto';
import { toSearchForm } from '@jinji/contracts/japanese';
import type { TMasterKind } from '@jinji/contracts/masters';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { encodeCsvText } from '../../lib/csv';
import { hashPassword } from '../../lib/passwords';
import { findUserByLoginId, resetLoginThrottles, updatePassword } from '../auth/auth.repository';
import { createMaster } from '../masters/masters.service';
import { DEMO_MASTERS, DEPARTMENT_TREE, makePerson, pick, random } from './demo-data';
import { findTenantIdByCode } from './tenants.repository';
import { createTenant } from './tenants.service';

export type DemoOptions = {
  password: string;
  employees: number;
  tenantCode?: string;
  tenantName?: string;
  seed?: number;
};

export async function seedDemo(db: Database, opts: DemoOptions): Promise<{ created: boolean; employees: number }> {
  const code = opts.tenantCode ?? 'demo';
  const existing = await db.asAnonymous((tx) => findTenantIdByCode(tx, code));
  if (existing) {
    const hash = await hashPassword(opts.password);
    await db.asTenant(existing, async (tx) => {
      const admin = await findUserByLoginId(tx, 'admin');
      if (admin) {
        await updatePassword(tx, existing, admin.id, hash);
        await resetLoginThrottles(tx, admin.id);
      }
    });
    const count = await db.asTenant(existing, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from employees`),
    );
    return { created: false, employees: count[0]?.n ?? 0 };
  }
  const { tenantId, userId } = await createTenant(
    db,
    {
      tenantCode: code,
      tenantName: opts.tenantName ?? 'デモ株式会社',
      adminLoginId: 'admin',
      adminPassword: opts.password,
      adminEmail: `admin@${code}.example.jp`,
    },
    { firstRun: false },
  );
  const ctx: AuthContext = {
    tenantId,
    userId,
    loginId: 'admin',
    displayName: 'システム管理者',
    email: null,
    roles: ['system_admin'],
    mustChangePassword: false,
    sessionHash: '',
  };
  const masters = await createDemoMasters(db, ctx);
  await loadEmployees(db, tenantId, masters, opts.employees, opts.seed ?? 1);
  return { created: true, employees: opts.employees };
}

type DemoMasters = {
  company: string;
  locations: string[];
  sections: string[]; // leaf departments employees sit in
  departments: string[];
  byKind: Record<string, string[]>;
};

async function createDemoMasters(db: Database, ctx: AuthContext): Promise<DemoMasters> {
  const add = async (
    kind: TMasterKind,
    code: string,
    name: string,
    extra: { companyId?: string; parentId?: string } = {},
  ) =>
    (
      await createMaster(db, ctx, kind, {
        code,
        name,
        sortOrder: 0,
        isValid: true,
        companyId: extra.companyId ?? null,
        parentId: extra.parentId ?? null,
      })
    ).id;
  const company = await add('company', '001', 'デモ株式会社');
  const locations = [
    await add('location', 'L01', '東京本社', { companyId: company }),
    await add('location', 'L02', '大阪支社', { companyId: company }),
    await add('location', 'L03', '名古屋営業所', { companyId: company }),
  ];
  const root = await add('department', 'D000', DEPARTMENT_TREE.root, { companyId: company });
  const departments = [root];
  const sections: string[] = [];
  for (const [i, division] of DEPARTMENT_TREE.divisions.entries()) {
    const div = await add('department', `D${i + 1}00`, division, { companyId: company, parentId: root });
    departments.push(div);
    for (const [j, dept] of DEPARTMENT_TREE.departments.entries()) {
      const d = await add('department', `D${i + 1}${j + 1}0`, `${division} ${dept}`, {
        companyId: company,
        parentId: div,
      });
      departments.push(d);
      for (const [k, section] of DEPARTMENT_TREE.sections.entries()) {
        const s = await add('department', `D${i + 1}${j + 1}${k + 1}`, `${division} ${dept} ${section}`, {
          companyId: company,
          parentId: d,
        });
        departments.push(s);
        sections.push(s);
      }
    }
  }
  const byKind: Record<string, string[]> = {};
  for (const [kind, names] of Object.entries(DEMO_MASTERS)) {
    byKind[kind] = [];
    for (const [i, name] of names.entries()) {
      byKind[kind].push(await add(kind as TMasterKind, String(i + 1).padStart(2, '0'), name));
    }
  }
  return { company, locations, sections, departments, byKind };
}

const CHUNK = 25_000;

async function loadEmployees(
  db: Database,
  tenantId: string,
  m: DemoMasters,
  count: number,
  seed: number,
): Promise<void> {
  const rnd = random(seed);
  const today = Date.now();
  const kinds = m.byKind;
  for (let start = 0; start < count; start += CHUNK) {
    const employees: (string | null)[][] = [];
    const assignments: (string | null)[][] = [];
    const contracts: (string | null)[][] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      const p = makePerson(rnd, today);
      const id = randomUUID();
      const kana = toSearchForm(`${p.lastNameKana}${p.firstNameKana}`);
      const created = p.createdAt.toISOString();
      employees.push([
        tenantId,
        id,
        String(i + 1).padStart(6, '0'),
        p.lastName,
        p.firstName,
        p.lastNameKana,
        p.firstNameKana,
        p.birthDate,
        p.gender,
        p.hireDate,
        p.retirementDate,
        `e${i + 1}@demo.example.jp`,
        `${toSearchForm(`${p.lastName}${p.firstName}`)}|${kana}|`,
        kana,
        created,
        created,
      ]);
      // a 異動 for a third of them: the first period ends the day before the second
      const hasMove = rnd() < 0.33 && p.hireDate < '2020-01-01';
      const place = () => [
        m.company,
        pick(rnd, m.sections),
        pick(rnd, kinds.position!),
        pick(rnd, kinds.grade!),
        pick(rnd, kinds.job_type!),
        pick(rnd, m.locations),
      ];
      if (hasMove) {
        assignments.push([tenantId, randomUUID(), id, p.hireDate, '2021-03-31', ...place()]);
        assignments.push([tenantId, randomUUID(), id, '2021-04-01', null, ...place()]);
      } else {
        assignments.push([tenantId, randomUUID(), id, p.hireDate, null, ...place()]);
      }
      contracts.push([
        tenantId,
        randomUUID(),
        id,
        p.hireDate,
        null,
        pick(rnd, kinds.employment_type!),
        pick(rnd, kinds.work_style!),
        pick(rnd, kinds.hiring_category!),
      ]);
    }
    await db.copyFrom(
      'employees',
      [
        'tenant_id',
        'id',
        'employee_number',
        'last_name',
        'first_name',
        'last_name_kana',
        'first_name_kana',
        'birth_date',
        'gender',
        'hire_date',
        'retirement_date',
        'email',
        'search_text',
        'kana_sort',
        'created_at',
        'updated_at',
      ],
      encodeCsvText(employees),
    );
    await db.copyFrom(
      'employee_assignments',
      [
        'tenant_id',
        'id',
        'employee_id',
        'start_date',
        'end_date',
        'company_id',
        'department_id',
        'position_id',
        'grade_id',
        'job_type_id',
        'location_id',
      ],
      encodeCsvText(assignments),
    );
    await db.copyFrom(
      'employee_contracts',
      [
        'tenant_id',
        'id',
        'employee_id',
        'start_date',
        'end_date',
        'employment_type_id',
        'work_style_id',
        'hiring_category_id',
      ],
      encodeCsvText(contracts),
    );
  }
  // A bulk load leaves no visibility map: vacuum so counts can use index-only scans at once. PGlite
  // runs every statement in a transaction, where VACUUM is refused: statistics only there.
  for (const table of ['employees', 'employee_assignments', 'employee_contracts']) {
    await db.executeSql(`${db.kind === 'postgres' ? 'vacuum analyze' : 'analyze'} ${table}`);
  }
}
