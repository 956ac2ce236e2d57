// npm run jinji -- training:<command> runs these with HR; this entry runs them for training alone.
import { bootDatabase } from '@jinji/server-kit/boot';
import { runCli, runCommand, usageOf } from '@jinji/server-kit/cli';
import { trainingCommands } from './cli-commands';
import { loadTrainingConfig } from './config';
import { trainingDatabase as database } from './db/database';

await runCli(usageOf('使い方（研修申込システム）:', trainingCommands), async (command, rest) => {
  const { db, close } = await bootDatabase(loadTrainingConfig(), database.driver, [database.migrate]);
  await runCommand(trainingCommands, db, command, rest).finally(close);
});
