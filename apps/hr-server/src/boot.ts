// HR's boot for every entry point (server.ts, cli.ts): the kit's boot with HR's database layer and
// migrations. The one place that names the database functions.

import { acquireDataDirLock } from '@jinji/db/data-dir-lock';
import { bootDatabase } from '@jinji/server-kit/boot';
import type { Config } from './config';
import { openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';

export const hrDatabaseDriver = { openDatabase, acquireDataDirLock };
export const hrMigrations = [migrateDatabase];

export function bootHr(config: Pick<Config, 'databaseUrl' | 'dataDir'>) {
  return bootDatabase(config, hrDatabaseDriver, hrMigrations);
}
