// The composition root (decision 009): the one place that knows both apps. One engine for the process
// (PGlite: the union of both apps' extensions under one data-directory lock; PostgreSQL: one owner
// pool), HR and training bound to it, both migrated.
import { openEngine } from '@jinji/db/client';
import { acquireDataDirLock } from '@jinji/db/data-dir-lock';
import { bootDatabase } from '@jinji/server-kit/boot';
import { loadConfig as loadHrConfig } from '../apps/hr-server/src/config';
import { type Database as HrDb, hrDatabase } from '../apps/hr-server/src/db/client';
import { loadTrainingConfig } from '../apps/training-server/src/config';
import { type TrainingDb, trainingDatabase } from '../apps/training-server/src/db/database';

/** Every app's database, in migration order: what `npm start` puts on one engine (and the catalog test). */
export const APP_DATABASES = [hrDatabase, trainingDatabase] as const;

type Bound = { kind: 'pglite' | 'postgres'; hr: HrDb; training: TrainingDb; close(): Promise<void> };

export async function bootBoth(env: NodeJS.ProcessEnv = process.env) {
  const hrConfig = loadHrConfig(env);
  const trainingConfig = loadTrainingConfig(env);
  const extensions = Object.assign({}, ...APP_DATABASES.map((app) => app.extensions));
  const openDatabase = async (opts: { databaseUrl: string | undefined; dataDir: string }): Promise<Bound> => {
    const engine = await openEngine({ ...opts, extensions });
    const hr = hrDatabase.bind(engine);
    const training = trainingDatabase.bind(engine);
    const close = async () => {
      await Promise.all([hr.close(), training.close()]);
      await engine.close();
    };
    return { kind: engine.kind, hr, training, close };
  };
  const migrations = [(b: Bound) => hrDatabase.migrate(b.hr), (b: Bound) => trainingDatabase.migrate(b.training)];
  const { db, close } = await bootDatabase(hrConfig, { openDatabase, acquireDataDirLock }, migrations);
  return { ...db, close, hrConfig, trainingConfig };
}
