// 契約組織: the training system's tenant. RLS on `id` itself (migration 0001), as HR's tenants.
import { sql } from 'drizzle-orm';
import { pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const training = pgSchema('training');

export const organisations = training.table('organisations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  /** 組織コード, typed on the login form */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The tenant column of every training table (the kit's RLS keys on it). */
export const organisationId = () =>
  uuid('organisation_id')
    .notNull()
    .references(() => organisations.id);

export const stamp = (name: string) => timestamp(name, { withTimezone: true });
