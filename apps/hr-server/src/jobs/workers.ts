// The durable job handlers. Imports are retried after a crash: the first run wrote nothing (one
// transaction), so running it again is safe, and a finished job is skipped.

import { findDatabaseError } from '@jinji/db/errors';
import { AppError } from '@jinji/server-kit/app-error';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { IMPORT_QUEUE, type JobQueue, resumeImports, runImport } from '../features/imports/imports.service';
import {
  cleanUpProfileBatches,
  PROFILE_BATCH_CLEANUP_QUEUE,
  PROFILE_BATCH_QUEUE,
  type ProfileBatchData,
  resumeProfileBatches,
  runProfileBatch,
} from '../features/profile-batch/profile-batch.service';

export async function registerWorkers(boss: PgBoss, db: Database): Promise<JobQueue> {
  await boss.createQueue(IMPORT_QUEUE);
  await boss.work<{ tenantId: string; jobId: string }>(IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    try {
      await runImport(db, job!.data);
    } catch (error) {
      // pg-boss keeps a failed run's error in pgboss.job.output, outside every tenant and RLS: it gets
      // the code and the job id only, never the message (a database error quotes the rows).
      const code = findDatabaseError(error)?.code ?? (error instanceof AppError ? error.code : 'INTERNAL');
      throw new Error(`import ${job!.data.jobId} failed: ${code}`);
    }
  });
  // 個人プロフィール一括出力: a failed run marks the batch 失敗 itself (no retry of a half-written ZIP); a run
  // a stopped process left behind is resumed at start and starts over
  await boss.createQueue(PROFILE_BATCH_QUEUE);
  await boss.work<ProfileBatchData>(PROFILE_BATCH_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    try {
      await runProfileBatch(db, job!.data);
    } catch (error) {
      const code = findDatabaseError(error)?.code ?? (error instanceof AppError ? error.code : 'INTERNAL');
      throw new Error(`profile batch ${job!.data.batchId} failed: ${code}`);
    }
  });
  await boss.createQueue(PROFILE_BATCH_CLEANUP_QUEUE);
  await boss.work(PROFILE_BATCH_CLEANUP_QUEUE, async () => {
    await cleanUpProfileBatches(db);
  });
  await boss.schedule(PROFILE_BATCH_CLEANUP_QUEUE, '17 * * * *', {});
  const queue: JobQueue = {
    send: (name, data) =>
      name === PROFILE_BATCH_QUEUE
        ? boss.send(name, data, { retryLimit: 0, expireInSeconds: 3600 })
        : boss.send(name, data, { retryLimit: 2, retryDelay: 5, expireInSeconds: 1800 }),
  };
  // pg-boss would retry a crashed run only when it expires (30 min); resume at once instead
  await resumeImports(db, queue);
  await resumeProfileBatches(db, queue);
  return queue;
}
