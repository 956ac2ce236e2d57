// HR's environment: the kit's common part plus HR's port, web build and public address (JINJI_PUBLIC_URL,
// where a mail's links point: decision 012), parsed once. Nothing else reads process.env.
import path from 'node:path';
import { type WebAppConfig, webAppConfigLoader } from '@jinji/server-kit/config';

export type Config = WebAppConfig;

export const loadConfig: (env?: NodeJS.ProcessEnv) => Config = webAppConfigLoader({
  portVar: 'PORT',
  defaultPort: 3000,
  webDistVar: 'JINJI_WEB_DIST',
  builtWeb: path.resolve(import.meta.dirname, '../../hr-web/dist'),
  publicUrlVar: 'JINJI_PUBLIC_URL',
});
