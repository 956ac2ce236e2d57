// Training test support over the kit: a cloned database per file, the app on it, an organisation with
// users written directly, and a cookie client on training's login route.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@jinji/auth/passwords';
import { createTestDatabase } from '@jinji/test-kit/database';
import { InjectClient } from '@jinji/test-kit/inject-client';
import type { FastifyInstance } from 'fastify';
import { buildTrainingApp } from '../src/app';
import { loadTrainingConfig } from '../src/config';
import { type TrainingDb, trainingDatabase } from '../src/db/database';
import { organisations, users } from '../src/db/schema/index';
import { trainingTestTemplate } from './template';

export const PASSWORD = 'Sazanka-no-hana-2026!';

/**
 * `poolSize`: the request pool on PostgreSQL (a race test wants real parallel connections);
 * `loginsPerMinute`: the login rate limit, for a file that signs many users in.
 */
export async function trainingTestApp(opts: { poolSize?: number; loginsPerMinute?: number } = {}) {
  const db = await createTestDatabase(trainingTestTemplate, trainingDatabase.spec, { poolSize: opts.poolSize ?? 2 });
  const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', JINJI_TRAINING_WEB_DIST: '/nonexistent' } as const;
  const base = loadTrainingConfig(env);
  const config = {
    ...base,
    login: { ...base.login, lockThreshold: 3, ratePerMinute: opts.loginsPerMinute ?? base.login.ratePerMinute },
  };
  const app = await buildTrainingApp({ config, db, logger: false });
  await app.ready();
  const close = () => app.close().then(() => db.close());
  return { app, db, config, close };
}

export async function createOrganisation(db: TrainingDb, loginIds = ['admin']) {
  const code = `o${randomBytes(4).toString('hex')}`;
  const [org] = await db.owner
    .insert(organisations)
    .values({ code, name: `研修組織 ${code}` })
    .returning();
  const passwordHash = await hashPassword(PASSWORD);
  const rows = loginIds.map((loginId) => ({ organisationId: org!.id, loginId, displayName: loginId, passwordHash }));
  const created = await db.asTenant(org!.id, (tx) => tx.insert(users).values(rows).returning({ id: users.id }));
  return { id: org!.id, code, userIds: created.map((u) => u.id) };
}

/** A browser-like client: cookies kept, the CSRF token sent on mutating requests. */
export const trainingClient = (app: FastifyInstance, opts: { remoteAddress?: string } = {}) =>
  new InjectClient<[organizationCode: string, loginId: string, password: string]>(app, {
    loginBody: (organizationCode, loginId, password) => ({ organizationCode, loginId, password }),
    ...opts,
  });
