import { uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants';

/** The column every tenant-owned table leads its key with (row-level security keys on it). */
export const tenantIdColumn = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id);
