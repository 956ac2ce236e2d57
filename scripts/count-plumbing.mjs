// Counts the training skeleton's own plumbing (issue #10's "at most 200 lines"): every source file under
// apps/training-server and apps/training-web that is not a feature (src/features/**), leaving out the
// generated migration SQL and drizzle's snapshot/journal JSON, package.json, tsconfig*.json and the locale
// string files (locales/**). The table declarations (src/db/schema/**) are the features' data model, not
// plumbing (decision 009): they grow with every feature, so they are printed as their own figure and not
// held to the limit. Lines are NON-BLANK lines (comments count: they are part of what a reader maintains).
// Prints each counted file with its count, then the total; exits 1 above the limit.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const APPS = ['apps/training-server', 'apps/training-web'];
const LIMIT = 200;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'features', 'migrations', 'locales']);
const SOURCE = /\.(ts|tsx|mts|mjs|js|html|css)$/;
const EXCLUDED = [/\.test\.tsx?$/, /\.e2e\.ts$/, /^package\.json$/, /^tsconfig.*\.json$/];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // `features` is skipped only as src/features (a feature); `migrations` holds the generated SQL and JSON.
    if (entry.isDirectory()) {
      const isFeatures = entry.name === 'features' && path.basename(dir) === 'src';
      if (SKIP_DIRS.has(entry.name) && (entry.name !== 'features' || isFeatures)) continue;
      yield* walk(full);
    } else if (SOURCE.test(entry.name) && !EXCLUDED.some((re) => re.test(entry.name))) yield full;
  }
}

const all = APPS.flatMap((app) => [...walk(path.join(root, app))])
  .map((file) => ({
    file: path.relative(root, file),
    lines: readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '').length,
  }))
  .sort((a, b) => a.file.localeCompare(b.file));
const isTables = (r) => r.file.includes('/src/db/schema/');
const rows = all.filter((r) => !isTables(r));
const tables = all.filter(isTables).reduce((sum, r) => sum + r.lines, 0);
const total = rows.reduce((sum, r) => sum + r.lines, 0);
for (const r of rows) console.log(`${String(r.lines).padStart(5)}  ${r.file}`);
console.log(`${String(total).padStart(5)}  total (non-blank lines; limit ${LIMIT})`);
console.log(
  `${String(tables).padStart(5)}  table declarations in src/db/schema (the features' data model; not held to the limit)`,
);
if (total > LIMIT) process.exitCode = 1;
