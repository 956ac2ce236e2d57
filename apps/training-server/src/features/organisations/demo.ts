// `npm run jinji -- demo`: the demo 契約組織 (組織コード demo) and its 管理者, created once; run again, the
// admin's password becomes the given one and its lockout is lifted (organisations.service).
import type { TrainingDb } from '../../db/database';
import { upsertOrganisation } from './organisations.service';

export const TRAINING_DEMO = { organizationCode: 'demo', loginId: 'admin' };

export async function seedTrainingDemo(db: TrainingDb, password: string): Promise<{ created: boolean }> {
  const admin = { loginId: TRAINING_DEMO.loginId, displayName: '研修 管理者', systemRole: 'admin' as const, password };
  return upsertOrganisation(db, { code: TRAINING_DEMO.organizationCode, name: 'デモ株式会社' }, [admin]);
}
