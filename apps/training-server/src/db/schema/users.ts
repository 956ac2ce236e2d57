// 利用者, their sessions and login throttles (the auth kit's stores: their columns are the kit's).

import { loginThrottleColumns, ofTenantUser, sessionColumns } from '@jinji/db/auth-columns';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
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
  ofTenantUser([t.organisationId, t.userId], [users.organisationId, users.id]);

export const sessions = training.table('sessions', { organisationId: organisationId(), ...sessionColumns() }, (t) => [
  primaryKey({ columns: [t.organisationId, t.idHash] }),
  ofUser(t),
]);

export const loginThrottles = training.table(
  'login_throttles',
  { organisationId: organisationId(), ...loginThrottleColumns() },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId, t.source] }), ofUser(t)],
);
