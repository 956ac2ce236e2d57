// HR's test template: its migrations, applied once per test run (global-setup.ts); every file gets a clone.
import { bindDatabase } from '@jinji/db/client';
import type { TestTemplate } from '@jinji/test-kit/database';
import { hrDatabaseSpec, hrPgliteExtensions } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';

export const hrTestTemplate: TestTemplate = {
  name: 'hr',
  extensions: hrPgliteExtensions,
  apps: [hrDatabaseSpec],
  build: (engine) => migrateDatabase(bindDatabase(engine, hrDatabaseSpec), { provisionRequestLogin: false }),
};
