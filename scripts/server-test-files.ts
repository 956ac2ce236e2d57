// The server test files of `npm test` and which of them run again on PostgreSQL: vitest.config.ts's two
// passes, and bench/test-setup.ts, which counts them to turn one file's setup into a run's. Paths are
// relative to the repository root (the working directory of both).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SERVER_TEST_DIRS = ['apps/hr-server', 'apps/training-server', 'scripts', ...packageSources()];

function packageSources(): string[] {
  return readdirSync('packages').map((p) => `packages/${p}/src`);
}

/** The server test files under `dirs` (the relative paths Vitest's include takes). */
export function testFiles(dirs: string[] = SERVER_TEST_DIRS): string[] {
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
export const usesDatabase = (file: string) => USES_DATABASE.test(readFileSync(file, 'utf8'));
