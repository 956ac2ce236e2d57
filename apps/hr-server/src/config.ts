// The environment, parsed once. Nothing else reads process.env.
import path from 'node:path';
import { z } from 'zod';

const int = (def: number) => z.coerce.number().int().positive().default(def);

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  JINJI_DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* so cookies get Secure and HSTS is sent. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_IDLE_MINUTES: int(30),
  SESSION_ABSOLUTE_HOURS: int(12),
  JINJI_LOGIN_LOCK_THRESHOLD: int(10),
  JINJI_LOGIN_LOCK_SECONDS: int(900),
  JINJI_LOGIN_ACCOUNT_LIMIT_PER_HOUR: int(50),
  JINJI_LOGIN_RATE_LIMIT_PER_MINUTE: int(30),
  JINJI_WEB_DIST: z.string().optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  trustProxy: boolean;
  session: { idleMs: number; absoluteMs: number };
  /** decision 004 "Lockout": per account and source, and per account per hour for unknown sources */
  login: { lockThreshold: number; lockMs: number; accountHourlyLimit: number; ratePerMinute: number };
  webDist: string;
};

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.JINJI_DATA_DIR),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    login: {
      lockThreshold: e.JINJI_LOGIN_LOCK_THRESHOLD,
      lockMs: e.JINJI_LOGIN_LOCK_SECONDS * 1000,
      accountHourlyLimit: e.JINJI_LOGIN_ACCOUNT_LIMIT_PER_HOUR,
      ratePerMinute: e.JINJI_LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    webDist: path.resolve(e.JINJI_WEB_DIST ?? path.join(repoRoot, 'apps/hr-web/dist')),
  };
}
