// `jinji demo [--employees N]`: a tenant with a department tree, masters and employees with
// 所属/契約 histories, written by the same batched writer as the form and the import (audit rows too).

import type { TMasterKind } from '@jinji/contracts/hr/masters';
import { queryRows } from '@jinji/db/client';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { resetPasswordByLoginId } from '../auth/auth.service';
import { type NewEmployeeWrite, writeNewEmployees } from '../employees/employee-writes';
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
    await resetPasswordByLoginId(db, existing, 'admin', opts.password);
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
  const ctx: Actor = {
    kind: 'user',
    tenantId,
    tenantCode: code,
    tenantName: opts.tenantName ?? 'デモ株式会社',
    userId,
    loginId: 'admin',
    displayName: 'システム管理者',
    email: null,
    roles: ['system_admin'],
    mustChangePassword: false,
    sessionHash: null,
  };
  const masters = await createDemoMasters(db, ctx);
  await loadEmployees(db, ctx, masters, opts.employees, opts.seed ?? 1);
  return { created: true, employees: opts.employees };
}

type DemoMasters = {
  company: string;
  locations: string[];
  sections: string[]; // leaf departments employees sit in
  departments: string[];
  byKind: Record<string, string[]>;
};

async function createDemoMasters(db: Database, ctx: Actor): Promise<DemoMasters> {
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

const BATCH = 2000;

async function loadEmployees(db: Database, ctx: Actor, m: DemoMasters, count: number, seed: number): Promise<void> {
  const rnd = random(seed);
  const today = Date.now();
  const kinds = m.byKind;
  // one transaction: a failed seed leaves no half-made tenant data behind
  await db.asTenant(ctx.tenantId, async (tx) => {
    for (let start = 0; start < count; start += BATCH) {
      const rows: NewEmployeeWrite[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const p = makePerson(rnd, today);
        const employeeNumber = String(i + 1).padStart(6, '0');
        const basic = {
          lastName: p.lastName,
          firstName: p.firstName,
          lastNameKana: p.lastNameKana,
          firstNameKana: p.firstNameKana,
          birthDate: p.birthDate,
          gender: p.gender,
          hireDate: p.hireDate,
          retirementDate: p.retirementDate,
          email: `e${i + 1}@demo.example.jp`,
        };
        const place = () => ({
          companyId: m.company,
          departmentId: pick(rnd, m.sections),
          positionId: pick(rnd, kinds.position!),
          gradeId: pick(rnd, kinds.grade!),
          jobTypeId: pick(rnd, kinds.job_type!),
          locationId: pick(rnd, m.locations),
        });
        // a 異動 for a third of them: the first period ends the day before the second
        const hasMove = rnd() < 0.33 && p.hireDate < '2020-01-01';
        const assignments = hasMove
          ? [
              { startDate: p.hireDate, endDate: '2021-03-31', ...place() },
              { startDate: '2021-04-01', ...place() },
            ]
          : [{ startDate: p.hireDate, ...place() }];
        rows.push({
          basic,
          employeeNumber,
          loginId: null,
          assignments,
          contracts: [
            {
              startDate: p.hireDate,
              employmentTypeId: pick(rnd, kinds.employment_type!),
              workStyleId: pick(rnd, kinds.work_style!),
              hiringCategoryId: pick(rnd, kinds.hiring_category!),
            },
          ],
          createdAt: p.createdAt.toISOString(),
          audit: { employeeNumber, demo: true },
        });
      }
      await writeNewEmployees(tx, ctx, rows);
    }
  });
  // A bulk load leaves no visibility map: vacuum so counts can use index-only scans at once. PGlite
  // runs every statement in a transaction, where VACUUM is refused: statistics only there.
  for (const table of ['employees', 'employee_assignments', 'employee_contracts']) {
    await db.executeSql(`${db.kind === 'postgres' ? 'vacuum analyze' : 'analyze'} ${table}`);
  }
}
