import type { TCodeRule } from '@jinji/contracts/hr/code-settings';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './columns';

// All masters of マスタメンテナンス in one table: they share code/name/order/valid, and employees'
// histories reference them by (tenant_id, id). `kind` says which master a row belongs to.
export const masterItems = pgTable(
  'master_items',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isValid: boolean('is_valid').notNull().default(true),
    companyId: uuid('company_id'),
    parentId: uuid('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('master_items_code_uq').on(t.tenantId, t.kind, t.code),
    index('master_items_list_idx').on(t.tenantId, t.kind, t.sortOrder, t.code),
    index('master_items_company_idx').on(t.tenantId, t.companyId),
    index('master_items_parent_idx').on(t.tenantId, t.parentId),
    foreignKey({ columns: [t.tenantId, t.companyId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    check(
      'master_items_kind_ck',
      sql`${t.kind} in ('company','department','location','employment_type','work_style','hiring_category','position','grade','job_type','license','disability_type','record_category','record_subcategory')`,
    ),
  ],
);

export const codeSettings = pgTable('code_settings', {
  tenantId: tenantIdColumn().primaryKey(),
  loginIdMode: text('login_id_mode').notNull(),
  loginIdRule: jsonb('login_id_rule').$type<TCodeRule | null>(),
  employeeNumberMode: text('employee_number_mode').notNull(),
  employeeNumberRule: jsonb('employee_number_rule').$type<TCodeRule | null>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

// Sequence numbers for generated codes: taken with one atomic UPDATE … RETURNING, so concurrent
// registrations never get the same number (a rolled-back registration leaves a gap, never a repeat).
export const codeSequences = pgTable(
  'code_sequences',
  {
    tenantId: tenantIdColumn(),
    kind: text('kind').notNull(),
    nextValue: bigint('next_value', { mode: 'number' }).notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind] })],
);
