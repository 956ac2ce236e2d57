// Training's test template (its migrations applied once per run; every test file gets a clone), built by
// this vitest global setup (after the kit's) outside any hook timeout.
import { appTestTemplate, templateSetup } from '@jinji/test-kit/app-template';
import { trainingDatabase } from '../src/db/database';

export const trainingTestTemplate = appTestTemplate('training', trainingDatabase);
export default templateSetup(trainingTestTemplate);
