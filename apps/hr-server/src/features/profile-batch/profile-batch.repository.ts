// Every query of 個人プロフィール一括出力: the job row, its ZIP in chunks, and the owner's cross-tenant sweeps
// (resume after a restart, expiry).

import { currentTenantId } from '@jinji/db/client';
import { and, asc, eq, gte, inArray, lt, lte, ne } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { profileBatchChunks, profileBatches } from '../../db/schema/index';

export type ProfileBatchRow = typeof profileBatches.$inferSelect;

/** the surrounding asTenant() transaction's tenant, named in every tenant query (Citus co-location, docs/scale-out.md) */
const ofTenant = () => eq(profileBatches.tenantId, currentTenantId());

export async function insertBatch(tx: Tx, row: typeof profileBatches.$inferInsert): Promise<ProfileBatchRow> {
  const [batch] = await tx.insert(profileBatches).values(row).returning();
  return batch!;
}

/** A batch as its starter sees it; another user's (or another tenant's, under RLS) is null. */
export async function findBatchOf(tx: Tx, id: string, actorId: string): Promise<ProfileBatchRow | null> {
  const rows = await tx
    .select()
    .from(profileBatches)
    .where(and(ofTenant(), eq(profileBatches.id, id), eq(profileBatches.actorId, actorId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the job row: two runners of one batch serialise here. */
export async function findBatchForUpdate(tx: Tx, id: string): Promise<ProfileBatchRow | null> {
  const rows = await tx
    .select()
    .from(profileBatches)
    .where(and(ofTenant(), eq(profileBatches.id, id)))
    .limit(1)
    .for('update');
  return rows[0] ?? null;
}

export async function updateBatch(
  tx: Tx,
  id: string,
  values: Partial<typeof profileBatches.$inferInsert>,
  attempt?: number,
): Promise<boolean> {
  const rows = await tx
    .update(profileBatches)
    .set(values)
    .where(
      and(
        ofTenant(),
        eq(profileBatches.id, id),
        attempt === undefined ? undefined : eq(profileBatches.attempt, attempt),
        eq(profileBatches.status, 'processing'),
      ),
    )
    .returning({ id: profileBatches.id });
  return rows.length > 0;
}

export async function insertChunk(
  tx: Tx,
  row: { tenantId: string; batchId: string; attempt: number; seq: number; bytes: Buffer },
): Promise<void> {
  await tx.insert(profileBatchChunks).values(row);
}

/** Chunks of every run but `attempt` (a run that was killed, or all of them with attempt -1). */
export async function deleteChunksExcept(tx: Tx, batchId: string, attempt: number): Promise<void> {
  await tx
    .delete(profileBatchChunks)
    .where(
      and(
        eq(profileBatchChunks.tenantId, currentTenantId()),
        eq(profileBatchChunks.batchId, batchId),
        ne(profileBatchChunks.attempt, attempt),
      ),
    );
}

/** `n` chunks of the run from `fromSeq` on, in order (the download fetches a few per query). */
export async function findChunks(
  tx: Tx,
  batchId: string,
  attempt: number,
  fromSeq: number,
  n: number,
): Promise<Buffer[]> {
  const rows = await tx
    .select({ bytes: profileBatchChunks.bytes })
    .from(profileBatchChunks)
    .where(
      and(
        eq(profileBatchChunks.tenantId, currentTenantId()),
        eq(profileBatchChunks.batchId, batchId),
        eq(profileBatchChunks.attempt, attempt),
        gte(profileBatchChunks.seq, fromSeq),
        lt(profileBatchChunks.seq, fromSeq + n),
      ),
    )
    .orderBy(asc(profileBatchChunks.seq));
  return rows.map((r) => Buffer.from(r.bytes)); // PGlite returns a Uint8Array for bytea
}

/** As owner, across tenants: batches left 処理中 by a process that stopped. */
export function findProcessingBatches(db: Db): Promise<{ tenantId: string; id: string }[]> {
  return db
    .select({ tenantId: profileBatches.tenantId, id: profileBatches.id })
    .from(profileBatches)
    .where(eq(profileBatches.status, 'processing'));
}

/**
 * As owner, across tenants: finished ZIPs past their expiry become 期限切れ, and the chunks of every batch
 * that has no result to offer (expired, failed) are dropped. Returns how many batches expired.
 */
export async function expireBatches(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(profileBatches)
      .set({ status: 'expired' })
      .where(and(eq(profileBatches.status, 'succeeded'), lte(profileBatches.expiresAt, now)))
      .returning({ id: profileBatches.id });
    const dead = tx
      .select({ id: profileBatches.id })
      .from(profileBatches)
      .where(inArray(profileBatches.status, ['expired', 'failed']));
    await tx.delete(profileBatchChunks).where(inArray(profileBatchChunks.batchId, dead));
    return expired.length;
  });
}
