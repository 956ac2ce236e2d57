// An app's test template from its database definition (packages/db/app): the app's migrations, applied
// once per run, without request logins (each PostgreSQL clone provisions its own). Several apps make one
// template on one engine, as `npm start` runs them; `templateSetup` is the vitest global setup that
// builds it before any test file's hook timeout starts.
import type { AppDatabase } from '@jinji/db/app';
import type { Tables } from '@jinji/db/client';
import type { TestProject } from 'vitest/node';
import { prepareTestTemplate, type TestTemplate } from './database';

export function appTestTemplate(name: string, ...apps: AppDatabase<Tables>[]): TestTemplate {
  return {
    name,
    extensions: Object.assign({}, ...apps.map((app) => app.extensions)),
    apps: apps.map((app) => app.spec),
    build: async (engine) => {
      for (const app of apps) await app.migrate(app.bind(engine), { provisionRequestLogin: false });
    },
  };
}

export const templateSetup = (template: TestTemplate) => (project: TestProject) =>
  prepareTestTemplate(template, project.config.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');
