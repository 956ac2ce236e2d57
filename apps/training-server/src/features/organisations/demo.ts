// `npm run jinji -- demo`: the demo 契約組織 (組織コード demo) and its 管理者, created once; run again, the
// admin's password becomes the given one and its lockout is lifted. Both changes are audited. Then the
// demo 公開講座 catalog (courses/demo-catalog.ts).

import { systemActor } from '@jinji/auth/actor';
import { hashPassword } from '@jinji/auth/passwords';
import { todayInJapan } from '@jinji/ja/text';
import { eq, sql } from 'drizzle-orm';
import type { TrainingDb } from '../../db/database';
import { loginThrottles, organisations, users } from '../../db/schema/index';
import { recordAudit } from '../audit/audit.service';
import { seedDemoCatalog } from '../courses/demo-catalog';

export const TRAINING_DEMO = { organizationCode: 'demo', loginId: 'admin' };

export async function seedTrainingDemo(
  db: TrainingDb,
  password: string,
  today = todayInJapan(),
): Promise<{ created: boolean; courses: number }> {
  const passwordHash = await hashPassword(password);
  const [found] = await db.owner
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, 'demo'));
  const organisationId =
    found?.id ??
    (await db.owner.insert(organisations).values({ code: 'demo', name: 'デモ株式会社' }).returning())[0]!.id;
  await db.asTenant(organisationId, async (tx) => {
    const admin = { organisationId, loginId: TRAINING_DEMO.loginId, displayName: '研修 管理者', passwordHash };
    const [user] = await tx
      .insert(users)
      .values({ ...admin, systemRole: 'admin', passwordChangedAt: new Date() })
      .onConflictDoUpdate({
        target: [users.organisationId, users.loginId],
        set: { passwordHash, passwordChangedAt: new Date(), disabledAt: null, updatedAt: sql`now()` },
      })
      .returning({ id: users.id });
    await tx.delete(loginThrottles).where(eq(loginThrottles.userId, user!.id));
    await recordAudit(tx, systemActor(organisationId, 'cli-demo', { systemRole: 'admin' }), {
      action: found ? 'reset_password' : 'create',
      targetType: 'user',
      targetId: user!.id,
      after: { loginId: TRAINING_DEMO.loginId, systemRole: 'admin' },
    });
  });
  // the 公開講座 catalog, upserted by 講座コード
  const courses = await seedDemoCatalog(db, systemActor(organisationId, 'cli-demo', { systemRole: 'admin' }), today);
  return { created: !found, courses };
}
