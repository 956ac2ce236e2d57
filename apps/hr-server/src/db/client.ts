// HR's binding of the kit's database (packages/db): its drizzle schema in `public`, the app role
// jinji_app and the request login jinji_req_<oid> (decisions 002, 008, 009).
import path from 'node:path';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { defineAppDatabase } from '@jinji/db/app';
import {
  type Database as KitDatabase,
  type Db as KitDb,
  type Tx as KitTx,
  openPgliteEngine,
  openPostgresEngine,
} from '@jinji/db/client';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = KitDb<Schema>;
export type Tx = KitTx<Schema>;
export type Database = KitDatabase<Schema>;

export const hrDatabase = defineAppDatabase({
  tables: schema,
  schema: 'public',
  tenantColumn: 'tenant_id',
  appRole: 'jinji_app',
  requestLogin: { rolePrefix: 'jinji_req_', table: 'jinji_request_login' },
  // the extensions HR's migrations create: PGlite must load them when it opens
  extensions: { pg_trgm, btree_gin },
  migrations: { migrationsFolder: path.join(import.meta.dirname, 'migrations'), lockKey: 7_345_001 },
});
export const hrDatabaseSpec = hrDatabase.spec;

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const engine = await openPgliteEngine({ dataDir, extensions: hrDatabase.extensions });
  return hrDatabase.bind(engine, { ownsEngine: true });
}

export function openPostgres(connectionString: string, poolSize?: number): Database {
  return hrDatabase.bind(openPostgresEngine(connectionString, poolSize), { ownsEngine: true });
}

export const openDatabase = hrDatabase.open;
