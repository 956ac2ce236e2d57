// Training alone (a PostgreSQL deployment of its own): the kit's boot, the app, listen.
import { serveAlone } from '@jinji/server-kit/run-apps';
import { servedTraining } from './app';
import { loadTrainingConfig } from './config';
import { trainingDatabase } from './db/database';

await serveAlone(loadTrainingConfig(), trainingDatabase, servedTraining);
