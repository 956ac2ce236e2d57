// Vitest global setup of the server projects: one run id and one directory for the run's templates
// (built lazily by the first test file that needs one), removed with them when the run ends.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { RUN_DIR_ENV, RUN_ID_ENV, TEMPLATE_PREFIX } from './run';

export default function setup(): () => Promise<void> {
  // several projects share one run (their workers inherit this process's environment)
  process.env[RUN_ID_ENV] ??= randomBytes(4).toString('hex');
  process.env[RUN_DIR_ENV] ??= mkdtempSync(path.join(tmpdir(), 'jinji-test-run-'));
  const id = process.env[RUN_ID_ENV];
  const dir = process.env[RUN_DIR_ENV];
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    const base = process.env.TEST_DATABASE_URL;
    if (!base) return;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      const { rows } = await c.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1)',
        [`${TEMPLATE_PREFIX}${id}_`],
      );
      for (const { datname } of rows)
        await c.query(`drop database if exists ${pg.escapeIdentifier(datname)} with (force)`);
    } finally {
      await c.end();
    }
  };
}
