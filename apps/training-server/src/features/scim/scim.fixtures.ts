// The route matrix's rows for 連携設定 (merged in test/fixtures.ts): one SCIM token of organisation B.
import { systemActor } from '@jinji/auth/actor';
import type { TrainingDb } from '../../db/database';
import { issueScimToken } from './scim.service';

export async function scimMatrixFixtures(db: TrainingDb, b: { id: string }) {
  const actor = systemActor(b.id, 'test-fixtures', { systemRole: 'admin' as const });
  const token = await issueScimToken(db, actor, { label: 'B の人事管理' });
  return { params: { tokenId: token.token.id }, values: ['B の人事管理'] };
}
