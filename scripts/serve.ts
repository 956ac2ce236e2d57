// npm start's server: HR on PORT (3000) and training on TRAINING_PORT (3100) in one process over one
// engine, each with its job queue; the kit's runApps listens and closes them gracefully.
import { runApps } from '@jinji/server-kit/run-apps';
import { servedHr } from '../apps/hr-server/src/app';
import { trainingApp } from '../apps/training-server/src/app';
import { registerBackupJob, startEmbeddedBackupControl } from './backup';
import { bootBoth } from './compose';

await runApps({
  boot: async () => {
    const both = await bootBoth();
    // `npm run jinji -- backup` of the embedded database is made in this process (decision 022)
    const control = await startEmbeddedBackupControl(both.hrConfig.dataDir, both.hr.engine);
    const close = async () => {
      await control.close();
      await both.close();
    };
    return { db: both, close };
  },
  apps: (both) => [
    servedHr(both.hrConfig, both.hr, {
      registerJobs: (boss) => registerBackupJob(boss, both.hr.engine, both.hrConfig.backup),
    }),
    trainingApp.served(both.trainingConfig, both.training),
  ],
});
