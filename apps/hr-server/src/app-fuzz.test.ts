// SECURITY.md "Input validation": every route of the OpenAPI document, fed schema-shaped random
// requests (NUL, lone surrogates, RTL overrides, 𠮷, 10,000 characters, wrong types, missing and extra
// fields, random ids, broken %-escapes) by a user holding every admin role, never answers 5xx.
import { ADMIN_ROLES } from '@jinji/contracts/hr/roles';
import { TEST_DB } from '@jinji/test-kit/database';
import { fuzzOpenApi } from '@jinji/test-kit/openapi-fuzz';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  createTestDatabase,
  createTestTenant,
  createTestUser,
  STRONG_PASSWORD,
  testConfig,
} from '../test/helpers';
import { buildApp } from './app';
import type { Database } from './db/client';

const TOTAL_REQUESTS = 10_200;
// a session ends on these: run them last and log in again after each
const SESSION_ENDING = ['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password'];

async function signIn(): Promise<Client> {
  const client = new Client(app);
  const res = await client.login(tenantCode, 'fuzz', STRONG_PASSWORD);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return client;
}

let db: Database;
let app: FastifyInstance;
let tenantCode: string;
const realIds: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const config = testConfig({ login: { ...testConfig().login, ratePerMinute: 100_000, lockThreshold: 100_000 } });
  // imports are queued, not run: the worker is not what this test fuzzes
  app = await buildApp({ config, db, jobs: { send: async () => 'queued' }, logger: false });
  await app.ready();
  const tenant = await createTestTenant(db);
  tenantCode = tenant.code;
  await createTestUser(db, tenant.tenantId, 'fuzz', [...ADMIN_ROLES]);
  const client = await signIn();
  // a few real ids, so that some requests get past the 404 into the handlers
  const employee = await client.request('POST', '/api/v1/employees', {
    lastName: '山田',
    firstName: '花子',
    lastNameKana: 'やまだ',
    firstNameKana: 'はなこ',
    birthDate: '1990-01-01',
    gender: '女性',
    hireDate: '2025-04-01',
  });
  realIds.push(employee.json().id);
  const company = await client.request('POST', '/api/v1/masters/company', { code: 'C1', name: '株式会社アクメ' });
  realIds.push(company.json().id);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe(`every route of the OpenAPI document, fuzzed (${TEST_DB})`, () => {
  it('answers every random request below 500', { timeout: 1_200_000 }, async () => {
    const result = await fuzzOpenApi({
      app,
      signIn,
      sessionPath: '/api/v1/auth/me',
      sessionEnding: SESSION_ENDING,
      uploads: { 'POST /api/v1/imports': 'text/csv' },
      realIds,
      totalRequests: TOTAL_REQUESTS,
    });
    console.log(result.summary);
    if (result.lostOn.size) console.log(`401 (session lost) on: ${[...result.lostOn].join(', ')}`);
    expect(result.routes).toBeGreaterThan(30);
    expect(result.count).toBeGreaterThanOrEqual(10_000);
    expect(result.failures).toEqual([]);
    expect([...result.statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  });
});
