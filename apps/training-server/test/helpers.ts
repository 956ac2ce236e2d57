// Training test support over the kit: a cloned database per file, the app on it and a cookie client on
// training's login route (an organisation with users: the organisations feature's fixtures).
import { appTestKit } from '@jinji/test-kit/app-test';
import { InjectClient } from '@jinji/test-kit/inject-client';
import type { FastifyInstance } from 'fastify';
import { trainingApp } from '../src/app';
import { trainingTestTemplate } from './global-setup';

export { createOrganisation, PASSWORD } from '../src/features/organisations/organisations.fixtures';

export const { app: trainingTestApp } = appTestKit({
  ...trainingApp,
  template: trainingTestTemplate,
  // a lock after 3 failed logins: the lockout tests need no more attempts than that
  defaults: (c) => ({ ...c, login: { ...c.login, lockThreshold: 3 } }),
  poolSize: 2,
});

/** A browser-like client: cookies kept, the CSRF token sent on mutating requests. */
export const trainingClient = (app: FastifyInstance, opts: { remoteAddress?: string } = {}) =>
  new InjectClient<[organizationCode: string, loginId: string, password: string]>(app, {
    loginBody: (organizationCode, loginId, password) => ({ organizationCode, loginId, password }),
    ...opts,
  });
