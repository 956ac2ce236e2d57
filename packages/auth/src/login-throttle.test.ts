// Decision 004 "Lockout": what counts as one source, and the order of reserve → settle.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_SOURCE,
  checkReservedPassword,
  checkThrottledPassword,
  lockedUntilOf,
  reserveAttempt,
  settleFailure,
  settleLoginSuccess,
  settleSuccess,
  sourceOf,
  type ThrottleRow,
  type ThrottleStore,
} from './login-throttle';

const rules = { lockThreshold: 3, lockMs: 60_000, accountHourlyLimit: 5 };
const row = (source: string, o: Partial<ThrottleRow> = {}): ThrottleRow => ({
  source,
  failures: 0,
  windowStartedAt: new Date('2026-12-01T12:00:00Z'),
  lockedUntil: null,
  lastSuccessAt: null,
  ...o,
});
const now = new Date('2026-12-01T12:10:00Z');

describe('sourceOf', () => {
  it('keeps IPv4 (also IPv4-mapped IPv6) and groups IPv6 by its /64', () => {
    expect(sourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(sourceOf('2001:db8:1:3::1')).not.toBe(sourceOf('2001:db8:1:2::1'));
  });
});

describe('reserve and settle', () => {
  it('locks a source after the threshold, and refuses it while locked without counting', () => {
    let pair = row('198.51.100.1');
    let account = row(ACCOUNT_SOURCE);
    for (let i = 0; i < 3; i++) {
      const r = reserveAttempt({ pair, account }, rules, now);
      expect(r.isAllowed).toBe(true);
      ({ pair, account } = r);
      pair = settleFailure({ pair, account }, rules, now).pair;
    }
    expect(pair.lockedUntil).toEqual(new Date(now.getTime() + 60_000));
    const refused = reserveAttempt({ pair, account }, rules, now);
    expect(refused).toMatchObject({ isAllowed: false, account: { failures: 3 } });
    // once the lock has run out the source starts again
    expect(reserveAttempt({ pair, account }, rules, new Date(now.getTime() + 60_001)).isAllowed).toBe(true);
  });

  it('attempts still being checked count, so parallel attempts cannot pass the threshold', () => {
    let rows = { pair: row('198.51.100.1'), account: row(ACCOUNT_SOURCE) };
    const allowed = [];
    for (let i = 0; i < 10; i++) {
      const r = reserveAttempt(rows, rules, now);
      allowed.push(r.isAllowed);
      rows = { pair: r.pair, account: r.account };
    }
    expect(allowed.filter(Boolean)).toHaveLength(3);
  });

  it('the hourly limit stops unknown sources, not a source the owner logged in from', () => {
    const account = row(ACCOUNT_SOURCE, { failures: 5 });
    expect(reserveAttempt({ pair: row('203.0.113.9'), account }, rules, now).isAllowed).toBe(false);
    const known = settleSuccess({ pair: row('192.0.2.10'), account: row(ACCOUNT_SOURCE, { failures: 1 }) }, now);
    expect(known.account.failures).toBe(0); // the reserved attempt was not a failure
    expect(reserveAttempt({ pair: known.pair, account }, rules, now).isAllowed).toBe(true);
    // an hour after the window began it starts again
    expect(
      reserveAttempt({ pair: row('203.0.113.9'), account }, rules, new Date('2026-12-01T13:00:00Z')).isAllowed,
    ).toBe(true);
  });

  it('reports the latest lock end that is still ahead', () => {
    const later = new Date(now.getTime() + 120_000);
    const rows = [
      row('a', { lockedUntil: new Date(now.getTime() - 1) }),
      row('b', { lockedUntil: later }),
      row('c', { lockedUntil: new Date(now.getTime() + 1000) }),
    ];
    expect(lockedUntilOf(rows, now)).toEqual(later);
    expect(lockedUntilOf([row('a')], now)).toBeNull();
  });
});

describe('checkThrottledPassword over an app-supplied store', () => {
  // a store over a Map, as an app with its throttle table in another schema would supply one
  const memoryStore = () => {
    const rows = new Map<string, ThrottleRow>();
    const key = (userId: string, source: string) => `${userId}/${source}`;
    const get = (userId: string, source: string) =>
      rows.get(key(userId, source)) ?? row(source, { windowStartedAt: new Date() });
    const store: ThrottleStore<null> = {
      lock: async (_tx, userId, source) => ({ pair: get(userId, source), account: get(userId, ACCOUNT_SOURCE) }),
      save: async (_tx, userId, r) => {
        rows.set(key(userId, r.source), r);
      },
      deleteStale: async () => {},
    };
    return store;
  };

  it('spends one verify per attempt, locks after the threshold and refuses the right password then', async () => {
    const store = memoryStore();
    const calls = { verify: 0, burn: 0, locks: [] as string[] };
    const attempt = (isRight: boolean) =>
      checkThrottledPassword<null>({
        store,
        transaction: (fn) => fn(null),
        rules,
        userId: 'u1',
        ip: '198.51.100.1',
        verify: async () => {
          calls.verify++;
          return isRight;
        },
        burnVerify: async () => {
          calls.burn++;
        },
        onLocked: async (_tx, lock) => {
          calls.locks.push(lock.scope);
        },
      });
    for (let i = 0; i < 3; i++) expect(await attempt(false)).toBe('refused');
    expect(calls.locks).toEqual(['source']);
    expect(await attempt(true)).toBe('refused'); // locked: the right password does not tell
    expect(calls).toMatchObject({ verify: 3, burn: 1 });
  });

  // a check whose verify answers isRight and whose burn and lock events are not watched
  const quietCheck = (store: ThrottleStore<null>, userId: string, ip: string, isRight: boolean) => ({
    store,
    transaction: <T>(fn: (tx: null) => Promise<T>) => fn(null),
    rules,
    userId,
    ip,
    verify: async () => isRight,
    burnVerify: async () => {},
    onLocked: async () => {},
  });

  it('a right password settles: the source becomes known and its count starts again', async () => {
    const store = memoryStore();
    const ok = await checkThrottledPassword<null>(quietCheck(store, 'u1', '192.0.2.10', true));
    expect(ok).toBe('valid');
    await settleLoginSuccess(store, null, 'u1', '192.0.2.10');
    const { pair, account } = await store.lock(null, 'u1', '192.0.2.10');
    expect(pair).toMatchObject({ failures: 0, lockedUntil: null });
    expect(pair.lastSuccessAt).not.toBeNull();
    expect(account.failures).toBe(0);
  });

  it('sweeps stale sources after a wrong or refused attempt, never on the way to a login', async () => {
    const base = memoryStore();
    let sweeps = 0;
    const store: ThrottleStore<null> = {
      ...base,
      deleteStale: async () => {
        sweeps++;
      },
    };
    const check = (isRight: boolean) => quietCheck(store, 'u2', '192.0.2.30', isRight);
    const reserved = (isAllowed: boolean) => ({ isAllowed, pair: row('192.0.2.30'), account: row(ACCOUNT_SOURCE) });
    expect(await checkReservedPassword<null>(check(true), reserved(true))).toBe('valid');
    expect(sweeps).toBe(0);
    expect(await checkReservedPassword<null>(check(false), reserved(true))).toBe('refused');
    expect(await checkReservedPassword<null>(check(true), reserved(false))).toBe('refused');
    expect(sweeps).toBe(2);
  });
});
