// npm start's server: HR on PORT (3000) and training on TRAINING_PORT (3100) in one process over one
// engine, each with its job queue; the kit's runApps listens and closes them gracefully.
import { runApps } from '@jinji/server-kit/run-apps';
import { servedHr } from '../apps/hr-server/src/app';
import { servedTraining } from '../apps/training-server/src/app';
import { bootBoth } from './compose';

await runApps({
  boot: async () => {
    const both = await bootBoth();
    return { db: both, close: both.close };
  },
  apps: (both) => [servedHr(both.hrConfig, both.hr), servedTraining(both.trainingConfig, both.training)],
});
