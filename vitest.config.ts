// One `npm test`: server tests on PGlite, the web's build checks, again on PostgreSQL when TEST_DATABASE_URL is set, and the
// browser journeys. Under CI=true a missing database or browser fails instead of skipping.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const isCi = process.env.CI === 'true';
const pgUrl = process.env.TEST_DATABASE_URL;
if (isCi && !pgUrl) throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL run cannot be skipped');

const SERVER_TESTS = ['apps/hr-server', 'apps/training-server', 'scripts', ...packageSources()];

function packageSources(): string[] {
  return readdirSync('packages').map((p) => `packages/${p}/src`);
}

/** The server test files under `dirs` (the relative paths Vitest's include takes). */
function testFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.test.ts') && !f.split(path.sep).includes('node_modules'))
      .map((f) => path.join(dir, f)),
  );
}

// What makes a test file run against a database: the test database or an app's test helpers, the database
// name variables, or a Database it opens. The others (Japanese text, CSV/XLSX, passwords, the CLI that
// always runs on its own PGlite…) give the same result on either database, so they run once, in the PGlite
// pass: on PostgreSQL they were 30 files and ~90 s of a worker's time spent repeating themselves.
const USES_DATABASE =
  /test\/helpers|createTestDatabase|TEST_DB|TEST_DATABASE_URL|test-kit\/database|openPostgres|openPglite|openDatabase|\bDatabase\b|fixtures/;
const usesDatabase = (file: string) => USES_DATABASE.test(readFileSync(file, 'utf8'));

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
        SERVER_TESTS.map((dir) => `${dir}/**/*.test.ts`),
      ),
      // The web's build checks (first-paint budget): node, no database.
      { test: { name: 'web', include: ['apps/hr-web/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      ...(pgUrl
        ? [
            server(
              'server-postgres',
              { TEST_DB: 'postgres', TEST_DATABASE_URL: pgUrl },
              testFiles(SERVER_TESTS).filter(usesDatabase),
            ),
          ]
        : []),
      ...(existsSync('tests/e2e/vitest.config.ts') ? ['tests/e2e/vitest.config.ts'] : []),
    ],
  },
});
