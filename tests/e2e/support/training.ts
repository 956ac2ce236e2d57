// Training journeys' servers. startTrainingServer: training-server alone on a copy of the migrated data
// directory (or a fresh PostgreSQL database), its 契約組織 and users created by training's CLI before it
// starts (the fast way). useTrainingDemo: the training system as `npm start` serves it (scripts/serve.ts:
// HR and training over one PGlite, or one fresh PostgreSQL database) with the demo 契約組織 from
// `npm run jinji -- demo`. Each takes `database`: PostgreSQL runs on TEST_DATABASE_URL's server, in a
// database created for the journey as the owner and dropped after it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type E2eDatabase, type StartServerOptions, startServer, type TestServer } from '@jinji/test-kit/e2e-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot, TRAINING_DATA_DIR_TEMPLATE_ENV } from './paths';
export const TRAINING_ORG = { code: 'acme', name: '株式会社アクメ' };
export const TRAINING_PASSWORD = 'Sazanka-no-hana-2026!';

export type TTrainingUser = { loginId: string; role: 'general' | 'approver' | 'admin'; name: string; email?: string };

export const TRAINING_ADMIN: TTrainingUser = {
  loginId: 'admin',
  role: 'admin',
  name: '研修 管理者',
  email: 'admin@acme.example.jp',
};

/** Starts training-server with TRAINING_ORG and these users (all with TRAINING_PASSWORD). */
export function startTrainingServer(
  users: TTrainingUser[] = [TRAINING_ADMIN],
  options: { env?: Record<string, string>; database?: E2eDatabase; databaseUrl?: string; prepare?: false } = {},
): Promise<TestServer> {
  const userArgs = users.flatMap((u) => ['--user', [u.loginId, u.role, u.name, u.email ?? ''].join(':')]);
  return startServer({
    repoRoot,
    script: 'apps/training-server/src/server.ts',
    cliScript: 'apps/training-server/src/cli.ts',
    portEnv: ['TRAINING_PORT'],
    dataDirEnv: 'JINJI_DATA_DIR',
    env: options.env,
    database: options.database,
    databaseUrl: options.databaseUrl,
    dataDirTemplate: process.env[TRAINING_DATA_DIR_TEMPLATE_ENV],
    prepare:
      options.prepare === false
        ? undefined
        : (cli) =>
            cli([
              'organisation:create',
              '--code',
              TRAINING_ORG.code,
              '--name',
              TRAINING_ORG.name,
              '--password',
              TRAINING_PASSWORD,
              ...userArgs,
            ]),
  });
}

/** Signs in on the training login page as `loginId` and waits for the shell. */
export async function trainingSignIn(page: Page, baseUrl: string, loginId: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('組織コード').fill(TRAINING_ORG.code);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(TRAINING_PASSWORD);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.getByRole('navigation').first().waitFor();
}

export type TTrainingDemo = {
  server: TestServer;
  /** what `jinji demo` printed */
  demoOutput: string;
  /** the training 管理者's password from that output (組織コード demo, ログインID admin) */
  password: string;
};

export function useTrainingDemo(prefix: string, database: E2eDatabase = 'pglite'): { get(): TTrainingDemo } {
  const dataDir = mkdtempSync(path.join(tmpdir(), `jinji-e2e-${prefix}-`));
  let demoOutput = '';
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer({
      repoRoot,
      script: 'scripts/serve.ts',
      portEnv: ['PORT', 'TRAINING_PORT'],
      dataDirEnv: 'JINJI_DATA_DIR',
      env: { JINJI_DATA_DIR: dataDir },
      database,
      prepare: (_cli, env) => {
        demoOutput = execFileSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/jinji.ts', 'demo'], {
          cwd: repoRoot,
          env,
          encoding: 'utf8',
        });
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get: () => {
      const training = demoOutput.slice(demoOutput.indexOf('研修申込システム'));
      const password = /パスワード: (\S+)/.exec(training)?.[1] ?? '';
      return { server: server!, demoOutput, password };
    },
  };
}

/** `npm start`'s server (scripts/serve.ts): HR and training over one engine, each on a free port (urls.PORT, urls.TRAINING_PORT). */
export const startBothApps = (opts: Pick<StartServerOptions, 'env' | 'prepare' | 'cliScript' | 'database'> = {}) =>
  startServer({
    repoRoot,
    script: 'scripts/serve.ts',
    portEnv: ['PORT', 'TRAINING_PORT'],
    dataDirEnv: 'JINJI_DATA_DIR',
    ...opts,
  });
