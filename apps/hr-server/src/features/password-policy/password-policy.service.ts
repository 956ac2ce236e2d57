import { actingUserOf } from '@jinji/auth/actor';
import {
  DEFAULT_PASSWORD_POLICY,
  type TPasswordPolicy,
  type TPasswordPolicyResponse,
} from '@jinji/contracts/common/password-policy';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { auditDiff, recordAudit } from '../audit/audit.service';
import { findPolicy, upsertPolicy } from './password-policy.repository';

export async function getEffectivePolicy(tx: Tx): Promise<TPasswordPolicy> {
  const row = await findPolicy(tx);
  if (!row) return DEFAULT_PASSWORD_POLICY;
  const { updatedAt: _, ...policy } = row;
  return policy;
}

export async function getPasswordPolicy(db: Database, ctx: Actor): Promise<TPasswordPolicyResponse> {
  const row = await db.asTenant(ctx.tenantId, findPolicy);
  if (!row) return { policy: DEFAULT_PASSWORD_POLICY, isDefault: true, updatedAt: null };
  const { updatedAt, ...policy } = row;
  return { policy, isDefault: false, updatedAt: updatedAt.toISOString() };
}

export async function updatePasswordPolicy(
  db: Database,
  ctx: Actor,
  policy: TPasswordPolicy,
): Promise<TPasswordPolicyResponse> {
  await db.asTenant(ctx.tenantId, async (tx) => {
    const change = auditDiff(await getEffectivePolicy(tx), policy);
    await upsertPolicy(tx, ctx.tenantId, policy, actingUserOf(ctx).userId);
    if (change) await recordAudit(tx, ctx, { action: 'update', targetType: 'password_policy', ...change });
  });
  return getPasswordPolicy(db, ctx);
}
