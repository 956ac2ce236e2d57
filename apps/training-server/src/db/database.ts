// Training's binding of the kit's database (decision 009): schema `training`, tenant column
// organisation_id, app role jinji_training_app, request login jinji_trn_<oid>, its own migrations.
import path from 'node:path';
import { type AppDatabaseSpec, bindDatabase, type Database, type Engine, type Tx } from '@jinji/db/client';
import { type MigrateOptions, migrateDatabase } from '@jinji/db/migrate';
import * as tables from './schema/index';

export type TrainingDb = Database<typeof tables>;
export type TrainingTx = Tx<typeof tables>;

export const trainingDatabaseSpec: AppDatabaseSpec<typeof tables> = {
  tables,
  schema: 'training',
  tenantColumn: 'organisation_id',
  appRole: 'jinji_training_app',
  requestLogin: { rolePrefix: 'jinji_trn_', table: 'request_login' },
  searchPath: 'training',
};

/** Training's migrations create no extension: PGlite needs none for it. */
export const trainingPgliteExtensions = {};

export const trainingMigrations: MigrateOptions = {
  migrationsFolder: path.join(import.meta.dirname, 'migrations'),
  migrationsSchema: 'training_drizzle',
  migrationsTable: '__drizzle_migrations',
  lockKey: 7_345_101,
};

export const bindTraining = (engine: Engine, opts?: { ownsEngine?: boolean }): TrainingDb =>
  bindDatabase(engine, trainingDatabaseSpec, opts);

export const migrateTraining = (db: TrainingDb, opts: Partial<MigrateOptions> = {}) =>
  migrateDatabase(db, { ...trainingMigrations, ...opts });
