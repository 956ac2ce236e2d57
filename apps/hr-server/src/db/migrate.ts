// HR's migrations (drizzle-kit, committed in ./migrations) through the kit's migrator.
import path from 'node:path';
import { type MigrateOptions, migrateDatabase as migrateKitDatabase } from '@jinji/db/migrate';
import type { Database } from './client';

const hrMigrateOptions: MigrateOptions = {
  migrationsFolder: path.join(import.meta.dirname, 'migrations'),
  lockKey: 7_345_001,
};

export async function migrateDatabase(db: Database, opts: Partial<MigrateOptions> = {}): Promise<void> {
  await migrateKitDatabase(db, { ...hrMigrateOptions, ...opts });
}
