// HR's environment: the kit's common part plus HR's own, parsed once. Nothing else reads process.env.
import path from 'node:path';
import { type BaseConfig, parseEnv, port, toBaseConfig, ZBaseEnv } from '@jinji/server-kit/config';
import { z } from 'zod';

const ZEnv = ZBaseEnv.extend({
  PORT: port(3000),
  JINJI_WEB_DIST: z.string().optional(),
});

export type Config = BaseConfig & { port: number; webDist: string };

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(ZEnv, env);
  return {
    ...toBaseConfig(e),
    port: e.PORT,
    webDist: path.resolve(e.JINJI_WEB_DIST ?? path.join(repoRoot, 'apps/hr-web/dist')),
  };
}
