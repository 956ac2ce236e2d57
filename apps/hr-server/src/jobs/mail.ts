// HR's mail sender: the kit's outbox worker (packages/mail, decision 010) over HR's table and pg-boss.
import { type MailLog, type MailWorker, type MailWorkerOptions, startMailWorker } from '@jinji/mail/worker';
import type PgBoss from 'pg-boss';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { mailOutbox } from '../db/schema/index';

/** `tuning`: tests shorten the backoff */
export const startHrMail = (
  boss: PgBoss,
  db: Database,
  config: Pick<Config, 'mail'>,
  log: MailLog,
  tuning: Pick<MailWorkerOptions, 'backoffSeconds' | 'maxAttempts'> = {},
): Promise<MailWorker> => startMailWorker({ boss, owner: db.owner, table: mailOutbox, ...config.mail, log, ...tuning });
