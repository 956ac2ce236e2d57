// #14 item 1: the login rate limit holds across processes. Two app instances on one database stand for
// two processes behind a load balancer: attempts alternate between them, and the limit counts them all.
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, trainingClient, trainingTestApp } from '../../../test/helpers';
import { trainingApp } from '../../app';

const LIMIT = 4;
let t: Awaited<ReturnType<typeof trainingTestApp>>;
let second: Awaited<ReturnType<typeof trainingApp.build>>;
let org: Awaited<ReturnType<typeof createOrganisation>>;

beforeAll(async () => {
  t = await trainingTestApp({
    configure: (c) => ({ ...c, login: { ...c.login, ratePerMinute: LIMIT, lockThreshold: 100 } }),
  });
  second = await trainingApp.build({ config: t.config, db: t.db, logger: false });
  await second.ready();
  org = await createOrganisation(t.db, ['admin']);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

describe(`login rate limit across processes (${TEST_DB})`, () => {
  it('refuses the attempt after the limit whichever process gets it, and counts each client address apart', async () => {
    const processes = [
      trainingClient(t.app, { remoteAddress: '198.51.100.7' }),
      trainingClient(second, { remoteAddress: '198.51.100.7' }),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await processes[i % 2]!.login(org.code, 'admin', 'wrong-password-1');
      statuses.push(res.statusCode);
    }
    // 4 wrong passwords (401), then the limit: 429 on both processes
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await processes[1]!.login(org.code, 'admin', 'wrong-password-1');
    expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
    // another address has its own count
    const other = trainingClient(second, { remoteAddress: '203.0.113.9' });
    expect((await other.login(org.code, 'admin', 'wrong-password-1')).statusCode).toBe(401);
    // what is stored names no address: the keys are hashes
    const { rows } = await t.db.executeSql("select encode(key_hash, 'hex') as k from training.jinji_rate_limits");
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(rows)).not.toContain('198.51.100.7');
  });
});
