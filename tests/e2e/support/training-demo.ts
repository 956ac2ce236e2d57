// Both systems served as `npm start` serves them (scripts/serve.ts over one PGlite in a fresh data
// directory, or a fresh PostgreSQL database on TEST_DATABASE_URL's server) after `jinji demo`, and
// optionally more `tsx` scripts, have run on it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type E2eDatabase, startServer } from '@jinji/test-kit/e2e-server';
import { repoRoot } from './paths';

export async function startTrainingDemo(name: string, scripts: string[][] = [], database: E2eDatabase = 'pglite') {
  const dataDir = mkdtempSync(path.join(tmpdir(), `jinji-e2e-${name}-`));
  let demoOutput = '';
  const server = await startServer({
    repoRoot,
    script: 'scripts/serve.ts',
    portEnv: ['PORT', 'TRAINING_PORT'],
    dataDirEnv: 'JINJI_DATA_DIR',
    env: { JINJI_DATA_DIR: dataDir },
    database,
    // the server's own environment: its data dir, or its fresh database's DATABASE_URL
    prepare: (_cli, env) => {
      const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
      demoOutput = execFileSync(tsx, ['scripts/jinji.ts', 'demo'], { cwd: repoRoot, env, encoding: 'utf8' });
      for (const args of scripts) execFileSync(tsx, args, { cwd: repoRoot, env });
    },
  });
  return {
    server,
    demoOutput,
    /** the training admin's password `jinji demo` printed */
    trainingPassword: () =>
      /パスワード: (\S+)/.exec(demoOutput.slice(demoOutput.indexOf('研修申込システム')))?.[1] ?? '',
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
