// The part of the environment every jinji server reads, parsed with zod. Each app extends ZBaseEnv with
// its own variables and calls parseEnv once at boot; the app's config.ts is the only reader of process.env.
import path from 'node:path';
import { z } from 'zod';

export const positiveInt = (def: number) => z.coerce.number().int().positive().default(def);
export const port = (def: number) => z.coerce.number().int().min(0).max(65535).default(def);

export const ZBaseEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  JINJI_DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* so cookies get Secure and HSTS is sent. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(12),
  JINJI_LOGIN_LOCK_THRESHOLD: positiveInt(10),
  JINJI_LOGIN_LOCK_SECONDS: positiveInt(900),
  JINJI_LOGIN_ACCOUNT_LIMIT_PER_HOUR: positiveInt(50),
  JINJI_LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt(30),
  /** smtp://user:pass@host:587 or smtps://…; unset: mails stay in the outbox, readable, unsent (decision 010) */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'smtp:// または smtps:// で始まる URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('jinji <no-reply@localhost>'),
  /** decision 022: set = a backup of the whole database every day at 03:30 JST into this directory */
  JINJI_BACKUP_DIR: z.string().min(1).optional(),
  /** the newest this many scheduled backups are kept, older ones deleted */
  JINJI_BACKUP_KEEP: positiveInt(7),
  /** set = backups (scheduled, and `backup --encrypt`) are encrypted with it; restore reads it too */
  JINJI_BACKUP_PASSPHRASE: z.string().min(12, '12文字以上のパスフレーズ').optional(),
});
export type TBaseEnv = z.infer<typeof ZBaseEnv>;

export type LogLevel = TBaseEnv['LOG_LEVEL'];

export type BaseConfig = {
  env: 'development' | 'production' | 'test';
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
  trustProxy: boolean;
  session: { idleMs: number; absoluteMs: number };
  /** decision 004 "Lockout": per account and source, and per account per hour for unknown sources */
  login: { lockThreshold: number; lockMs: number; accountHourlyLimit: number; ratePerMinute: number };
  /** decision 010: no smtpUrl → no mail worker */
  mail: { smtpUrl: string | undefined; from: string };
  /** decision 022: no dir → no scheduled backup; passphrase → encrypted backups */
  backup: { dir: string | undefined; keep: number; passphrase: string | undefined };
};

/** `env` against `schema` (ZBaseEnv or an extension of it); an operator reads every wrong variable at once. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

/** The common part of a parsed environment, in the shape the kit and the auth kit take. */
export function toBaseConfig(e: TBaseEnv): BaseConfig {
  return {
    env: e.NODE_ENV,
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
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    backup: {
      dir: e.JINJI_BACKUP_DIR === undefined ? undefined : path.resolve(e.JINJI_BACKUP_DIR),
      keep: e.JINJI_BACKUP_KEEP,
      passphrase: e.JINJI_BACKUP_PASSPHRASE,
    },
  };
}

/**
 * The config of an app that serves a web app: the common part, its port, its web build and its public
 * address. publicUrl is where a mail's links point (decision 012); never taken from a request's Host
 * header, which whoever asks for a reset could set to their own site.
 */
export type WebAppConfig = BaseConfig & { port: number; webDist: string; publicUrl: string };

const ZPublicUrl = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'http:// または https:// で始まる URL')
  .optional();

/**
 * The loader of such an app's config: its port from `portVar` (default `defaultPort`), its built web
 * app from `webDistVar` or else `builtWeb`, its public address from `publicUrlVar` or else
 * http://<host>:<port>, and what `extend` reads of the environment besides (a feature's own variables,
 * e.g. training's SCIM rate limit), merged into the config.
 */
export function webAppConfigLoader<X extends object = object>(opts: {
  portVar: string;
  defaultPort: number;
  webDistVar: string;
  builtWeb: string;
  /** the variable of the public address (default `http://<HOST>:<port>`, localhost for a wildcard host) */
  publicUrlVar: string;
  extend?(env: NodeJS.ProcessEnv): X;
}) {
  const schema = ZBaseEnv.extend({
    [opts.portVar]: port(opts.defaultPort),
    [opts.webDistVar]: z.string().optional(),
  });
  return (env: NodeJS.ProcessEnv = process.env): WebAppConfig & X => {
    const e = parseEnv(schema, env) as TBaseEnv & Record<string, unknown>;
    const webDist = path.resolve((e[opts.webDistVar] as string | undefined) ?? opts.builtWeb);
    const base = { ...toBaseConfig(e), port: e[opts.portVar] as number, webDist };
    const parsed = ZPublicUrl.safeParse(env[opts.publicUrlVar] || undefined);
    if (!parsed.success)
      throw new Error(`Invalid environment:\n  ${opts.publicUrlVar}: ${parsed.error.issues[0]?.message}`);
    const host = base.host === '0.0.0.0' || base.host === '::' ? 'localhost' : base.host;
    const publicUrl = (parsed.data ?? `http://${host}:${base.port}`).replace(/\/+$/, '');
    return { ...(opts.extend?.(env) as X), ...base, publicUrl };
  };
}
