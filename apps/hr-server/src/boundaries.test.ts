// The boundary rule (decision 009, "Boundary rule") is Biome's noRestrictedImports in biome.json. It
// only holds if a planted violation really fails `npm run lint`, so this test plants files in the tree
// (the overrides match by path), runs the repository's Biome on them and removes them again.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const biome = join(root, 'node_modules/.bin/biome');
const planted: string[] = [];

afterAll(() => {
  for (const dir of planted) rmSync(dir, { recursive: true, force: true });
});

/** Writes `source` at `relPath` under a fresh folder of `parent` and lints it: the rules reported. */
async function lintPlanted(parent: string, relPath: string, source: string): Promise<string[]> {
  const dir = join(root, parent, `zz-boundary-probe-${randomUUID().slice(0, 8)}`);
  planted.push(dir);
  const file = join(dir, relPath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  try {
    await promisify(execFile)(biome, ['lint', '--reporter=json', '--max-diagnostics=50', file], { cwd: root });
    return [];
  } catch (error) {
    const { stdout } = error as { stdout: string };
    const report = JSON.parse(stdout) as { diagnostics: { category: string }[] };
    return report.diagnostics.map((d) => d.category);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RULE = 'lint/style/noRestrictedImports';

describe('the boundary lint rule', () => {
  it("refuses a feature importing another feature's repository or routes", async () => {
    const source = [
      "import { findEmployeeById } from '../employees/employees.repository';",
      "import { employeeRoutes } from '../employees/employees.routes';",
      'export const probe = [findEmployeeById, employeeRoutes];',
      '',
    ].join('\n');
    const rules = await lintPlanted('apps/hr-server/src/features', 'probe/probe.service.ts', source);
    expect(rules).toEqual([RULE, RULE]);
  }, 30_000);

  it("passes a feature that calls another feature's service and its own repository", async () => {
    const source = [
      "import { getEmployee } from '../employees/employees.service';",
      "import { findProbe } from './probe.repository';",
      'export const probe = [getEmployee, findProbe];',
      '',
    ].join('\n');
    const rules = await lintPlanted('apps/hr-server/src/features', 'probe/probe.service.ts', source);
    expect(rules).toEqual([]);
  }, 30_000);

  it('refuses an app importing another app, or a package by relative path', async () => {
    const source = [
      "import { buildApp } from '@jinji/training-server/app';",
      "import { api } from '../../../hr-web/src/lib/api-client';",
      "import { foldWidth } from '../../../../packages/ja/src/text';",
      'export const probe = [buildApp, api, foldWidth];',
      '',
    ].join('\n');
    const rules = await lintPlanted('apps/hr-server/src', 'probe.ts', source);
    expect(rules).toEqual([RULE, RULE, RULE]);
  }, 30_000);

  it('refuses a package importing an app', async () => {
    const source = [
      "import { buildApp } from '@jinji/hr-server/app';",
      "import { config } from '../../../../apps/hr-server/src/config';",
      'export const probe = [buildApp, config];',
      '',
    ].join('\n');
    const rules = await lintPlanted('packages/ja/src', 'probe.ts', source);
    expect(rules).toEqual([RULE, RULE]);
  }, 30_000);
});
