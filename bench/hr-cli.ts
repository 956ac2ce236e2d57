// The HR CLI as the benches call it: a child process with the bench's environment, and the bench tenant
// (ベンチ株式会社, admin / the given password) that bench:import and the login benches sign in to.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function runHrCli(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'apps/hr-server/src/cli.ts', ...args], {
      env,
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited ${code}`))));
  });
}

export const createBenchTenant = (code: string, password: string, env: NodeJS.ProcessEnv) =>
  runHrCli(
    [
      'tenant:create',
      '--code',
      code,
      '--name',
      'ベンチ株式会社',
      '--admin-login',
      'admin',
      '--admin-password',
      password,
      '--admin-email',
      'bench@example.jp',
    ],
    env,
  );
