// The training system as `npm start` serves it (scripts/serve.ts: HR and training over one PGlite), with
// the demo 契約組織 from `npm run jinji -- demo`, started before a describe's tests and stopped after.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '@jinji/test-kit/e2e-server';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot } from './paths';

const withoutDatabaseUrl = ({ DATABASE_URL: _, ...env }: NodeJS.ProcessEnv) => env; // e2e runs on PGlite

export type TTrainingDemo = {
  server: TestServer;
  /** what `jinji demo` printed */
  demoOutput: string;
  /** the training 管理者's password from that output (組織コード demo, ログインID admin) */
  password: string;
};

export function useTrainingDemo(prefix: string): { get(): TTrainingDemo } {
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
      prepare: () => {
        demoOutput = execFileSync(path.join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/jinji.ts', 'demo'], {
          cwd: repoRoot,
          env: { ...withoutDatabaseUrl(process.env), JINJI_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
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
