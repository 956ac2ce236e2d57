// Applies the committed migrations in code (drizzle-kit's migrate cannot load PGlite), then secures
// every tenant table. On PostgreSQL an advisory lock lets several processes start at once.
import path from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './client';

const migrationsFolder = path.join(import.meta.dirname, 'migrations');
const LOCK_KEY = 7_345_001;

export async function migrateDatabase(db: Database): Promise<void> {
  if (db.kind === 'pglite') {
    // biome-ignore lint/suspicious/noExplicitAny: the two drizzle flavours share the migrator contract
    await migratePglite(db.owner as any, { migrationsFolder });
    await db.executeSql('select jinji_secure_tenant_tables()');
    return;
  }
  // The lock is per connection, so it is held on a client of its own.
  const lock = new pg.Client({ connectionString: (db.jobConnection as { connectionString: string }).connectionString });
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(${LOCK_KEY})`);
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await migrateNodePg(db.owner as any, { migrationsFolder });
    await db.executeSql('select jinji_secure_tenant_tables()');
  } finally {
    await lock.end();
  }
}
