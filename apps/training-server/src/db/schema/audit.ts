// Who changed what: append-only for the app role (table comment, migration 0001).
import { sql } from 'drizzle-orm';
import { jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { organisationId, stamp, training } from './organisations';

export const auditLogs = training.table('audit_logs', {
  organisationId: organisationId(),
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  at: stamp('at').notNull().defaultNow(),
  /** the user's id, or null for the system (the lockout, the CLI) */
  actorUserId: uuid('actor_user_id'),
  actorLabel: text('actor_label').notNull(),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  before: jsonb('before'),
  after: jsonb('after'),
});
