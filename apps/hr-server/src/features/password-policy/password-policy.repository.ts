import type { TPasswordPolicy } from '@jinji/contracts/common/password-policy';
import { currentTenantId } from '@jinji/db/client';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { passwordPolicies } from '../../db/schema/index';

export async function findPolicy(tx: Tx): Promise<(TPasswordPolicy & { updatedAt: Date }) | null> {
  const rows = await tx
    .select({
      minLength: passwordPolicies.minLength,
      minUppercase: passwordPolicies.minUppercase,
      minLowercase: passwordPolicies.minLowercase,
      minDigits: passwordPolicies.minDigits,
      minSymbols: passwordPolicies.minSymbols,
      forbidLoginId: passwordPolicies.forbidLoginId,
      expiryDays: passwordPolicies.expiryDays,
      reuseCount: passwordPolicies.reuseCount,
      updatedAt: passwordPolicies.updatedAt,
    })
    .from(passwordPolicies)
    .where(eq(passwordPolicies.tenantId, currentTenantId()))
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertPolicy(
  tx: Tx,
  tenantId: string,
  policy: TPasswordPolicy,
  userId: string | null,
): Promise<void> {
  const values = { ...policy, updatedAt: new Date(), updatedBy: userId };
  await tx
    .insert(passwordPolicies)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: passwordPolicies.tenantId, set: values });
}
