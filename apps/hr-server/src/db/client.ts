// HR's binding of the kit's database (packages/db): its drizzle schema in `public`, the app role
// jinji_app and the request login jinji_req_<oid> (decisions 002, 008, 009).
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  type AppDatabaseSpec,
  bindDatabase,
  type Database as KitDatabase,
  type Db as KitDb,
  type Tx as KitTx,
  openDatabase as openKitDatabase,
  openPgliteEngine,
  openPostgresEngine,
} from '@jinji/db/client';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = KitDb<Schema>;
export type Tx = KitTx<Schema>;
export type Database = KitDatabase<Schema>;

export const hrDatabaseSpec: AppDatabaseSpec<Schema> = {
  tables: schema,
  schema: 'public',
  tenantColumn: 'tenant_id',
  appRole: 'jinji_app',
  requestLogin: { rolePrefix: 'jinji_req_', table: 'jinji_request_login' },
};

/** The extensions HR's migrations create: PGlite must load them when it opens. */
export const hrPgliteExtensions = { pg_trgm, btree_gin };

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const engine = await openPgliteEngine({ dataDir, extensions: hrPgliteExtensions });
  return bindDatabase(engine, hrDatabaseSpec, { ownsEngine: true });
}

export function openPostgres(connectionString: string, poolSize?: number): Database {
  return bindDatabase(openPostgresEngine(connectionString, poolSize), hrDatabaseSpec, { ownsEngine: true });
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  return openKitDatabase({ ...opts, extensions: hrPgliteExtensions }, hrDatabaseSpec);
}
