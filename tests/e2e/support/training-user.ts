// `tsx tests/e2e/support/training-user.ts <loginId> <password>`: a 一般 利用者 in the training demo 組織,
// written straight into the database before the server starts (the 利用者情報 screens are another
// slice's; a journey that needs a second user must not depend on them).
import { hashPassword } from '@jinji/auth/passwords';
import { eq } from 'drizzle-orm';
import { organisations, users } from '../../../apps/training-server/src/db/schema/index';
import { bootBoth } from '../../../scripts/compose';

const [loginId, password] = process.argv.slice(2);
if (!loginId || !password) throw new Error('usage: training-user.ts <loginId> <password>');
const both = await bootBoth();
try {
  const [org] = await both.training.owner.select().from(organisations).where(eq(organisations.code, 'demo'));
  if (!org) throw new Error('run `jinji demo` first');
  const passwordHash = await hashPassword(password);
  await both.training.asTenant(org.id, (tx) =>
    tx
      .insert(users)
      .values({
        organisationId: org.id,
        loginId,
        displayName: '研修 太郎',
        passwordHash,
        passwordChangedAt: new Date(),
      })
      .onConflictDoUpdate({ target: [users.organisationId, users.loginId], set: { passwordHash } }),
  );
} finally {
  await both.close();
}
