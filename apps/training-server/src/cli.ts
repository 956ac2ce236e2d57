// npm run jinji -- training:<command> runs these with HR; this entry runs them for training alone.

import { bootDatabase } from '@jinji/server-kit/boot';
import { runCli } from '@jinji/server-kit/cli';
import { runTrainingCommand, TRAINING_USAGE } from './cli-commands';
import { loadTrainingConfig } from './config';
import { trainingDatabase as database } from './db/database';

await runCli(TRAINING_USAGE, async (command, rest) => {
  const { db, close } = await bootDatabase(loadTrainingConfig(), database.driver, [database.migrate]);
  try {
    await runTrainingCommand(db, command, rest);
  } finally {
    await close();
  }
});
