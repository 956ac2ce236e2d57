import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv, port, toBaseConfig, webAppConfigLoader, ZBaseEnv } from './config';

describe('config base', () => {
  it('has safe defaults: production, loopback, embedded database in ./data, no proxy trusted', () => {
    const config = toBaseConfig(parseEnv(ZBaseEnv, {}));
    expect(config).toEqual({
      env: 'production',
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: path.resolve('./data'),
      logLevel: 'info',
      trustProxy: false,
      session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
      login: { lockThreshold: 10, lockMs: 900_000, accountHourlyLimit: 50, ratePerMinute: 30 },
      mail: { smtpUrl: undefined, from: 'jinji <no-reply@localhost>' },
      backup: { dir: undefined, keep: 7, passphrase: undefined },
    });
  });

  it('reads the backup directory, retention and passphrase, and refuses a short passphrase or a keep of 0', () => {
    const env = {
      JINJI_BACKUP_DIR: 'backups',
      JINJI_BACKUP_KEEP: '3',
      JINJI_BACKUP_PASSPHRASE: 'correct horse battery',
    };
    expect(toBaseConfig(parseEnv(ZBaseEnv, env)).backup).toEqual({
      dir: path.resolve('backups'),
      keep: 3,
      passphrase: 'correct horse battery',
    });
    expect(() => parseEnv(ZBaseEnv, { JINJI_BACKUP_PASSPHRASE: 'short' })).toThrow(/JINJI_BACKUP_PASSPHRASE/);
    expect(() => parseEnv(ZBaseEnv, { JINJI_BACKUP_KEEP: '0' })).toThrow(/JINJI_BACKUP_KEEP/);
  });

  it('reads the SMTP server and sender, and refuses a URL that is not smtp:// or smtps://', () => {
    const env = { SMTP_URL: 'smtps://u:p@mail.example.jp:465', MAIL_FROM: '人事部 <hr@example.jp>' };
    expect(toBaseConfig(parseEnv(ZBaseEnv, env)).mail).toEqual({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
    expect(() => parseEnv(ZBaseEnv, { SMTP_URL: 'http://mail.example.jp' })).toThrow(/SMTP_URL/);
  });

  it('reads the common variables', () => {
    const config = toBaseConfig(
      parseEnv(ZBaseEnv, {
        NODE_ENV: 'test',
        DATABASE_URL: 'postgres://u@h:5432/d',
        TRUST_PROXY: 'true',
        SESSION_IDLE_MINUTES: '5',
        JINJI_LOGIN_LOCK_SECONDS: '60',
      }),
    );
    expect(config).toMatchObject({
      env: 'test',
      databaseUrl: 'postgres://u@h:5432/d',
      trustProxy: true,
      session: { idleMs: 300_000 },
      login: { lockMs: 60_000 },
    });
  });

  it('lets an app extend the base with its own variables', () => {
    const env = parseEnv(ZBaseEnv.extend({ TRAINING_PORT: port(3100) }), { TRAINING_PORT: '4100', HOST: '0.0.0.0' });
    expect(env.TRAINING_PORT).toBe(4100);
    expect(toBaseConfig(env).host).toBe('0.0.0.0');
    expect(parseEnv(ZBaseEnv.extend({ TRAINING_PORT: port(3100) }), {}).TRAINING_PORT).toBe(3100);
  });

  it('names every wrong variable at once', () => {
    const schema = ZBaseEnv.extend({ EXTRA: z.string() });
    expect(() => parseEnv(schema, { TRUST_PROXY: 'yes', SESSION_IDLE_MINUTES: '-1' })).toThrow(
      /Invalid environment:\n(?=[\s\S]*TRUST_PROXY)(?=[\s\S]*SESSION_IDLE_MINUTES)(?=[\s\S]*EXTRA)/,
    );
  });
});

describe('webAppConfigLoader', () => {
  const appVars = {
    portVar: 'APP_PORT',
    defaultPort: 3100,
    webDistVar: 'APP_WEB',
    builtWeb: '/built',
    publicUrlVar: 'APP_PUBLIC_URL',
  };
  const load = webAppConfigLoader(appVars);

  it("reads the app's port and web build from its own variables, with the defaults it was given", () => {
    expect(load({})).toMatchObject({ port: 3100, webDist: path.resolve('/built'), host: '127.0.0.1' });
    expect(load({ APP_PORT: '4100', APP_WEB: 'web/dist', PORT: '9' })).toMatchObject({
      port: 4100,
      webDist: path.resolve('web/dist'),
    });
  });

  it('takes the public address from its own variable, else http://<host>:<port>', () => {
    expect(load({}).publicUrl).toBe('http://127.0.0.1:3100');
    expect(load({ HOST: '0.0.0.0', APP_PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
    expect(load({ APP_PUBLIC_URL: 'https://trn.example.jp/x/' }).publicUrl).toBe('https://trn.example.jp/x');
    expect(() => load({ APP_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/APP_PUBLIC_URL/);
  });

  it("refuses a bad port in the app's variable", () => {
    expect(() => load({ APP_PORT: '70000' })).toThrow(/APP_PORT/);
  });

  it("merges what `extend` reads of the same environment (a feature's own variables)", () => {
    const loadExtended = webAppConfigLoader({
      ...appVars,
      extend: (env) => ({ feature: { limit: Number(env.FEATURE_LIMIT ?? 5) } }),
    });
    expect(loadExtended({ FEATURE_LIMIT: '7', APP_PORT: '4100' })).toMatchObject({ feature: { limit: 7 }, port: 4100 });
    expect(loadExtended({}).feature).toEqual({ limit: 5 });
  });
});
