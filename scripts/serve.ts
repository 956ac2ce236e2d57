// npm start's server: HR on PORT (3000) and training on TRAINING_PORT (3100) in one process over one
// engine, each with its job queue; the kit's runServer listens and closes them gracefully.
import { type BootLog, consoleLog, lateLog } from '@jinji/server-kit/logger';
import { runServer } from '@jinji/server-kit/run-server';
import { buildApp } from '../apps/hr-server/src/app';
import { startJobs } from '../apps/hr-server/src/jobs/boss';
import { startHrMail } from '../apps/hr-server/src/jobs/mail';
import { registerWorkers } from '../apps/hr-server/src/jobs/workers';
import { buildTrainingApp } from '../apps/training-server/src/app';
import { startTrainingJobs, startTrainingMail } from '../apps/training-server/src/jobs';
import { bootBoth } from './compose';

const startedAt = performance.now();
const both = await bootBoth();
const { hrConfig, trainingConfig } = both;
let log: BootLog = consoleLog;
const onError = (err: Error) => log.error({ err }, 'job queue error');
const hrJobs = await startJobs(both.hr, onError);
const trainingJobs = await startTrainingJobs(both.training, onError);
const hrMail = await startHrMail(
  hrJobs.boss,
  both.hr,
  hrConfig,
  lateLog(() => log),
);
const trainingMail = await startTrainingMail(
  trainingJobs.boss,
  both.training,
  trainingConfig,
  lateLog(() => log),
);
const hr = await buildApp({
  config: hrConfig,
  db: both.hr,
  jobs: await registerWorkers(hrJobs.boss, both.hr),
  mail: hrMail,
});
const training = await buildTrainingApp({ config: trainingConfig, db: both.training });
log = hr.log;
await runServer({
  apps: [
    { app: hr, port: hrConfig.port, host: hrConfig.host, name: 'jinji' },
    { app: training, port: trainingConfig.port, host: trainingConfig.host, name: 'jinji training' },
  ],
  resources: [
    {
      close: () =>
        Promise.all([hrJobs.stop(), trainingJobs.stop()]).then(() => {
          hrMail.close();
          trainingMail.close();
        }),
      closedMessage: 'jobs stopped',
    },
    { close: both.close, closedMessage: 'database closed' },
  ],
  readyFields: { database: both.kind },
  startedAt,
});
