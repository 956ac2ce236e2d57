// PLACEHOLDER (lead, 2026-12-02): the 個人プロフィール slice replaces this file with the real sheet. It exists so
// that the batch output (ZIP of sheets, job with progress) can be built against the one function it calls.
import type { Writable } from 'node:stream';
import type { TProfileOutputOverrides } from '@jinji/contracts/hr/profile-sheet';
import type { Database } from '../../db/client';
import type { Actor } from '../../lib/actor';

/**
 * Writes one employee's 個人プロフィール PDF to `out` (not ending it), under the actor's access and the tenant's
 * settings with `overrides` applied; audit-logs the output. Throws AppError NOT_FOUND for an employee the actor
 * cannot see.
 */
export async function writeProfileSheet(
  _db: Database,
  _actor: Actor,
  _employeeId: string,
  _overrides: TProfileOutputOverrides | undefined,
  _out: Writable,
): Promise<void> {
  throw new Error('writeProfileSheet: placeholder, replaced by the 個人プロフィール slice');
}
