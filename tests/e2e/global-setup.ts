// Builds each web app (HR, training) once when its dist is missing or older than its sources, and each
// app's migrated data directory that its PGlite journeys start from.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HR_DATA_DIR_TEMPLATE_ENV, repoRoot, TRAINING_DATA_DIR_TEMPLATE_ENV } from './support/paths';

function newestMtime(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(
    s.mtimeMs,
    ...readdirSync(p)
      .filter((f) => f !== 'node_modules')
      .map((f) => newestMtime(path.join(p, f))),
  );
}

function builtAt(webDir: string): number {
  try {
    return statSync(path.join(webDir, 'dist/index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup() {
  for (const name of ['hr-web', 'training-web']) build(name);
  const removers = [
    migratedDataDir('apps/hr-server/src/cli.ts', HR_DATA_DIR_TEMPLATE_ENV),
    migratedDataDir('apps/training-server/src/cli.ts', TRAINING_DATA_DIR_TEMPLATE_ENV),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}

/** An app's migrations applied once for the run; each PGlite journey copies the directory (startServer). */
function migratedDataDir(cli: string, envName: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinji-e2e-template-'));
  const { DATABASE_URL: _, ...env } = process.env;
  execFileSync(path.join(repoRoot, 'node_modules/.bin/tsx'), [cli, 'migrate'], {
    cwd: repoRoot,
    env: { ...env, JINJI_DATA_DIR: dir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env[envName] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

function build(name: string) {
  const webDir = path.join(repoRoot, 'apps', name);
  const sources = ['src', 'index.html', 'vite.config.ts', '../../packages'].map((p) =>
    newestMtime(path.join(webDir, p)),
  );
  if (builtAt(webDir) >= Math.max(...sources)) return;
  console.log(`[e2e] building apps/${name} …`);
  execFileSync('npm', ['run', 'build', '-w', `@jinji/${name}`, '--', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // Vitest's NODE_ENV=test would make Vite bundle React's development build: test what users get.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
