// 従業員スタートアップ's drafts (R-SELF-1): one row per employee, replaced at every step.
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { startupDrafts } from '../../db/schema/index';

export type StartupDraftRow = { step: string; data: unknown; updatedAt: Date };

export async function findStartupDraft(tx: Tx, employeeId: string): Promise<StartupDraftRow | null> {
  const rows = await tx
    .select({ step: startupDrafts.step, data: startupDrafts.data, updatedAt: startupDrafts.updatedAt })
    .from(startupDrafts)
    .where(eq(startupDrafts.employeeId, employeeId))
    .limit(1);
  return rows[0] ?? null;
}

export async function saveStartupDraft(
  tx: Tx,
  row: { tenantId: string; employeeId: string; step: string; data: unknown },
): Promise<void> {
  const updatedAt = new Date();
  await tx
    .insert(startupDrafts)
    .values({ ...row, updatedAt })
    .onConflictDoUpdate({
      target: [startupDrafts.tenantId, startupDrafts.employeeId],
      set: { step: row.step, data: row.data, updatedAt },
    });
}

export async function deleteStartupDraft(tx: Tx, employeeId: string): Promise<void> {
  await tx.delete(startupDrafts).where(eq(startupDrafts.employeeId, employeeId));
}
