// Who changed what: append-only for the app role (table comment, migration 0001).
import { sql } from 'drizzle-orm';
import { index, jsonb, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { organisationId, stamp, training } from './organisations';

export const auditLogs = training.table(
  'audit_logs',
  {
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    organisationId: organisationId(),
    action: text('action').notNull(),
    at: stamp('at').notNull().defaultNow(),
    targetType: text('target_type').notNull(),
    /** the user's id, or null for the system (the lockout, the CLI) */
    actorUserId: uuid('actor_user_id'),
    targetId: text('target_id'),
    before: jsonb('before'),
    /** 'user:<login ID>', 'system:login-lockout', 'system:cli-demo', 'service:<token id>' */
    actorLabel: text('actor_label').notNull(),
    after: jsonb('after'),
  },
  (t) => [
    // the tenant column leads the key (Citus co-location, #14)
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('audit_logs_target_idx').on(t.organisationId, t.targetType, t.targetId),
  ],
);
