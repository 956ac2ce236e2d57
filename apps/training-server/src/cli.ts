// npm run jinji -- training:<command> runs these with HR; this entry runs them for training alone.
import { bootApp } from '@jinji/server-kit/boot';
import { runAppCli } from '@jinji/server-kit/cli';
import { trainingCommands } from './cli-commands';
import { loadTrainingConfig } from './config';
import { trainingDatabase } from './db/database';

await runAppCli('使い方（研修申込システム）:', trainingCommands, () => bootApp(loadTrainingConfig(), trainingDatabase));
