// 利用者, their sessions and login throttles (what the auth kit's ThrottleStore keeps).
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, foreignKey, integer, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { organisationId, stamp, training } from './organisations';

/** 一般 / 承認者 / 管理者 */
export const SYSTEM_ROLES = ['general', 'approver', 'admin'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

export const users = training.table(
  'users',
  {
    loginId: text('login_id').notNull(),
    organisationId: organisationId(),
    passwordChangedAt: stamp('password_changed_at'),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    displayName: text('display_name').notNull(),
    disabledAt: stamp('disabled_at'),
    nameKana: text('name_kana'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    email: text('email'),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
    systemRole: text('system_role', { enum: SYSTEM_ROLES }).notNull().default('general'),
    passwordHash: text('password_hash'),
    departmentName: text('department_name'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique('users_login_id_uq').on(t.organisationId, t.loginId),
  ],
);

const ofUser = (t: { organisationId: AnyPgColumn; userId: AnyPgColumn }) =>
  foreignKey({ columns: [t.organisationId, t.userId], foreignColumns: [users.organisationId, users.id] }).onDelete(
    'cascade',
  );

export const sessions = training.table(
  'sessions',
  {
    /** sha256 of the cookie's random part */
    idHash: text('id_hash').notNull(),
    expiresAt: stamp('expires_at').notNull(),
    organisationId: organisationId(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    userId: uuid('user_id').notNull(),
    lastSeenAt: stamp('last_seen_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.idHash] }), ofUser(t)],
);

export const loginThrottles = training.table(
  'login_throttles',
  {
    /** the client's IP (/64 for IPv6), or '*' for the account-wide row */
    source: text('source').notNull(),
    failures: integer('failures').notNull().default(0),
    organisationId: organisationId(),
    lockedUntil: stamp('locked_until'),
    userId: uuid('user_id').notNull(),
    windowStartedAt: stamp('window_started_at').notNull().defaultNow(),
    lastSuccessAt: stamp('last_success_at'),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId, t.source] }), ofUser(t)],
);
