// #14 item 2: an upload whose job could not be queued (the database went away between the upload's commit
// and pg-boss's send) answers 503 and is not lost: the worker's sweep queues it again and it runs to its
// end, once.
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestDatabase,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  testConfig,
} from '../../../test/helpers';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import { HR_JOBS_SCHEMA, startJobs } from '../../jobs/boss';
import { registerWorkers } from '../../jobs/workers';
import { IMPORT_QUEUE, type JobQueue, resumeOrphanedImports } from './imports.service';

const HEADER = '社員番号,本名(姓),本名(名),本名(かな)(せい),本名(かな)(めい),生年月日,性別,入社日';
let db: Database;
let jobs: Awaited<ReturnType<typeof startJobs>>;
let queue: JobQueue;
let hr: Client;
let close: () => Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase();
  jobs = await startJobs(db, () => {});
  queue = await registerWorkers(jobs.boss, db);
  // the upload's queue: the send fails as node-postgres fails when its connection is ended under it
  const lostConnection: JobQueue = {
    send: async () => {
      throw new Error('Connection terminated unexpectedly');
    },
  };
  const app = await buildApp({ config: testConfig(), db, jobs: lostConnection, logger: false });
  await app.ready();
  const t = await createTestTenant(db, 'acme');
  await createTestUser(db, t.tenantId, 'hr', ['hr_admin']);
  hr = new Client(app);
  await hr.login('acme', 'hr', STRONG_PASSWORD);
  close = async () => {
    await app.close();
    await jobs.boss.stop({ graceful: false, wait: true });
    await db.close();
  };
}, 60_000);
afterAll(() => close?.());

describe(`an upload whose job was not queued (${TEST_DB})`, () => {
  it('answers 503 in Japanese, then the sweep runs the import once to its end', async () => {
    const csv = [HEADER, 'O001,山田,花子,やまだ,はなこ,1990/04/01,女性,2025/04/01'].join('\r\n');
    const res = await hr.request('POST', '/api/v1/imports?kind=employees_new', Buffer.from(csv), {
      'content-type': 'text/csv',
      'x-file-name': 'orphan.csv',
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'ただいま処理を受け付けられません。しばらくしてから再度お試しください',
      requestId: expect.any(String),
    });
    const [job] = (await hr.request('GET', '/api/v1/imports')).json().items;
    expect(job.status).toBe('processing');
    // a young upload may be between its commit and its send: left alone
    expect(await resumeOrphanedImports(db, queue, HR_JOBS_SCHEMA)).toBe(0);
    await db.executeSql(`update import_jobs set started_at = now() - interval '1 minute' where id = '${job.id}'`);
    expect(await resumeOrphanedImports(db, queue, HR_JOBS_SCHEMA)).toBe(1);
    // queued now: a second sweep does not queue it twice
    expect(await resumeOrphanedImports(db, queue, HR_JOBS_SCHEMA)).toBe(0);
    let done = job;
    for (let i = 0; i < 100 && done.status === 'processing'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      done = (await hr.request('GET', `/api/v1/imports/${job.id}`)).json();
    }
    expect(done).toMatchObject({ status: 'succeeded', rowsWritten: 1 });
    const runs = await db.executeSql(
      `select state from ${HR_JOBS_SCHEMA}.job where name = '${IMPORT_QUEUE}' and data->>'jobId' = '${job.id}'`,
    );
    expect(runs.rows).toEqual([{ state: 'completed' }]);
    const employees = (await hr.request('GET', '/api/v1/employees?employeeNumber=O001')).json();
    expect(employees.total).toBe(1);
  });
});
