// One `npm test`: server tests on PGlite, the web's build checks, again on PostgreSQL when TEST_DATABASE_URL is set, and the
// browser journeys. Under CI=true a missing database or browser fails instead of skipping.
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { SERVER_TEST_DIRS, testFiles, usesDatabase } from './scripts/server-test-files';

const isCi = process.env.CI === 'true';
const pgUrl = process.env.TEST_DATABASE_URL;
if (isCi && !pgUrl) throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL run cannot be skipped');

const server = (name: string, env: Record<string, string>, include: string[]) => ({
  test: {
    name,
    include,
    environment: 'node',
    env,
    // one run id and directory for the test databases' templates, then each app's template migrated once
    // per run; each test file gets a clone
    globalSetup: [
      'packages/test-kit/src/global-setup.ts',
      'apps/hr-server/test/global-setup.ts',
      'apps/training-server/test/global-setup.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker, so every file ran after the other while most of them wait
    // on a database server, a browser or a child server process. Two workers: the server suite on PGlite
    // took 8 min 54 s instead of 11 min 23 s here (same machine, same load). The journeys share the pool
    // (tests/e2e/vitest.config.ts), so at most two files of any project run at once.
    maxWorkers: 2,
    projects: [
      server(
        'server-pglite',
        { TEST_DB: 'pglite' },
        SERVER_TEST_DIRS.map((dir) => `${dir}/**/*.test.ts`),
      ),
      // The web's build checks (first-paint budget): node, no database.
      { test: { name: 'web', include: ['apps/hr-web/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      ...(pgUrl
        ? [
            server(
              'server-postgres',
              { TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl },
              testFiles().filter(usesDatabase),
            ),
          ]
        : []),
      ...(existsSync('tests/e2e/vitest.config.ts') ? ['tests/e2e/vitest.config.ts'] : []),
    ],
  },
});
