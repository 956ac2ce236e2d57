// HR's pg-boss, in schema pgboss, through the kit (packages/jobs).
import { startBoss } from '@jinji/jobs/boss';
import type { Database } from '../db/client';

export const HR_JOBS_SCHEMA = 'pgboss';

export const startJobs = (db: Database, onError: (err: Error) => void) =>
  startBoss(db.engine, { schema: HR_JOBS_SCHEMA, onError });
