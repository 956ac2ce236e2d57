// The 届出 apply job on the real pg-boss: scheduled daily just after midnight Japan time, and run once at
// start, so a 承認済み・適用待ち request whose 適用日 passed while the server was down reaches the master.

import { NO_MAIL_WORKER } from '@jinji/mail/worker';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  Client,
  createTestApp,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  type TestApp,
} from '../../test/helpers';
import { startJobs } from './boss';
import { registerRequestJobs } from './requests';

let t: TestApp;
let requestId: string;
let employeeId: string;

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestTenant(t.db, 'acme');
  await createTestUser(t.db, a.tenantId, 'hr', ['hr_admin']);
  await createTestUser(t.db, a.tenantId, 'emp');
  const hr = new Client(t.app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  employeeId = (
    await hr.request('POST', '/api/v1/employees', {
      lastName: '山田',
      firstName: '花子',
      lastNameKana: 'やまだ',
      firstNameKana: 'はなこ',
      birthDate: '1990-04-01',
      gender: '女性',
      hireDate: '2022-04-01',
      prefecture: '東京都',
    })
  ).json().id;
  await t.db.executeSql(`update user_accounts set employee_id = '${employeeId}' where login_id = 'emp'`);
  const types = (await hr.request('GET', '/api/v1/request-types')).json().items;
  const address = types.find((x: { builtin: string }) => x.builtin === 'address');
  await hr.request('PUT', `/api/v1/request-types/${address.id}`, {
    name: address.name,
    route: [{ kind: 'role', role: 'hr_admin' }],
  });
  const emp = new Client(t.app);
  await emp.login('acme', 'emp', STRONG_PASSWORD);
  requestId = (
    await emp.request('POST', '/api/v1/me/requests', {
      typeId: address.id,
      effectiveDate: '2099-01-01',
      values: { prefecture: '大阪府', city: '大阪市北区' },
    })
  ).json().id;
  expect((await hr.request('POST', `/api/v1/requests/${requestId}/approve`, {})).json().status).toBe('scheduled');
  // the 適用日 passed while no server ran
  await t.db.executeSql(`update requests set effective_date = '2024-01-01' where id = '${requestId}'`);
}, 120_000);
afterAll(() => t?.close());

it(`registers the daily schedule (Japan time) and applies what is due at start (${TEST_DB})`, async () => {
  const jobs = await startJobs(t.db, () => {});
  try {
    await registerRequestJobs(jobs.boss, { db: t.db, mail: NO_MAIL_WORKER });
    const schedules = await jobs.boss.getSchedules();
    expect(schedules.find((s) => s.name === 'requests-apply')).toMatchObject({
      cron: '5 0 * * *',
      timezone: 'Asia/Tokyo',
    });
    const deadline = Date.now() + 30_000;
    let status = 'scheduled';
    while (status !== 'applied' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      status = (
        (await t.db.executeSql(`select status from requests where id = '${requestId}'`)).rows[0] as { status: string }
      ).status;
    }
    expect(status).toBe('applied');
    const e = (await t.db.executeSql(`select prefecture, city from employees where id = '${employeeId}'`)).rows[0];
    expect(e).toEqual({ prefecture: '大阪府', city: '大阪市北区' });
  } finally {
    await jobs.boss.stop({ graceful: false, wait: true });
  }
}, 60_000);
