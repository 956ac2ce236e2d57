// One hr-server per test file (the kit's starter): a free port, a fresh PGlite data dir (or PostgreSQL database), a short login lock.
import {
  type E2eDatabase,
  startServer as startAppServer,
  type TCli,
  type TestServer,
} from '@jinji/test-kit/e2e-server';
import { HR_DATA_DIR_TEMPLATE_ENV, repoRoot } from './paths';

export const LOGIN_LOCK_SECONDS = 3;

export function startServer(
  options: {
    prepare?: (cli: TCli) => void;
    env?: Record<string, string>;
    database?: E2eDatabase;
    /** one PostgreSQL database shared by several processes */
    databaseUrl?: string;
  } = {},
): Promise<TestServer> {
  return startAppServer({
    repoRoot,
    script: 'apps/hr-server/src/server.ts',
    cliScript: 'apps/hr-server/src/cli.ts',
    portEnv: ['PORT'],
    dataDirEnv: 'JINJI_DATA_DIR',
    env: { JINJI_LOGIN_LOCK_SECONDS: String(LOGIN_LOCK_SECONDS), ...options.env },
    prepare: options.prepare,
    database: options.database,
    databaseUrl: options.databaseUrl,
    dataDirTemplate: process.env[HR_DATA_DIR_TEMPLATE_ENV],
  });
}
