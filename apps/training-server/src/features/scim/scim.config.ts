// The SCIM clients' rate limit, from the environment (training's config.ts takes it in).
import { parseEnv, positiveInt } from '@jinji/server-kit/config';
import { z } from 'zod';

export type ScimConfig = {
  /** requests per minute per SCIM token (a Bulk request counts once) */
  scim: { ratePerMinute: number };
};

const ZScimEnv = z.object({ JINJI_SCIM_RATE_LIMIT_PER_MINUTE: positiveInt(600) });

export const scimConfig = (env: NodeJS.ProcessEnv): ScimConfig => ({
  scim: { ratePerMinute: parseEnv(ZScimEnv, env).JINJI_SCIM_RATE_LIMIT_PER_MINUTE },
});
