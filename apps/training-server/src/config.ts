// Training's environment: the kit's common part plus its port, web build and public address (mails' links). Nothing else reads process.env.
import path from 'node:path';
import { type WebAppConfig, webAppConfigLoader } from '@jinji/server-kit/config';

export type TrainingConfig = WebAppConfig;

export const loadTrainingConfig = webAppConfigLoader({
  portVar: 'TRAINING_PORT',
  defaultPort: 3100,
  webDistVar: 'JINJI_TRAINING_WEB_DIST',
  builtWeb: path.resolve(import.meta.dirname, '../../training-web/dist'),
  publicUrlVar: 'JINJI_TRAINING_PUBLIC_URL',
});
