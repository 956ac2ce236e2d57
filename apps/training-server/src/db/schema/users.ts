// 利用者, their sessions and login throttles (the auth kit's stores: their columns are the kit's).

import { SYSTEM_ROLES } from '@jinji/contracts/training/access';
import { loginThrottleColumns, ofTenantUser, passwordLinkColumns, sessionColumns } from '@jinji/db/auth-columns';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, foreignKey, index, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { organisationId, stamp, training } from './organisations';

/** 性別: 男性 / 女性 / その他 / 回答しない (the default of a user HR creates, R-LINK-2) */
export const GENDERS = ['male', 'female', 'other', 'unanswered'] as const;

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
    gender: text('gender', { enum: GENDERS }).notNull().default('unanswered'),
    /** 承認者: the user who approves this user's applications (any 承認者 of the organisation when null) */
    approverId: uuid('approver_id'),
    /** HR's employee key when HR provisions this user (SCIM externalId); unique in the organisation */
    externalId: text('external_id'),
    /** set while HR provisions this user: ログインID, 氏名, 氏名カナ and メールアドレス are then HR's, locked here */
    linkedAt: stamp('linked_at'),
    /** ログインID, 氏名, 氏名カナ and メールアドレス folded (ja/text toSearchForm) for the keyword search */
    searchText: text('search_text').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique('users_login_id_uq').on(t.organisationId, t.loginId),
    unique('users_external_id_uq').on(t.organisationId, t.externalId),
    foreignKey({
      name: 'users_approver_fk',
      columns: [t.organisationId, t.approverId],
      foreignColumns: [t.organisationId, t.id],
    }),
    index('users_approver_idx').on(t.organisationId, t.approverId),
    // the list's order (カナ, then ログインID) per organisation, paged
    index('users_list_idx').on(t.organisationId, t.nameKana, t.loginId),
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

/** One-time password links of 【ログイン情報送付】 (the kit's columns and logic, decision 012). */
export const passwordLinks = training.table(
  'password_links',
  { organisationId: organisationId(), ...passwordLinkColumns() },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.tokenHash] }),
    index('password_links_user_idx').on(t.organisationId, t.userId),
    ofUser(t),
  ],
);
