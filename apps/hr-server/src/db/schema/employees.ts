import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  type PgColumnBuilderBase,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './columns';
import { masterItems } from './masters';

// The employee core (R-EMP-1). Employment status is derived from hire/retirement date and today,
// never stored. `search_text` holds the searchable names in normalised form (toSearchForm, @jinji/ja/text).
export const employees = pgTable(
  'employees',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    employeeNumber: text('employee_number'),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    lastNameKana: text('last_name_kana').notNull(),
    firstNameKana: text('first_name_kana').notNull(),
    businessLastName: text('business_last_name'),
    businessFirstName: text('business_first_name'),
    birthDate: date('birth_date').notNull(),
    gender: text('gender').notNull(),
    hireDate: date('hire_date').notNull(),
    retirementDate: date('retirement_date'),
    email: text('email'),
    systemUseStartDate: date('system_use_start_date'),
    postalCode: text('postal_code'),
    prefecture: text('prefecture'),
    city: text('city'),
    street: text('street'),
    building: text('building'),
    phone: text('phone'),
    mobilePhone: text('mobile_phone'),
    isStartupTarget: boolean('is_startup_target').notNull().default(false),
    /** 従業員スタートアップ completed by the employee (【この内容で登録する】); the flag is then cleared */
    startupCompletedAt: timestamp('startup_completed_at', { withTimezone: true }),
    /** アカウント通知日: when the last アカウント通知 mail was written for this employee */
    accountNotifiedAt: timestamp('account_notified_at', { withTimezone: true }),
    searchText: text('search_text').notNull().default(''),
    kanaSort: text('kana_sort').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('employees_number_uq').on(t.tenantId, t.employeeNumber),
    index('employees_kana_idx').on(t.tenantId, t.kanaSort, t.id),
    index('employees_hire_idx').on(t.tenantId, t.hireDate, t.id),
    index('employees_created_idx').on(t.tenantId, t.createdAt, t.id),
    // 従業員一覧's 「スタートアップ未完了」 filter: the few employees still to finish
    index('employees_startup_pending_idx').on(t.tenantId, t.id).where(sql`${t.isStartupTarget}`),
    index('employees_search_trgm_idx').using('gin', t.tenantId, sql`${t.searchText} gin_trgm_ops`),
  ],
);

const employeeRef = (t: { tenantId: AnyPgColumn; employeeId: AnyPgColumn }) =>
  foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }).onDelete(
    'cascade',
  );
const masterRef = (tid: AnyPgColumn, col: AnyPgColumn) =>
  foreignKey({ columns: [tid, col], foreignColumns: [masterItems.tenantId, masterItems.id] });

// 所属 history (R-EMP-2): one row per period; the current one is derived from dates.
export const employeeAssignments = pgTable(
  'employee_assignments',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    employeeId: uuid('employee_id').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    companyId: uuid('company_id'),
    departmentId: uuid('department_id'),
    positionId: uuid('position_id'),
    gradeId: uuid('grade_id'),
    jobTypeId: uuid('job_type_id'),
    locationId: uuid('location_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('employee_assignments_emp_idx').on(t.tenantId, t.employeeId, t.startDate),
    // covers the 所属 filters of the list (department or company, then the period) without heap reads
    index('employee_assignments_dept_idx').on(t.tenantId, t.departmentId, t.employeeId, t.startDate, t.endDate),
    index('employee_assignments_company_idx').on(t.tenantId, t.companyId, t.employeeId, t.startDate, t.endDate),
    employeeRef(t),
    masterRef(t.tenantId, t.companyId),
    masterRef(t.tenantId, t.departmentId),
    masterRef(t.tenantId, t.positionId),
    masterRef(t.tenantId, t.gradeId),
    masterRef(t.tenantId, t.jobTypeId),
    masterRef(t.tenantId, t.locationId),
  ],
);

// 契約 history (R-EMP-2).
export const employeeContracts = pgTable(
  'employee_contracts',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    employeeId: uuid('employee_id').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    employmentTypeId: uuid('employment_type_id'),
    workStyleId: uuid('work_style_id'),
    hiringCategoryId: uuid('hiring_category_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('employee_contracts_emp_idx').on(t.tenantId, t.employeeId, t.startDate),
    employeeRef(t),
    masterRef(t.tenantId, t.employmentTypeId),
    masterRef(t.tenantId, t.workStyleId),
    masterRef(t.tenantId, t.hiringCategoryId),
  ],
);

/** 緊急連絡先 (max 3), 学歴, 職歴, 資格・免許, 障がい, 賞罰 — one table each, ordered by position. */
const subRecord = <T extends Record<string, PgColumnBuilderBase>>(name: string, extra: T) =>
  pgTable(
    name,
    {
      tenantId: tenantIdColumn(),
      id: uuid('id').notNull().default(sql`gen_random_uuid()`),
      employeeId: uuid('employee_id').notNull(),
      position: integer('position').notNull().default(0),
      ...extra,
    },
    (t) => [
      primaryKey({ columns: [t.tenantId, t.id] }),
      index(`${name}_emp_idx`).on(t.tenantId, t.employeeId),
      employeeRef(t),
    ],
  );

export const employeeEmergencyContacts = subRecord('employee_emergency_contacts', {
  name: text('name').notNull(),
  relation: text('relation'),
  phone: text('phone').notNull(),
});
export const employeeEducation = subRecord('employee_education', {
  school: text('school').notNull(),
  faculty: text('faculty'),
  graduatedOn: date('graduated_on'),
});
export const employeeWorkHistory = subRecord('employee_work_history', {
  company: text('company').notNull(),
  role: text('role'),
  fromDate: date('from_date'),
  toDate: date('to_date'),
});
export const employeeLicenses = subRecord('employee_licenses', {
  licenseId: uuid('license_id').notNull(),
  acquiredOn: date('acquired_on'),
});
export const employeeDisabilities = subRecord('employee_disabilities', {
  disabilityTypeId: uuid('disability_type_id').notNull(),
  grade: text('grade'),
});
export const employeeAwards = subRecord('employee_awards', {
  kind: text('kind').notNull(), // 賞 or 罰
  title: text('title').notNull(),
  awardedOn: date('awarded_on'),
});

// 従業員スタートアップ (R-SELF-1): the wizard's answers so far, one draft per employee, kept apart from
// the master until 【この内容で登録する】. `step` is where the employee resumes.
export const startupDrafts = pgTable(
  'startup_drafts',
  {
    tenantId: tenantIdColumn(),
    employeeId: uuid('employee_id').notNull(),
    step: text('step').notNull(),
    data: jsonb('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.employeeId] }), employeeRef(t)],
);

// R-EMP-5 audit trail: append-only for the app role (table comment, see migration 0001).
export const auditLogs = pgTable(
  'audit_logs',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLoginId: text('actor_login_id'),
    action: text('action').notNull(), // create | update | delete | view_sensitive | export
    targetType: text('target_type').notNull(),
    targetId: uuid('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    // set at write time by recordAudit: before/after hold 要配慮個人情報, shown only to roles allowed it
    isSensitive: boolean('is_sensitive').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_logs_at_idx').on(t.tenantId, t.at),
    index('audit_logs_target_idx').on(t.tenantId, t.targetType, t.targetId, t.at),
  ],
);
