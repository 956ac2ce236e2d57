// Decision 004 "Lockout", migration 0025: an attempt is counted by compare-and-set on the throttle rows,
// so one that keeps losing the race to other attempts on the same rows must still be counted once, on the
// rows as the others left them — after three lost races by the transaction that locks them.

import { ACCOUNT_SOURCE, reserveAttempt } from '@jinji/auth/login-throttle';
import { rateLimitKeyHash } from '@jinji/db/rate-limit';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestTenant, STRONG_PASSWORD, type TestApp } from '../../../test/helpers';
import type { Database } from '../../db/client';
import { reserveLoginAttempt } from './auth.repository';

const rules = { lockThreshold: 10, lockMs: 900_000, accountHourlyLimit: 50 };
const source = '198.51.100.40';
let t: TestApp;
let userId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ userId } = await createTestTenant(t.db, 'race-co', { loginId: 'victim', password: STRONG_PASSWORD }));
});
afterAll(() => t?.close());

const failuresOf = async () =>
  Object.fromEntries(
    (
      (await t.db.executeSql('select source, failures from login_throttles where user_id = $1', [userId])).rows as {
        source: string;
        failures: number;
      }[]
    ).map((r) => [r.source, r.failures]),
  );

/** The database, with another attempt on the same rows counted just before each of this one's saves. */
const losingEveryRace = (db: Database, races: { count: number }): Database => ({
  ...db,
  requestStatement: async (q) => {
    if (q.name === 'jinji_login_reserve') {
      races.count++;
      await db.executeSql('update login_throttles set failures = failures + 1 where user_id = $1', [userId]);
    }
    return db.requestStatement(q);
  },
});

describe(`the attempt's reservation (${TEST_DB})`, () => {
  // the request's rate-limit hit (migration 0026), on a key of this test's own
  const hits: number[] = [];
  const rateLimit = {
    keyHash: rateLimitKeyHash(`login-reserve.test|${source}`),
    windowMs: 60_000,
    max: 1000,
    settle: (hit: { hits: number }) => void hits.push(hit.hits),
  };
  const reserve = (db: Database) =>
    reserveLoginAttempt(db, { tenantCode: 'race-co', loginId: 'victim', source, rateLimit }, (rows) =>
      reserveAttempt(rows, rules, new Date()),
    );

  it('counts an attempt once when nobody else is counting', async () => {
    await reserve(t.db); // the first from this source inserts the rows
    const before = await failuresOf();
    const attempt = await reserve(t.db);
    expect(attempt?.reserved.isAllowed).toBe(true);
    expect(await failuresOf()).toEqual({
      [source]: before[source]! + 1,
      [ACCOUNT_SOURCE]: before[ACCOUNT_SOURCE]! + 1,
    });
  });

  it('an attempt that loses every race is counted once, on top of every attempt that won', async () => {
    const before = await failuresOf();
    const races = { count: 0 };
    const hitsBefore = hits.length;
    const attempt = await reserve(losingEveryRace(t.db, races));
    expect(races.count).toBe(3); // then the locking transaction, which nobody can overtake
    // one request, one rate-limit hit: the retries and the locking transaction do not count it again
    expect(hits.slice(hitsBefore)).toEqual([hits[hitsBefore - 1]! + 1]);
    // three others counted (+3), and this one (+1) on the rows as they left them
    expect(attempt?.reserved.pair.failures).toBe(before[source]! + 4);
    expect(await failuresOf()).toEqual({
      [source]: before[source]! + 4,
      [ACCOUNT_SOURCE]: before[ACCOUNT_SOURCE]! + 4,
    });
  });
});
