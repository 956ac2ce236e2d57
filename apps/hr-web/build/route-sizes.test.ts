// The first paint of /login on a slow line: what it downloads stays small, and none of it is the
// admin console. Builds the web app into a temporary directory and reads Vite's manifest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryKey, measureRoutes, ROUTE_MODULES, readManifest, type TManifest } from './route-sizes';

const webDir = path.resolve(import.meta.dirname, '..');
const LOGIN_JS_LIMIT = 200 * 1024;

let outDir = '';
let manifest: TManifest;
/** chunk file → the source modules rendered into it */
const modulesOf = new Map<string, string[]>();

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'jinji-web-build-'));
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    mode: 'production',
    root: webDir,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
    plugins: [
      {
        name: 'capture-chunk-modules',
        generateBundle(_options, bundle) {
          for (const [file, out] of Object.entries(bundle)) {
            if (out.type === 'chunk') modulesOf.set(file, out.moduleIds);
          }
        },
      },
    ],
  });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  manifest = readManifest(outDir);
}, 180_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const loginSize = () => {
  const login = measureRoutes(outDir, manifest).find((s) => s.route === '/login');
  if (!login) throw new Error('no /login row');
  return login;
};

describe('first paint of /login', () => {
  it('downloads at most 200 KB of gzip JavaScript', () => {
    expect(loginSize().jsGzip).toBeLessThanOrEqual(LOGIN_JS_LIMIT);
  });

  it('carries no admin or My STORY screen, nor zod', () => {
    const modules = loginSize().chunks.flatMap((key) => modulesOf.get(manifest[key]!.file) ?? []);
    const rel = modules.map((id) => path.relative(webDir, id).replaceAll(path.sep, '/'));
    expect(rel).toContain('src/features/auth/components/login-page.tsx');
    const screens = rel.filter((id) => /^src\/(app|features)\/.*-(page|layout)\.tsx$/.test(id));
    expect(screens.sort()).toEqual(['src/app/public-layout.tsx', 'src/features/auth/components/login-page.tsx']);
    expect(rel.filter((id) => id.includes('/node_modules/zod/'))).toEqual([]);
  });
});

describe('the per-route table', () => {
  it('lists every lazily loaded screen of the router', () => {
    const entry = entryKey(manifest);
    const lazyScreens = Object.keys(manifest).filter(
      (key) => key !== entry && manifest[key]?.isDynamicEntry && /-(page|layout)\.tsx$/.test(key),
    );
    const listed = new Set(Object.values(ROUTE_MODULES).flat());
    expect(lazyScreens.filter((key) => !listed.has(key))).toEqual([]);
    expect(lazyScreens.length).toBeGreaterThanOrEqual(15);
  });
});
