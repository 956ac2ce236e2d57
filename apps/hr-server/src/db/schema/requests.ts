// 届出 (R-REQ-1): request types with their approval route, the requests an employee files, one row per
// approval step, attachments (bytea, in the database like import files), the notices both sides see,
// and 所属長 — the head of a department, from whom an employee's 上長 is derived (decision 013).
import type { TRequestField, TRouteStep } from '@jinji/contracts/hr/requests';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  customType,
  date,
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
import { userAccounts } from './auth';
import { tenantIdColumn } from './columns';
import { employees } from './employees';
import { masterItems } from './masters';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
const stamp = (name: string) => timestamp(name, { withTimezone: true });

export const requestTypes = pgTable(
  'request_types',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** address | name | birth_date for the built-in types (they change the master); null: admin-defined */
    builtin: text('builtin'),
    name: text('name').notNull(),
    description: text('description'),
    fields: jsonb('fields').$type<TRequestField[]>().notNull().default([]),
    route: jsonb('route').$type<TRouteStep[]>().notNull(),
    isActive: boolean('is_active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), unique('request_types_builtin_uq').on(t.tenantId, t.builtin)],
);

export const requests = pgTable(
  'requests',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    typeId: uuid('type_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    applicantUserId: uuid('applicant_user_id').notNull(),
    effectiveDate: date('effective_date').notNull(),
    /** pending | returned | withdrawn | scheduled (承認済み・適用待ち) | applied | approved (no master change) */
    status: text('status').notNull().default('pending'),
    currentStep: integer('current_step').notNull().default(1),
    /** the master's values when filed (before) and what is asked (after, or the custom fields' answers) */
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    note: text('note'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    decidedAt: stamp('decided_at'),
    appliedAt: stamp('applied_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('requests_employee_idx').on(t.tenantId, t.employeeId, t.createdAt),
    index('requests_status_idx').on(t.tenantId, t.status, t.effectiveDate),
    // the daily apply job's scan across tenants
    index('requests_scheduled_idx').on(t.effectiveDate).where(sql`${t.status} = 'scheduled'`),
    foreignKey({ columns: [t.tenantId, t.typeId], foreignColumns: [requestTypes.tenantId, requestTypes.id] }),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }).onDelete(
      'cascade',
    ),
  ],
);

const requestRef = (t: { tenantId: AnyPgColumn; requestId: AnyPgColumn }) =>
  foreignKey({ columns: [t.tenantId, t.requestId], foreignColumns: [requests.tenantId, requests.id] }).onDelete(
    'cascade',
  );

export const requestSteps = pgTable(
  'request_steps',
  {
    tenantId: tenantIdColumn(),
    requestId: uuid('request_id').notNull(),
    stepNo: integer('step_no').notNull(),
    /** supervisor (上長) or role */
    kind: text('kind').notNull(),
    role: text('role'),
    /** the 上長's account, resolved when the request is filed */
    approverUserId: uuid('approver_user_id'),
    decision: text('decision'),
    decidedBy: uuid('decided_by'),
    decidedAt: stamp('decided_at'),
    comment: text('comment'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.requestId, t.stepNo] }),
    index('request_steps_approver_idx').on(t.tenantId, t.approverUserId),
    index('request_steps_role_idx').on(t.tenantId, t.role),
    requestRef(t),
  ],
);

export const requestAttachments = pgTable(
  'request_attachments',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    requestId: uuid('request_id').notNull(),
    /** the admin-defined field it answers; null: an attachment of the request itself */
    fieldKey: text('field_key'),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('request_attachments_request_idx').on(t.tenantId, t.requestId),
    requestRef(t),
  ],
);

export const requestNotices = pgTable(
  'request_notices',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    userId: uuid('user_id').notNull(),
    requestId: uuid('request_id').notNull(),
    /** submitted | approved_step | approved | returned | withdrawn | applied */
    kind: text('kind').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    readAt: stamp('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('request_notices_user_idx').on(t.tenantId, t.userId, t.createdAt),
    requestRef(t),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [userAccounts.tenantId, userAccounts.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** 所属長: a department's head approves the 上長 steps of its members' requests. */
export const departmentHeads = pgTable(
  'department_heads',
  {
    tenantId: tenantIdColumn(),
    departmentId: uuid('department_id').notNull(),
    employeeId: uuid('employee_id').notNull(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.departmentId] }),
    foreignKey({
      columns: [t.tenantId, t.departmentId],
      foreignColumns: [masterItems.tenantId, masterItems.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }).onDelete(
      'cascade',
    ),
  ],
);
