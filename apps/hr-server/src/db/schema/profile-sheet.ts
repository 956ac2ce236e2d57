// 個人プロフィール出力設定 (R-PROF-1): one row per tenant, the settings as validated JSON (contracts
// ZProfileSettings, read back through the same schema). No row = the defaults.
import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './columns';

export const profileSheetSettings = pgTable('profile_sheet_settings', {
  tenantId: tenantIdColumn().primaryKey(),
  settings: jsonb('settings').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
