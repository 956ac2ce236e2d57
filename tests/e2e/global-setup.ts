// Builds the web app once when dist is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './support/paths';

const webDir = path.join(repoRoot, 'apps/hr-web');

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

function builtAt(): number {
  try {
    return statSync(path.join(webDir, 'dist/index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

export default function setup() {
  const sources = ['src', 'index.html', 'vite.config.ts', '../../packages'].map((p) =>
    newestMtime(path.join(webDir, p)),
  );
  if (builtAt() >= Math.max(...sources)) return;
  console.log('[e2e] building apps/hr-web …');
  execFileSync('npm', ['run', 'build', '-w', '@jinji/hr-web', '--', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    // Vitest's NODE_ENV=test would make Vite bundle React's development build: test what users get.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
