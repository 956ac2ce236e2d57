// Training's test template: its migrations applied once per run; every test file gets a clone.
import type { TestTemplate } from '@jinji/test-kit/database';
import { bindTraining, migrateTraining, trainingDatabaseSpec, trainingPgliteExtensions } from '../src/db/database';

export const trainingTestTemplate: TestTemplate = {
  name: 'training',
  extensions: trainingPgliteExtensions,
  apps: [trainingDatabaseSpec],
  build: (engine) => migrateTraining(bindTraining(engine), { provisionRequestLogin: false }),
};
