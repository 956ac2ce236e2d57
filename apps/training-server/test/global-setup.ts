// Vitest global setup (after the kit's): training's template migrated once, outside any hook timeout.
import { prepareTestTemplate } from '@jinji/test-kit/database';
import type { TestProject } from 'vitest/node';
import { trainingTestTemplate } from './template';

export default (project: TestProject) =>
  prepareTestTemplate(trainingTestTemplate, project.config.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');
