// One app's database in one declaration (decision 009): its spec (schema, tenant column, roles), the
// PGlite extensions its migrations create and its migrations (folder, bookkeeping, lock key). From it
// come what every entry point and test needs: bind to a shared engine, migrate, open alone, and the
// driver the server kit's boot takes. An app's db module is this call and its types, nothing else.
import type { Extensions } from '@electric-sql/pglite';
import { type AppDatabaseSpec, bindDatabase, type Database, type Engine, openDatabase, type Tables } from './client';
import { acquireDataDirLock } from './data-dir-lock';
import { type MigrateOptions, migrateDatabase } from './migrate';

export type AppDatabaseDefinition<S extends Tables> = AppDatabaseSpec<S> & {
  /** the extensions the app's migrations create: PGlite must load them when it opens */
  extensions?: Extensions;
  migrations: MigrateOptions;
};

/**
 * An app in a schema of its own (not `public`) resolves its unqualified names there and keeps drizzle's
 * bookkeeping in `<schema>_drizzle`, apart from every other app's; either can still be named.
 */
function withSchemaDefaults<S extends Tables>(definition: AppDatabaseDefinition<S>): AppDatabaseDefinition<S> {
  if (definition.schema === 'public') return definition;
  return {
    ...definition,
    searchPath: definition.searchPath ?? definition.schema,
    migrations: { migrationsSchema: `${definition.schema}_drizzle`, ...definition.migrations },
  };
}

export type AppDatabase<S extends Tables> = {
  spec: AppDatabaseSpec<S>;
  extensions: Extensions;
  migrations: MigrateOptions;
  bind(engine: Engine, opts?: { ownsEngine?: boolean; poolSize?: number }): Database<S>;
  migrate(db: Database<S>, opts?: Partial<MigrateOptions>): Promise<void>;
  /** the app alone on its own engine (PGlite in `dataDir`, or PostgreSQL at `databaseUrl`) */
  open(opts: { databaseUrl?: string; dataDir?: string }): Promise<Database<S>>;
  /** what server-kit's bootDatabase takes */
  driver: {
    openDatabase(opts: { databaseUrl: string | undefined; dataDir: string }): Promise<Database<S>>;
    acquireDataDirLock(dataDir: string): () => void;
  };
};

export function defineAppDatabase<S extends Tables>(definition: AppDatabaseDefinition<S>): AppDatabase<S> {
  const { extensions = {}, migrations, ...spec } = withSchemaDefaults(definition);
  const open = (opts: { databaseUrl?: string; dataDir?: string }) => openDatabase({ ...opts, extensions }, spec);
  return {
    spec,
    extensions,
    migrations,
    bind: (engine, opts) => bindDatabase(engine, spec, opts),
    migrate: (db, opts = {}) => migrateDatabase(db, { ...migrations, ...opts }),
    open,
    driver: { openDatabase: open, acquireDataDirLock },
  };
}
