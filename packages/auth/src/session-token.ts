// Session ids (decision 004): the cookie holds `<tenantId>.<256 random bits>`; only sha256 of the random
// part is stored, so a leaked sessions table opens no session. The tenant id in front lets the lookup
// run under that tenant's row-level security before anything else is known.
import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** sha256 hex of a secret: how session ids and bearer tokens are stored. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function newSessionToken(tenantId: string): { token: string; idHash: string } {
  const random = randomBytes(32).toString('base64url');
  return { token: `${tenantId}.${random}`, idHash: hashSecret(random) };
}

/** null when the cookie is not one of ours (no tenant id, too short). */
export function parseSessionToken(token: string): { tenantId: string; idHash: string } | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const tenantId = token.slice(0, dot);
  const random = token.slice(dot + 1);
  if (!UUID.test(tenantId) || random.length < 32) return null;
  return { tenantId, idHash: hashSecret(random) };
}

export type SessionLimits = { idleMs: number; absoluteMs: number };

/**
 * last_seen_at is written at most once a minute: a fresh session is read, never written, so the
 * common request is one read.
 */
export const TOUCH_EVERY_MS = 60_000;

/**
 * The instants a session lookup compares with, computed here so that every app applies the same
 * limits: a session whose expires_at ≤ now or last_seen_at < idleBefore has ended; one whose
 * last_seen_at < touchBefore is touched.
 */
export function sessionCutoffs(limits: SessionLimits, now = new Date()) {
  return {
    now,
    idleBefore: new Date(now.getTime() - limits.idleMs),
    touchBefore: new Date(now.getTime() - TOUCH_EVERY_MS),
  };
}

export const sessionExpiry = (limits: SessionLimits, now = new Date()) => new Date(now.getTime() + limits.absoluteMs);
