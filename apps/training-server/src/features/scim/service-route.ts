// The route config of a bearer-token route (SCIM, the link API that courses and applications serve to HR):
// access 'service', rate-limited per token (the key is the token's hash; a request without one is refused
// by the auth kit anyway).
import { bearerOf } from '@jinji/auth/fastify-auth';
import { hashSecret } from '@jinji/auth/session-token';
import type { FastifyRequest } from 'fastify';
import type { ScimConfig } from './scim.config';

export const serviceRoute = (config: ScimConfig) => ({
  access: { kind: 'service' as const },
  rateLimit: {
    max: config.scim.ratePerMinute,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => {
      const token = bearerOf(req);
      return token ? `token:${hashSecret(token)}` : `token-ip:${req.ip}`;
    },
  },
});
