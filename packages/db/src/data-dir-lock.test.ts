import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinji-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A zombie: `sleep 0` exits, and its parent (exec'd into `sleep 5`) never reaps it. */
async function zombie(): Promise<{ pid: number; stop: () => void }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5']);
  const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d) => resolve(Number(String(d)))));
  for (let i = 0; i < 50; i++) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { pid, stop: () => parent.kill('SIGKILL') };
}

describe('the data directory lock', () => {
  it('refuses a directory a live process holds', () => {
    const dir = freshDir();
    const live = spawn('sleep', ['5']);
    try {
      writeFileSync(path.join(dir, 'jinji.pid'), String(live.pid));
      expect(() => acquireDataDirLock(dir)).toThrow(/使用中/);
    } finally {
      live.kill('SIGKILL');
    }
  });

  it.skipIf(process.platform !== 'linux')('takes over from a killed process not yet reaped (a zombie)', async () => {
    const dir = freshDir();
    const z = await zombie();
    try {
      writeFileSync(path.join(dir, 'jinji.pid'), String(z.pid));
      const release = acquireDataDirLock(dir);
      expect(readFileSync(path.join(dir, 'jinji.pid'), 'utf8')).toBe(String(process.pid));
      release();
    } finally {
      z.stop();
    }
  });
});
