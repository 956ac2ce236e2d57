// The durable job handlers. Imports are retried after a crash: the first run wrote nothing (one
// transaction), so running it again is safe, and a finished job is skipped.

import { findDatabaseError, isDatabaseUnavailable } from '@jinji/db/errors';
import { AppError } from '@jinji/server-kit/app-error';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import {
  IMPORT_QUEUE,
  type JobQueue,
  resumeImports,
  resumeOrphanedImports,
  runImport,
} from '../features/imports/imports.service';
import {
  cleanUpProfileBatches,
  PROFILE_BATCH_CLEANUP_QUEUE,
  PROFILE_BATCH_QUEUE,
  type ProfileBatchData,
  resumeProfileBatches,
  runProfileBatch,
} from '../features/profile-batch/profile-batch.service';
import { HR_JOBS_SCHEMA } from './boss';

/** each minute: 処理中 imports that no pg-boss job will run are queued again (#14 item 2) */
export const IMPORT_SWEEP_QUEUE = 'employee-import-sweep';

/**
 * Runs `run` again while the database is out of reach (a restart, terminated connections), for up to
 * `budgetMs`: the run is idempotent, and pg-boss's own retry would need the database to record the
 * failure first — a failure it cannot record leaves the job active until it expires (30 min).
 */
export async function runUntilReachable<T>(run: () => Promise<T>, budgetMs = 120_000): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
    try {
      return await run();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + delay > deadline) throw error;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export async function registerWorkers(boss: PgBoss, db: Database): Promise<JobQueue> {
  await boss.createQueue(IMPORT_QUEUE);
  await boss.work<{ tenantId: string; jobId: string }>(IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
    try {
      await runUntilReachable(() => runImport(db, job!.data));
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
  // an upload whose send failed after its commit, a run whose retries an outage used up: no restart needed
  await boss.createQueue(IMPORT_SWEEP_QUEUE);
  await boss.work(IMPORT_SWEEP_QUEUE, async () => {
    await resumeOrphanedImports(db, queue, HR_JOBS_SCHEMA);
  });
  await boss.schedule(IMPORT_SWEEP_QUEUE, '* * * * *');
  await resumeProfileBatches(db, queue);
  return queue;
}
