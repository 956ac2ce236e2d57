// /api/v1/auth/*: the training shell's session routes, with the contracts of contracts/training/auth.
import { ZCsrfResponse } from '@jinji/contracts/common/auth';
import { ZTrainingLoginRequest, ZTrainingMeResponse, ZTrainingSessionResponse } from '@jinji/contracts/training/auth';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { trainingAuth } from '../../access';
import type { TrainingConfig } from '../../config';
import type { TrainingDb } from '../../db/database';
import { meOf, trainingLogin, trainingLogout } from './auth.service';

const PUBLIC = { access: { kind: 'public' as const } };
const SIGNED_IN = { access: { kind: 'session' as const } };
const tags = ['auth'];

export const trainingAuthRoutes: FastifyPluginAsyncZod<{ db: TrainingDb; config: TrainingConfig }> = async (
  app,
  { db, config },
) => {
  const { authOf, requireAuth, currentCsrf, rotateCsrf, setSessionCookie } = trainingAuth;
  const csrf = { tags, summary: 'CSRFトークン', response: { 200: ZCsrfResponse } };
  app.get('/api/v1/auth/csrf', { config: PUBLIC, schema: csrf }, async (req, reply) => ({
    csrfToken: currentCsrf(req, reply),
  }));

  const session = { tags, summary: 'ログイン状態', response: { 200: ZTrainingSessionResponse } };
  app.get('/api/v1/auth/session', { config: PUBLIC, schema: session }, async (req) => {
    const user = authOf(req);
    return { me: user && meOf(user) };
  });

  const me = { tags, summary: 'ログイン中の利用者', response: { 200: ZTrainingMeResponse } };
  app.get('/api/v1/auth/me', { config: SIGNED_IN, schema: me }, async (req) => meOf(requireAuth(req)));

  const rateLimit = { max: config.login.ratePerMinute, timeWindow: '1 minute' };
  const login = { tags, summary: 'ログイン', body: ZTrainingLoginRequest, response: { 200: ZTrainingMeResponse } };
  app.post('/api/v1/auth/login', { config: { ...PUBLIC, rateLimit }, schema: login }, async (req, reply) => {
    const previous = authOf(req);
    if (previous) await trainingLogout(db, previous);
    const result = await trainingLogin(db, config, req.body, req.ip);
    setSessionCookie(req, reply, result.token);
    rotateCsrf(req, reply);
    return result.me;
  });

  app.post(
    '/api/v1/auth/logout',
    { config: SIGNED_IN, schema: { tags, summary: 'ログアウト' } },
    async (req, reply) => {
      await trainingLogout(db, requireAuth(req));
      setSessionCookie(req, reply, null);
      rotateCsrf(req, reply);
      return reply.code(204).send();
    },
  );
};
