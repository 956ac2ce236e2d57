// Training's pg-boss, in its own schema; no jobs yet (the next issue adds them).
import { startBoss } from '@jinji/jobs/boss';
import type { TrainingDb } from './db/database';

export const startTrainingJobs = (db: TrainingDb, onError: (err: Error) => void) =>
  startBoss(db.engine, { schema: 'pgboss_training', onError });
