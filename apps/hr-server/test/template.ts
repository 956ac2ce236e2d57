// HR's test template: its migrations, applied once per test run (global-setup.ts); every file gets a clone.
import { appTestTemplate } from '@jinji/test-kit/app-template';
import { hrDatabase } from '../src/db/client';

export const hrTestTemplate = appTestTemplate('hr', hrDatabase);
