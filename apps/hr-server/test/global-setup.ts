// Vitest global setup of a server project (after the kit's, which names the run): HR's template is
// migrated here once, outside every test file's hook timeout.
import { prepareTestTemplate } from '@jinji/test-kit/database';
import type { TestProject } from 'vitest/node';
import { hrTestTemplate } from './template';

export default async function setup(project: TestProject): Promise<void> {
  await prepareTestTemplate(hrTestTemplate, project.config.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');
}
