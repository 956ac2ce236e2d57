// The columns of the auth kit's two stores, the same in every app (packages/auth: sessions, and the
// login throttles of decision 004 "Lockout"). An app spreads them into its own table beside its tenant
// column and keys, so each table stays in the app's schema and migrations.
import { type AnyPgColumn, foreignKey, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true });

/** A session: the token itself is only in the cookie. */
export const sessionColumns = () => ({
  /** sha256 of the random token */
  idHash: text('id_hash').notNull(),
  userId: uuid('user_id').notNull(),
  createdAt: stamp('created_at').notNull().defaultNow(),
  lastSeenAt: stamp('last_seen_at').notNull().defaultNow(),
  expiresAt: stamp('expires_at').notNull(),
});

/**
 * One row per account and source (IP, IPv6 by /64), plus one per account with source '*' for the
 * account-wide hourly count. In the database, not in memory, so that every app process sees the same counts.
 */
export const loginThrottleColumns = () => ({
  userId: uuid('user_id').notNull(),
  /** the client's IP (/64 for IPv6), or '*' for the account-wide row */
  source: text('source').notNull(),
  /** failures (and attempts still being checked) since windowStartedAt */
  failures: integer('failures').notNull().default(0),
  windowStartedAt: stamp('window_started_at').notNull().defaultNow(),
  lockedUntil: stamp('locked_until'),
  /** a source the owner has logged in from: it is not stopped by the account-wide limit */
  lastSuccessAt: stamp('last_success_at'),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});

/** The row belongs to a user of the same tenant, and goes with it: (tenant, user) → users (tenant, id). */
export const ofTenantUser = (tenantAndUser: [AnyPgColumn, AnyPgColumn], users: [AnyPgColumn, AnyPgColumn]) =>
  foreignKey({ columns: tenantAndUser, foreignColumns: users }).onDelete('cascade');

/** アカウント通知 / ログイン情報送付 (notice, 72 h) and パスワード再設定 (reset, 1 h): the one-time links' purposes. */
export const PASSWORD_LINK_PURPOSES = ['notice', 'reset'] as const;

/**
 * A one-time password link (decisions 010, 012): only sha256 of the token's random part is stored; good
 * until expires_at and once (used_at is set with the new password). Key: (tenant, token_hash).
 */
export const passwordLinkColumns = () => ({
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull(),
  purpose: text('purpose', { enum: PASSWORD_LINK_PURPOSES }).notNull(),
  expiresAt: stamp('expires_at').notNull(),
  usedAt: stamp('used_at'),
  createdAt: stamp('created_at').notNull().defaultNow(),
});
