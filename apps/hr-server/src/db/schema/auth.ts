import { loginThrottleColumns, ofTenantUser, passwordLinkColumns, sessionColumns } from '@jinji/db/auth-columns';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './columns';

export const userAccounts = pgTable(
  'user_accounts',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    loginId: text('login_id').notNull(),
    email: text('email'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    isDisabled: boolean('is_disabled').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    employeeId: uuid('employee_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('user_accounts_login_id_uq').on(t.tenantId, t.loginId),
    // the list's login IDs per page: without it a tenant of 50,000 accounts is scanned whole per page
    index('user_accounts_employee_idx').on(t.tenantId, t.employeeId),
  ],
);

export const passwordHistory = pgTable(
  'password_history',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    userId: uuid('user_id').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('password_history_user_idx').on(t.tenantId, t.userId, t.createdAt),
    ofTenantUser([t.tenantId, t.userId], [userAccounts.tenantId, userAccounts.id]),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tenantId: tenantIdColumn(),
    ...sessionColumns(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.idHash] }),
    index('sessions_user_idx').on(t.tenantId, t.userId),
    ofTenantUser([t.tenantId, t.userId], [userAccounts.tenantId, userAccounts.id]),
  ],
);

export const roleMembers = pgTable(
  'role_members',
  {
    tenantId: tenantIdColumn(),
    role: text('role').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.role, t.userId] }),
    index('role_members_user_idx').on(t.tenantId, t.userId),
    ofTenantUser([t.tenantId, t.userId], [userAccounts.tenantId, userAccounts.id]),
  ],
);

// One row per tenant; no row = the minimum defaults (seed 初期設定(1)).
export const passwordPolicies = pgTable('password_policies', {
  tenantId: tenantIdColumn().primaryKey(),
  minLength: integer('min_length').notNull(),
  minUppercase: integer('min_uppercase').notNull(),
  minLowercase: integer('min_lowercase').notNull(),
  minDigits: integer('min_digits').notNull(),
  minSymbols: integer('min_symbols').notNull(),
  forbidLoginId: boolean('forbid_login_id').notNull(),
  expiryDays: integer('expiry_days'),
  reuseCount: integer('reuse_count'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

// Login throttling (decision 004 "Lockout"): the auth kit's columns (packages/db/auth-columns).
export const loginThrottles = pgTable(
  'login_throttles',
  { tenantId: tenantIdColumn(), ...loginThrottleColumns() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.source] }),
    ofTenantUser([t.tenantId, t.userId], [userAccounts.tenantId, userAccounts.id]),
  ],
);

// One-time password links (decision 010, 012): アカウント通知 and パスワードを忘れた方; the kit's columns.
export const passwordLinks = pgTable(
  'password_links',
  { tenantId: tenantIdColumn(), ...passwordLinkColumns() },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    index('password_links_user_idx').on(t.tenantId, t.userId),
    ofTenantUser([t.tenantId, t.userId], [userAccounts.tenantId, userAccounts.id]),
  ],
);
