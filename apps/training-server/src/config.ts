// Training's environment: the kit's common part plus its port, web build, public address and the SCIM
// rate limit. Nothing else reads process.env.
import path from 'node:path';
import { parseEnv, positiveInt, type WebAppConfig, webAppConfigLoader } from '@jinji/server-kit/config';
import { z } from 'zod';

export type TrainingConfig = WebAppConfig & {
  /** requests per minute per SCIM token (a Bulk request counts once) */
  scim: { ratePerMinute: number };
};

const loadWebAppConfig = webAppConfigLoader({
  portVar: 'TRAINING_PORT',
  defaultPort: 3100,
  webDistVar: 'JINJI_TRAINING_WEB_DIST',
  builtWeb: path.resolve(import.meta.dirname, '../../training-web/dist'),
  /** where 【ログイン情報送付】's links point */
  publicUrlVar: 'JINJI_TRAINING_PUBLIC_URL',
});

const ZTrainingEnv = z.object({ JINJI_SCIM_RATE_LIMIT_PER_MINUTE: positiveInt(600) });

export function loadTrainingConfig(env: NodeJS.ProcessEnv = process.env): TrainingConfig {
  const own = parseEnv(ZTrainingEnv, env);
  return { ...loadWebAppConfig(env), scim: { ratePerMinute: own.JINJI_SCIM_RATE_LIMIT_PER_MINUTE } };
}
