// Training test support over the kit: a cloned database per file, the app on it and a cookie client on
// training's login route (an organisation with users: the organisations feature's fixtures).
import { createTestDatabase } from '@jinji/test-kit/database';
import { InjectClient } from '@jinji/test-kit/inject-client';
import type { FastifyInstance } from 'fastify';
import { buildTrainingApp } from '../src/app';
import { loadTrainingConfig, type TrainingConfig } from '../src/config';
import { trainingDatabase } from '../src/db/database';
import { trainingTestTemplate } from './global-setup';

export { createOrganisation, PASSWORD } from '../src/features/organisations/organisations.fixtures';

/**
 * `configure`: the test's config from the defaults; `poolSize`: the request pool on PostgreSQL (a race test
 * wants real parallel connections); `loginsPerMinute`: the login rate limit, for a file that signs many in.
 */
export async function trainingTestApp(
  opts: {
    configure?: (config: TrainingConfig) => TrainingConfig;
    logger?: Parameters<typeof buildTrainingApp>[0]['logger'];
    poolSize?: number;
    loginsPerMinute?: number;
  } = {},
) {
  const db = await createTestDatabase(trainingTestTemplate, trainingDatabase.spec, { poolSize: opts.poolSize ?? 2 });
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', JINJI_TRAINING_WEB_DIST: '/nonexistent' } as const;
  const base = loadTrainingConfig(env);
  const login = { ...base.login, lockThreshold: 3, ratePerMinute: opts.loginsPerMinute ?? base.login.ratePerMinute };
  const defaults = { ...base, login };
  const config = opts.configure ? opts.configure(defaults) : defaults;
  const app = await buildTrainingApp({ config, db, logger: opts.logger ?? false });
  await app.ready();
  const close = () => app.close().then(() => db.close());
  return { app, db, config, close };
}

/** A browser-like client: cookies kept, the CSRF token sent on mutating requests. */
export const trainingClient = (app: FastifyInstance, opts: { remoteAddress?: string } = {}) =>
  new InjectClient<[organizationCode: string, loginId: string, password: string]>(app, {
    loginBody: (organizationCode, loginId, password) => ({ organizationCode, loginId, password }),
    ...opts,
  });
