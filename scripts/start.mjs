// npm start: build each web app (HR, training) when its sources are newer than its build, then run the
// combined server (scripts/serve.ts): HR on :3000 and training on :3100 in one process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

for (const name of ['hr-web', 'training-web']) {
  const web = path.join(root, 'apps', name);
  const builtIndex = path.join(web, 'dist/index.html');
  const sources = [path.join(web, 'src'), path.join(root, 'packages')];
  const sourceTime = Math.max(...sources.map(newestMtime), statSync(path.join(web, 'index.html')).mtimeMs);
  if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourceTime) {
    console.log(`jinji: building ${name}…`);
    const build = spawnSync('npm', ['run', 'build', '-w', `@jinji/${name}`], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
}

// The server runs as a child with the tsx loader; signals are passed on so SIGTERM closes it gracefully.
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/serve.ts')], {
  stdio: 'inherit',
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
