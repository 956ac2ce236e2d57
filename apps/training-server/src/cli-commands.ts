// Training's CLI commands, for its own entry (cli.ts) and the composition root's (scripts/jinji.ts, as
// `training:<command>`). Each feature owns its command; this is the table.
import { type CliCommands, migrateCommand } from '@jinji/server-kit/cli';
import type { TrainingDb } from './db/database';
import { organisationCreateCommand } from './features/organisations/organisations.cli';

export const trainingCommands: CliCommands<TrainingDb> = {
  migrate: migrateCommand('研修申込システムのマイグレーションを適用しました'),
  'organisation:create': organisationCreateCommand,
};
