// 応対記録 (R-REC-1): a record about one or more employees (対象者) with optional sources (報告者/情報源),
// a 大区分/小区分 from the masters, and — with a 対応期限 and not completed — an open task for a 担当者.
// `is_sensitive` is decided when written from the category (健康状態・プライベート情報), so renaming a
// category never exposes its records. `search_text` is タイトル and 内容 folded by toSearchForm.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { userAccounts } from './auth';
import { tenantIdColumn } from './columns';
import { employees } from './employees';
import { masterItems } from './masters';

const stamp = (name: string) => timestamp(name, { withTimezone: true });

export const records = pgTable(
  'records',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    categoryId: uuid('category_id').notNull(),
    subcategoryId: uuid('subcategory_id'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    recordedOn: date('recorded_on').notNull(),
    dueOn: date('due_on'),
    completedAt: stamp('completed_at'),
    completedBy: uuid('completed_by'),
    assigneeUserId: uuid('assignee_user_id'),
    isSensitive: boolean('is_sensitive').notNull().default(false),
    /** the day the 前日 reminder mail was written; cleared when the 対応期限 or 担当者 changes */
    reminderSentOn: date('reminder_sent_on'),
    createdBy: uuid('created_by'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // 対応記録一覧: 記録日 desc
    index('records_recorded_idx').on(t.tenantId, t.recordedOn, t.id),
    index('records_category_idx').on(t.tenantId, t.categoryId, t.recordedOn),
    // 期限付きタスク: open tasks by 対応期限
    index('records_open_due_idx')
      .on(t.tenantId, t.dueOn)
      .where(sql`${t.completedAt} is null and ${t.dueOn} is not null`),
    // the daily reminder's scan across tenants
    index('records_remind_idx')
      .on(t.dueOn)
      .where(sql`${t.completedAt} is null and ${t.assigneeUserId} is not null and ${t.reminderSentOn} is null`),
    foreignKey({ columns: [t.tenantId, t.categoryId], foreignColumns: [masterItems.tenantId, masterItems.id] }),
    foreignKey({ columns: [t.tenantId, t.subcategoryId], foreignColumns: [masterItems.tenantId, masterItems.id] }),
    foreignKey({
      columns: [t.tenantId, t.assigneeUserId],
      foreignColumns: [userAccounts.tenantId, userAccounts.id],
    }),
    check('records_title_ck', sql`char_length(${t.title}) between 1 and 200`),
    check('records_body_ck', sql`char_length(${t.body}) <= 10000`),
    check('records_due_ck', sql`${t.dueOn} is null or ${t.dueOn} >= ${t.recordedOn}`),
  ],
);

/** 対象者 (target) and 報告者/情報源 (reporter) of a record, in the order they were chosen. */
export const recordPeople = pgTable(
  'record_people',
  {
    tenantId: tenantIdColumn(),
    recordId: uuid('record_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    role: text('role').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.recordId, t.role, t.employeeId] }),
    // an employee's records (the tab, the profile sheet): one index range per employee and role
    index('record_people_employee_idx').on(t.tenantId, t.employeeId, t.role, t.recordId),
    foreignKey({ columns: [t.tenantId, t.recordId], foreignColumns: [records.tenantId, records.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }).onDelete(
      'cascade',
    ),
    check('record_people_role_ck', sql`${t.role} in ('target','reporter')`),
  ],
);
