// 個人プロフィール一括出力 (decision 021). The ZIP is kept in the database in 1 MiB chunks, not on a local
// disk: any app process may run the job or serve the download, on PGlite and on PostgreSQL alike. Chunks
// carry the run's `attempt`: a run killed mid-way leaves chunks of an attempt the job no longer names,
// which are never served and are dropped by the next run or the cleanup.
import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './columns';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const stamp = (name: string) => timestamp(name, { withTimezone: true });

export const profileBatches = pgTable(
  'profile_batches',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** the user who started it: the only one who sees it */
    actorId: uuid('actor_id').notNull(),
    actorLoginId: text('actor_login_id'),
    /** the starter's roles when it was started: the job prints what the starter could */
    actorRoles: jsonb('actor_roles').$type<string[]>().notNull(),
    /** resolved at start (ids or the search re-run), in 社員番号 order */
    employeeIds: jsonb('employee_ids').$type<string[]>().notNull(),
    overrides: jsonb('overrides').$type<Record<string, unknown>>(),
    status: text('status').notNull().default('processing'),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    skippedNumbers: jsonb('skipped_numbers').$type<string[]>().notNull().default([]),
    /** the run whose chunks are the result; a new run increments it */
    attempt: integer('attempt').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }),
    createdAt: stamp('created_at').notNull().defaultNow(),
    finishedAt: stamp('finished_at'),
    expiresAt: stamp('expires_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('profile_batches_expires_idx').on(t.status, t.expiresAt)],
);

export const profileBatchChunks = pgTable(
  'profile_batch_chunks',
  {
    tenantId: tenantIdColumn(),
    batchId: uuid('batch_id').notNull(),
    attempt: integer('attempt').notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.batchId, t.attempt, t.seq] })],
);
