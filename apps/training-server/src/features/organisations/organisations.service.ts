// 契約組織 and their first users, created by the operator (the CLI's demo, the tests), never over HTTP.
// Run again with the same code, the organisation stays, each named user's password becomes the given one
// and its lockout is lifted. Every user written is audited as the system's action.
import { systemActor } from '@jinji/auth/actor';
import { hashPassword } from '@jinji/auth/passwords';
import type { TSystemRole } from '@jinji/contracts/training/access';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TrainingDb } from '../../db/database';
import { loginThrottles, organisations, users } from '../../db/schema/index';
import { recordAudits } from '../audit/audit.service';

export type SeedUser = {
  loginId: string;
  displayName: string;
  systemRole: TSystemRole;
  password: string;
  email?: string | null;
};

export async function upsertOrganisation(
  db: TrainingDb,
  org: { code: string; name: string },
  seedUsers: SeedUser[],
  by = 'cli-demo',
): Promise<{ id: string; created: boolean; userIds: string[] }> {
  const [found] = await db.owner
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, org.code));
  const id = found?.id ?? (await db.owner.insert(organisations).values(org).returning())[0]!.id;
  const rows = await Promise.all(
    seedUsers.map(async ({ password, ...u }) => ({
      ...u,
      organisationId: id,
      passwordHash: await hashPassword(password),
      passwordChangedAt: new Date(),
    })),
  );
  const userIds = await db.asTenant(id, async (tx) => {
    const written = await tx
      .insert(users)
      .values(rows)
      .onConflictDoUpdate({
        target: [users.organisationId, users.loginId],
        set: {
          passwordHash: sql`excluded.password_hash`,
          passwordChangedAt: sql`excluded.password_changed_at`,
          disabledAt: null,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: users.id, loginId: users.loginId, systemRole: users.systemRole });
    await tx.delete(loginThrottles).where(
      and(
        eq(loginThrottles.organisationId, id),
        inArray(
          loginThrottles.userId,
          written.map((u) => u.id),
        ),
      ),
    );
    const actor = systemActor(id, by, { systemRole: 'admin' as const });
    await recordAudits(
      tx,
      actor,
      written.map((u) => ({
        action: found ? 'reset_password' : 'create',
        targetType: 'user',
        targetId: u.id,
        after: { loginId: u.loginId, systemRole: u.systemRole },
      })),
    );
    return written.map((u) => u.id);
  });
  return { id, created: !found, userIds };
}
