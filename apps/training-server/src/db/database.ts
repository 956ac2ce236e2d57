// Training's database (decision 009): schema `training` (its names and drizzle's bookkeeping there), tenant
// column organisation_id, app role jinji_training_app, request login jinji_trn_<oid>, its own migrations;
// no extension (PGlite needs none).
import path from 'node:path';
import { defineAppDatabase } from '@jinji/db/app';
import type { Database, Tx } from '@jinji/db/client';
import * as tables from './schema/index';

export type TrainingDb = Database<typeof tables>;
export type TrainingTx = Tx<typeof tables>;

export const trainingDatabase = defineAppDatabase({
  tables,
  schema: 'training',
  tenantColumn: 'organisation_id',
  appRole: 'jinji_training_app',
  requestLogin: { rolePrefix: 'jinji_trn_', table: 'request_login' },
  migrations: { migrationsFolder: path.join(import.meta.dirname, 'migrations'), lockKey: 7_345_101 },
});
