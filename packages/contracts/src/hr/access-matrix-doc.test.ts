import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderAccessMatrixDoc } from './access-matrix-doc';

it('docs/access-matrix.md is the current matrix', () => {
  const doc = readFileSync(path.resolve(import.meta.dirname, '../../../../docs/access-matrix.md'), 'utf8');
  expect(doc).toBe(renderAccessMatrixDoc());
});
