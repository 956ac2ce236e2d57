// Training's environment: the kit's common part plus its port, web build and public address, and the SCIM
// feature's rate limit. Nothing else reads process.env.
import path from 'node:path';
import { webAppConfigLoader } from '@jinji/server-kit/config';
import { scimConfig } from './features/scim/scim.config';

export const loadTrainingConfig = webAppConfigLoader({
  portVar: 'TRAINING_PORT',
  defaultPort: 3100,
  webDistVar: 'JINJI_TRAINING_WEB_DIST',
  builtWeb: path.resolve(import.meta.dirname, '../../training-web/dist'),
  /** where 【ログイン情報送付】's links point */
  publicUrlVar: 'JINJI_TRAINING_PUBLIC_URL',
  extend: scimConfig,
});
export type TrainingConfig = ReturnType<typeof loadTrainingConfig>;
