// Training alone (a PostgreSQL deployment of its own): the kit's boot, the app, listen.
import { bootDatabase } from '@jinji/server-kit/boot';
import { runApps } from '@jinji/server-kit/run-apps';
import { servedTraining } from './app';
import { loadTrainingConfig } from './config';
import { trainingDatabase as database } from './db/database';

const config = loadTrainingConfig();
const boot = () => bootDatabase(config, database.driver, [database.migrate]);
await runApps({ boot, apps: (db) => [servedTraining(config, db)] });
