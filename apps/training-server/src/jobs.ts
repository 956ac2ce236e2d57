// Training's pg-boss, in its own schema, and its mail sender (the kit's outbox worker, decision 010).
import { startBoss } from '@jinji/jobs/boss';
import { type MailLog, startMailWorker } from '@jinji/mail/worker';
import type PgBoss from 'pg-boss';
import type { TrainingConfig } from './config';
import type { TrainingDb } from './db/database';
import { mailOutbox } from './db/schema/index';

export const startTrainingJobs = (db: TrainingDb, onError: (err: Error) => void) =>
  startBoss(db.engine, { schema: 'pgboss_training', onError });

export const startTrainingMail = (boss: PgBoss, db: TrainingDb, config: Pick<TrainingConfig, 'mail'>, log: MailLog) =>
  startMailWorker({ boss, owner: db.owner, table: mailOutbox, ...config.mail, log });
