// SECURITY.md "No secrets in logs": the server log and pg-boss's job table (no tenant_id, no RLS)
// carry codes, ids and counts, never the names, birth dates, award titles, search terms or passwords
// of a request, even when the database refuses the write.
import { ADMIN_ROLES } from '@jinji/contracts/hr/roles';
import { memoryLogger } from '@jinji/server-kit/logger';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../test/helpers';
import { IMPORT_QUEUE } from './features/imports/imports.service';

const NAME = '鬼灯院';
const FIRST_NAME = '紫苑';
const BIRTH_DATE = '1987-06-05';
const AWARD = '鬼灯院記念特別賞';
const SEARCH = 'ほおずきいん検索語';
const PASSWORD = 'Hozuki-Planted-9431!';
const PLANTED = [NAME, FIRST_NAME, BIRTH_DATE, '1987/06/05', AWARD, SEARCH, encodeURIComponent(SEARCH), PASSWORD];

let t: TestApp;
let admin: Client;
let tenantCode: string;
const captured = memoryLogger();
const log = captured.lines;

beforeAll(async () => {
  t = await createTestApp({}, { withJobs: true, logger: captured.logger });
  const tenant = await createTestTenant(t.db);
  tenantCode = tenant.code;
  await createTestUser(t.db, tenant.tenantId, 'boss', [...ADMIN_ROLES]);
  admin = new Client(t.app);
  await admin.login(tenantCode, 'boss', STRONG_PASSWORD);
  // The database refuses the planted rows, quoting them, as a CHECK or trigger of a real schema would.
  await t.db.executeSql(`
    create or replace function jinji_test_refuse() returns trigger language plpgsql as $$
    begin
      if to_jsonb(new)::text like '%${NAME}%' then
        raise exception 'refused row %', to_jsonb(new)::text using errcode = '23514';
      end if;
      return new;
    end $$;
    create trigger jinji_test_refuse before insert or update on employees
      for each row execute function jinji_test_refuse();
    create trigger jinji_test_refuse before insert or update on employee_awards
      for each row execute function jinji_test_refuse();
  `);
}, 180_000);
afterAll(() => t?.close());

const leaks = (text: string) => PLANTED.filter((p) => text.includes(p));

describe(`logs and job output hold no personal values (${TEST_DB})`, () => {
  it('a search, a refused create, a refused 賞罰 and a wrong password leave no values in the log', async () => {
    expect((await admin.request('GET', `/api/v1/employees?q=${encodeURIComponent(SEARCH)}`)).statusCode).toBe(200);

    const created = await admin.request('POST', '/api/v1/employees', {
      lastName: NAME,
      firstName: FIRST_NAME,
      lastNameKana: 'ほおずきいん',
      firstNameKana: 'しおん',
      birthDate: BIRTH_DATE,
      gender: '女性',
      hireDate: '2025-04-01',
    });
    expect(created.statusCode).toBe(500);

    const ok = await admin.request('POST', '/api/v1/employees', {
      lastName: '山田',
      firstName: '花子',
      lastNameKana: 'やまだ',
      firstNameKana: 'はなこ',
      birthDate: '1990-01-01',
      gender: '女性',
      hireDate: '2025-04-01',
    });
    expect(ok.statusCode).toBe(201);
    const sensitive = await admin.request('PUT', `/api/v1/employees/${ok.json().id}/sensitive`, {
      disabilities: [],
      awards: [{ kind: '賞', title: AWARD, awardedOn: null }],
    });
    expect(sensitive.statusCode).toBe(500);

    const login = await new Client(t.app).login(tenantCode, 'boss', PASSWORD);
    expect(login.statusCode).toBe(401);

    const text = log.join('');
    expect(leaks(text)).toEqual([]);
    // the log still says what happened: the route and the PostgreSQL code of the refusal
    expect(text).toContain('/api/v1/employees/:id/sensitive');
    expect(text).toContain('23514');
  });

  it('an import job that throws leaves no values in the log or in pgboss.job', async () => {
    const header =
      '社員番号,本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日,会社,部署,従業員スタートアップ対象フラグ,メールアドレス,ログインID';
    const csv = [header, `B001,${NAME},${FIRST_NAME},ほおずきいん,しおん,1987/06/05,女性,2025/04/01,,,0,,`].join(
      '\r\n',
    );
    const res = await admin.request('POST', '/api/v1/imports?kind=employees_new', Buffer.from(csv), {
      'content-type': 'text/csv',
      'x-file-name': encodeURIComponent(`${NAME}.csv`),
    });
    expect(res.statusCode).toBe(202);
    let jobs: unknown[] = [];
    for (let i = 0; i < 200; i++) {
      jobs = (await t.db.executeSql('select * from pgboss.job where name = $1 and output is not null', [IMPORT_QUEUE]))
        .rows;
      if (jobs.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(jobs.length).toBeGreaterThan(0); // the job threw and pg-boss recorded it
    const all = JSON.stringify((await t.db.executeSql('select * from pgboss.job')).rows);
    expect(all).toContain(res.json().id); // the output names the import job
    expect(leaks(all)).toEqual([]);
    expect(leaks(log.join(''))).toEqual([]);
  }, 60_000);
});
