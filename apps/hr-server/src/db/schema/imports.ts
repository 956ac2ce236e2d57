import type { TMessageParam } from '@jinji/ja/messages';
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './columns';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

// 取込履歴 (R-IMP-3). The uploaded file lives in the database, not on a local disk: any app process can
// run the job. It is stored in 1 MiB chunks (import_file_chunks): one 20 MB bytea value costs the pg
// driver several times its size in buffers on the way in and out. `file` is read for older jobs only.
export const importJobs = pgTable(
  'import_jobs',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    file: bytea('file'),
    status: text('status').notNull().default('processing'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    actorId: uuid('actor_id'),
    actorLoginId: text('actor_login_id'),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsValidated: integer('rows_validated').notNull().default(0),
    rowsWritten: integer('rows_written').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** the text of jobs finished before log_code existed; newer ones store the code (import-messages) */
    log: text('log').notNull().default(''),
    logCode: text('log_code'),
    logParams: jsonb('log_params').$type<Record<string, TMessageParam>>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('import_jobs_started_idx').on(t.tenantId, t.startedAt)],
);

export const importErrors = pgTable(
  'import_errors',
  {
    tenantId: tenantIdColumn(),
    jobId: uuid('job_id').notNull(),
    seq: integer('seq').notNull(),
    row: integer('row').notNull(),
    column: text('column').notNull(),
    /** the text of errors stored before `code` existed (null since: rendered from code + params) */
    message: text('message'),
    code: text('code'),
    params: jsonb('params').$type<Record<string, TMessageParam>>(),
    employeeNumber: text('employee_number'),
    employeeName: text('employee_name'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.jobId, t.seq] })],
);

export const importFileChunks = pgTable(
  'import_file_chunks',
  {
    tenantId: tenantIdColumn(),
    jobId: uuid('job_id').notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.jobId, t.seq] })],
);
