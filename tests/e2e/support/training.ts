// The training journeys' server: `npm start`'s (scripts/serve.ts), HR and training over one engine,
// each on a free port (urls.PORT, urls.TRAINING_PORT).
import { type StartServerOptions, startServer } from '@jinji/test-kit/e2e-server';
import { repoRoot } from './paths';

export const startBothApps = (opts: Pick<StartServerOptions, 'env' | 'prepare' | 'cliScript'> = {}) =>
  startServer({
    repoRoot,
    script: 'scripts/serve.ts',
    portEnv: ['PORT', 'TRAINING_PORT'],
    dataDirEnv: 'JINJI_DATA_DIR',
    ...opts,
  });
