// Test support: an organisation with its users written directly (the route matrix, every feature's tests).
import { randomBytes } from 'node:crypto';
import type { TSystemRole } from '@jinji/contracts/training/access';
import type { TrainingDb } from '../../db/database';
import { upsertOrganisation } from './organisations.service';

export const PASSWORD = 'Sazanka-no-hana-2026!';

/** An organisation and its users; each login ID's システム権限 from `roles` ('admin' is 管理者, others 一般). */
export async function createOrganisation(
  db: TrainingDb,
  loginIds = ['admin'],
  roles: Record<string, TSystemRole> = {},
) {
  const code = `o${randomBytes(4).toString('hex')}`;
  const role = (loginId: string) => roles[loginId] ?? (loginId === 'admin' ? 'admin' : 'general');
  const seed = loginIds.map((loginId) => ({
    loginId,
    displayName: loginId,
    systemRole: role(loginId),
    password: PASSWORD,
  }));
  const { id, userIds } = await upsertOrganisation(db, { code, name: `研修組織 ${code}` }, seed, 'test');
  return { id, code, userIds, loginIds };
}
