// Training's test template: its migrations applied once per run; every test file gets a clone.
import { appTestTemplate } from '@jinji/test-kit/app-template';
import { trainingDatabase } from '../src/db/database';

export const trainingTestTemplate = appTestTemplate('training', trainingDatabase);
