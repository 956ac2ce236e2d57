import { ZPasswordPolicy, ZPasswordPolicyResponse } from '@jinji/contracts/common/password-policy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client';
import { requireAuth } from '../../plugins/auth';
import { getPasswordPolicy, updatePasswordPolicy } from './password-policy.service';

export const passwordPolicyRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/v1/password-policy',
    {
      // Everyone may read it: the password-change page shows the requirements.
      config: { access: { kind: 'session', whilePasswordExpired: true } },
      schema: { tags: ['system'], summary: 'パスワードポリシー設定', response: { 200: ZPasswordPolicyResponse } },
    },
    async (request) => getPasswordPolicy(db, requireAuth(request)),
  );

  app.put(
    '/api/v1/password-policy',
    {
      config: { access: { kind: 'permission', permission: 'system.password_policy' } },
      schema: {
        tags: ['system'],
        summary: 'パスワードポリシー設定の更新',
        body: ZPasswordPolicy,
        response: { 200: ZPasswordPolicyResponse },
      },
    },
    async (request) => updatePasswordPolicy(db, requireAuth(request), request.body),
  );
};
