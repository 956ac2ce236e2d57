// SCIM provisioning tokens (R-TRN-4, decision 009): a 契約組織 issues HR (or any SCIM client) a bearer
// token; only sha256 of its random part is stored, so a leaked table opens nothing. Revoked tokens stay
// as rows (who issued what, when it was last used); a rotation revokes one and issues the next.
import { sql } from 'drizzle-orm';
import { primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { organisationId, stamp, training } from './organisations';

export const scimTokens = training.table(
  'scim_tokens',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** sha256 hex of the token's random part (auth kit hashSecret) */
    tokenHash: text('token_hash').notNull(),
    /** what the administrator called it (e.g. 人事管理システム) */
    label: text('label').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    /** written at most once a minute by the lookup */
    lastUsedAt: stamp('last_used_at'),
    revokedAt: stamp('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique('scim_tokens_hash_uq').on(t.organisationId, t.tokenHash),
  ],
);
