// The tenant-scope checker on statements whose answer is known: each kind of reference it must accept,
// and each way a query can miss the tenant that it must report.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, unconstrainedTenantRefs } from './tenant-sql';

const tables = new Map([
  ['public.employees', 'tenant_id'],
  ['public.employee_assignments', 'tenant_id'],
  ['training.users', 'organisation_id'],
]);
const check = (text: string, searchPath = ['public']) => unconstrainedTenantRefs(text, { tables, searchPath });

beforeAll(() => loadSqlParser());

describe('tenant scope of a statement (Citus routing)', () => {
  it('accepts a reference fixed by a parameter, a literal or the session function, and joins on the tenant to it', () => {
    expect(check('select * from employees where tenant_id = $1 and id = $2')).toEqual([]);
    expect(check(`select * from "public"."employees" where "employees"."tenant_id" = 'x'::uuid`)).toEqual([]);
    expect(check('select * from employees e where jinji_current_tenant() = e.tenant_id')).toEqual([]);
    expect(
      check(
        `select e.id from employees e join employee_assignments a on a.employee_id = e.id and a.tenant_id = e.tenant_id
         where e.tenant_id = $1`,
      ),
    ).toEqual([]);
    expect(
      check(`select * from employees e where e.tenant_id = $1 and exists (select 1 from employee_assignments a
             where a.tenant_id = e.tenant_id and a.employee_id = e.id)`),
    ).toEqual([]);
    expect(check('insert into employees (tenant_id, id) values ($1, $2) on conflict do nothing')).toEqual([]);
    expect(check('update employees set last_name = $1 where tenant_id = $2 and id = $3')).toEqual([]);
    expect(check('delete from training.users where organisation_id = $1', ['training', 'public'])).toEqual([]);
    expect(check('with x as (select id from employees where tenant_id = $1) select * from x')).toEqual([]);
  });

  it('ignores tables that are not tenant tables (the tenant table, pg-boss)', () => {
    expect(check('select * from tenants where code = $1')).toEqual([]);
    expect(check('select * from pgboss.job where name = $1 for update skip locked')).toEqual([]);
  });

  it('reports a reference that relies on row-level security alone, or on an OR, or on another unfixed table', () => {
    expect(check('select count(*) from employees')).toEqual(['public.employees']);
    expect(check('select * from employees where tenant_id = $1 or id = $2')).toEqual(['public.employees']);
    expect(check('select * from employees where tenant_id in (select tenant_id from employees e2)')).toEqual([
      'public.employees',
      'public.employees e2',
    ]);
    expect(
      check('select * from employees e join employee_assignments a on a.employee_id = e.id where e.tenant_id = $1'),
    ).toEqual(['public.employee_assignments a']);
    expect(check('select * from employees a join employee_assignments b on a.tenant_id = b.tenant_id')).toEqual([
      'public.employees a',
      'public.employee_assignments b',
    ]);
    expect(check('update employees set tenant_id = $1 where id = $2')).toEqual(['public.employees']);
    expect(check('insert into employees (id) select id from employees where tenant_id = $1')).toEqual([
      'public.employees',
    ]);
    expect(check('select * from users', ['training', 'public'])).toEqual(['training.users']);
  });
});
