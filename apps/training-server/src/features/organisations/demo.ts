// `npm run jinji -- demo`: the demo 契約組織 (組織コード demo) and its 管理者, created once; run again, the
// admin's password becomes the given one and its lockout is lifted. Both changes are audited.

import { systemActor } from '@jinji/auth/actor';
import { hashPassword } from '@jinji/auth/passwords';
import { eq, sql } from 'drizzle-orm';
import type { TrainingDb } from '../../db/database';
import { loginThrottles, organisations, users } from '../../db/schema/index';
import { recordAudit } from '../audit/audit.service';

export const TRAINING_DEMO = { organizationCode: 'demo', loginId: 'admin' };

export async function seedTrainingDemo(db: TrainingDb, password: string): Promise<{ created: boolean }> {
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
  return { created: !found };
}
