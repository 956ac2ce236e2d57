import { describe, expect, it } from 'vitest';
import { hashSecret, newSessionToken, parseSessionToken, sessionCutoffs } from './session-token';

const tenantId = '0b9f0a3e-5a0e-4c9b-9d43-4d3f7e2a1c11';

describe('session tokens', () => {
  it('round-trip to the stored hash, 256 random bits each time', () => {
    const a = newSessionToken(tenantId);
    const b = newSessionToken(tenantId);
    expect(a.token).not.toBe(b.token);
    expect(a.token.split('.')[1]).toHaveLength(43); // 32 bytes base64url
    expect(parseSessionToken(a.token)).toEqual({ tenantId, idHash: a.idHash });
    expect(a.idHash).toBe(hashSecret(a.token.split('.')[1]!));
  });

  it('refuse what is not ours', () => {
    for (const bad of ['', 'abc', `${tenantId}.short`, `not-a-uuid.${'x'.repeat(43)}`, 'x'.repeat(80)]) {
      expect(parseSessionToken(bad)).toBeNull();
    }
  });

  it('cut-offs: idle from the limit, touch once a minute', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const c = sessionCutoffs({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 }, now);
    expect(c.idleBefore).toEqual(new Date('2026-12-01T11:30:00Z'));
    expect(c.touchBefore).toEqual(new Date('2026-12-01T11:59:00Z'));
  });
});
