// `npm run jinji -- …` as an operator runs it: a mistake prints a Japanese message and the usage,
// never a stack trace (unless --debug), and the exit code says it failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'jinji-cli-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, JINJI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'apps/hr-server/src/cli.ts', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: res.status, stderr: res.stderr };
}

const STACK_LINE = /^\s+at /m;

describe('CLI errors', () => {
  it('answers an unknown option with a Japanese message and the usage, exit 2, no stack', () => {
    const res = cli(['tenant:create', '--bogus', 'x'], path.join(scratch, 'a'));
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('エラー: コマンドの指定が正しくありません');
    expect(res.stderr).toContain('使い方: npm run jinji');
    expect(res.stderr).not.toMatch(STACK_LINE);
  }, 90_000);

  it('answers an unusable data directory with its message, exit 1, and the stack only with --debug', () => {
    const notADir = path.join(scratch, 'file');
    writeFileSync(notADir, 'not a directory');
    const plain = cli(['migrate'], notADir);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/^エラー: /);
    expect(plain.stderr).toContain('--debug');
    expect(plain.stderr).not.toMatch(STACK_LINE);

    const debug = cli(['migrate', '--debug'], notADir);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(STACK_LINE);
  }, 90_000);
});
