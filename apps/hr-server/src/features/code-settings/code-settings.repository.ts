import type { TCodeSettings, TEmployeeNumberMode, TLoginIdMode } from '@jinji/contracts/hr/code-settings';
import { currentTenantId, queryRows } from '@jinji/db/client';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { codeSequences, codeSettings } from '../../db/schema/index';

export type SequenceKind = 'login_id' | 'employee_number';

export async function findCodeSettings(tx: Tx): Promise<TCodeSettings | null> {
  const rows = await tx.select().from(codeSettings).where(eq(codeSettings.tenantId, currentTenantId())).limit(1);
  const r = rows[0];
  if (!r) return null;
  return {
    loginIdMode: r.loginIdMode as TLoginIdMode,
    loginIdRule: r.loginIdRule ?? null,
    employeeNumberMode: r.employeeNumberMode as TEmployeeNumberMode,
    employeeNumberRule: r.employeeNumberRule ?? null,
  };
}

export async function upsertCodeSettings(
  tx: Tx,
  tenantId: string,
  s: TCodeSettings,
  userId: string | null,
): Promise<void> {
  const values = { ...s, updatedAt: new Date(), updatedBy: userId };
  await tx
    .insert(codeSettings)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: codeSettings.tenantId, set: values });
}

/** Reserves `count` consecutive numbers in one atomic statement; returns the first. */
export async function takeSequence(tx: Tx, tenantId: string, kind: SequenceKind, count: number): Promise<number> {
  const rows = await queryRows<{ first: string | number }>(
    tx,
    sql`insert into code_sequences (tenant_id, kind, next_value) values (${tenantId}, ${kind}, ${1 + count})
        on conflict (tenant_id, kind) do update set next_value = code_sequences.next_value + ${count}
        returning next_value - ${count} as first`,
  );
  return Number(rows[0]!.first);
}

export async function peekSequences(tx: Tx): Promise<Record<string, number>> {
  const rows = await tx
    .select({ kind: codeSequences.kind, next: codeSequences.nextValue })
    .from(codeSequences)
    .where(eq(codeSequences.tenantId, currentTenantId()));
  return Object.fromEntries(rows.map((r) => [r.kind, r.next]));
}
