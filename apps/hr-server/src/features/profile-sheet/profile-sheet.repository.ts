// 個人プロフィール出力設定: the tenant's one row (RLS: the current tenant's only).
import { currentTenantId } from '@jinji/db/client';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { profileSheetSettings } from '../../db/schema/index';

export async function findSettingsRow(tx: Tx): Promise<{ settings: unknown; updatedAt: Date } | null> {
  const rows = await tx
    .select({ settings: profileSheetSettings.settings, updatedAt: profileSheetSettings.updatedAt })
    .from(profileSheetSettings)
    .where(eq(profileSheetSettings.tenantId, currentTenantId()))
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertSettingsRow(tx: Tx, tenantId: string, settings: unknown, userId: string | null) {
  const values = { settings, updatedAt: new Date(), updatedBy: userId };
  await tx
    .insert(profileSheetSettings)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: profileSheetSettings.tenantId, set: values });
}
