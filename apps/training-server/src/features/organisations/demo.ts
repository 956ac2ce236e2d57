// `npm run jinji -- demo`: the demo 契約組織 (組織コード demo) and its 管理者, created once; run again, the
// admin's password becomes the given one and its lockout is lifted (organisations.service). Then the demo
// 公開講座 catalog (courses/demo-catalog.ts), upserted by 講座コード.
import { systemActor } from '@jinji/auth/actor';
import { todayInJapan } from '@jinji/ja/text';
import type { TrainingDb } from '../../db/database';
import { seedDemoCatalog } from '../courses/demo-catalog';
import { upsertOrganisation } from './organisations.service';

export const TRAINING_DEMO = { organizationCode: 'demo', loginId: 'admin' };

export async function seedTrainingDemo(
  db: TrainingDb,
  password: string,
  today = todayInJapan(),
): Promise<{ created: boolean; courses: number }> {
  const admin = { loginId: TRAINING_DEMO.loginId, displayName: '研修 管理者', systemRole: 'admin' as const, password };
  const org = await upsertOrganisation(db, { code: TRAINING_DEMO.organizationCode, name: 'デモ株式会社' }, [admin]);
  const courses = await seedDemoCatalog(db, systemActor(org.id, 'cli-demo', { systemRole: 'admin' }), today);
  return { created: org.created, courses };
}
