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

/** The route matrix's rows of organisation B's users (test/fixtures.ts): a user's id, and B's own login IDs. */
export const organisationMatrixFixtures = async (_db: TrainingDb, b: { userIds: string[]; loginIds: string[] }) => ({
  params: { userId: b.userIds[0]! },
  // B's own names only (organisation A has users called 'admin' too)
  values: b.loginIds.filter((id) => id.startsWith('b-')),
});
