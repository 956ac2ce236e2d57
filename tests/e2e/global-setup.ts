// Builds each web app (HR, training) once when its dist is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './support/paths';

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
