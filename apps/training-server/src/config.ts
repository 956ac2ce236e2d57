// Training's environment: the kit's common part plus its port and web build. Nothing else reads process.env.
import path from 'node:path';
import { type BaseConfig, parseEnv, port, toBaseConfig, ZBaseEnv } from '@jinji/server-kit/config';
import { z } from 'zod';

const ZTrainingEnv = ZBaseEnv.extend({
  TRAINING_PORT: port(3100),
  JINJI_TRAINING_WEB_DIST: z.string().optional(),
});

export type TrainingConfig = BaseConfig & { port: number; webDist: string };

export function loadTrainingConfig(env: NodeJS.ProcessEnv = process.env): TrainingConfig {
  const e = parseEnv(ZTrainingEnv, env);
  const builtWeb = path.resolve(import.meta.dirname, '../../training-web/dist');
  return { ...toBaseConfig(e), port: e.TRAINING_PORT, webDist: path.resolve(e.JINJI_TRAINING_WEB_DIST ?? builtWeb) };
}
