// HR's environment: the kit's common part plus HR's port, web build and public address, parsed once.
// Nothing else reads process.env.
import path from 'node:path';
import { type WebAppConfig, webAppConfigLoader } from '@jinji/server-kit/config';
import { z } from 'zod';

/**
 * publicUrl: where a mail's links point (アカウント通知, パスワード再設定). Never taken from a request's
 * Host header, which whoever asks for a reset could set to their own site (decision 012).
 */
export type Config = WebAppConfig & { publicUrl: string };

const loadWebAppConfig = webAppConfigLoader({
  portVar: 'PORT',
  defaultPort: 3000,
  webDistVar: 'JINJI_WEB_DIST',
  builtWeb: path.resolve(import.meta.dirname, '../../hr-web/dist'),
});

const ZPublicUrl = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'JINJI_PUBLIC_URL: http:// または https:// で始まる URL')
  .optional();

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const base = loadWebAppConfig(env);
  const parsed = ZPublicUrl.safeParse(env.JINJI_PUBLIC_URL || undefined);
  if (!parsed.success) throw new Error(`Invalid environment:\n  JINJI_PUBLIC_URL: ${parsed.error.issues[0]?.message}`);
  const host = base.host === '0.0.0.0' || base.host === '::' ? 'localhost' : base.host;
  const publicUrl = (parsed.data ?? `http://${host}:${base.port}`).replace(/\/+$/, '');
  return { ...base, publicUrl };
}
