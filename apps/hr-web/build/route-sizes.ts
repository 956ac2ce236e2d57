// What the browser downloads to show each route, from Vite's manifest: the entry's static imports
// plus the route's lazy components and their static imports, gzip-compressed. Run after every build
// (the vite plugin below) and by the build-size test, so /login cannot silently grow again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export type TManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
};
export type TManifest = Record<string, TManifestChunk>;

const ADMIN_LAYOUT = 'src/app/admin-layout.tsx';
const page = (feature: string, name: string) => `src/features/${feature}/components/${name}.tsx`;

/** Route → the lazy modules it renders (router.tsx). Every lazy module must appear here (tested). */
export const ROUTE_MODULES: Record<string, string[]> = {
  '/login': [page('auth', 'login-page')],
  '/setup': [page('setup', 'setup-page')],
  '/password': [page('password', 'password-change-page')],
  '/password/forgot': [page('auth', 'forgot-password-page')],
  '/password/set/$token': ['../../packages/web-kit/src/ui/password-set-page.tsx'],
  '/my': ['src/app/my-layout.tsx', page('my-story', 'my-page')],
  '/my/startup': ['src/app/my-layout.tsx', page('my-story', 'startup-page')],
  '/admin': [ADMIN_LAYOUT, page('dashboard', 'admin-home-page')],
  '/admin/employees': [ADMIN_LAYOUT, page('employees', 'employee-list-page')],
  '/admin/employees/new': [ADMIN_LAYOUT, page('employees', 'employee-new-page')],
  '/admin/employees/$id': [ADMIN_LAYOUT, page('employees', 'employee-detail-page')],
  '/admin/employees/import': [ADMIN_LAYOUT, page('imports', 'import-page')],
  '/admin/employees/import/rules': [ADMIN_LAYOUT, page('imports', 'import-rules-page')],
  '/admin/masters': [ADMIN_LAYOUT, page('masters', 'masters-index-page')],
  '/admin/masters/$kind': [ADMIN_LAYOUT, page('masters', 'master-page')],
  '/admin/system/password-policy': [ADMIN_LAYOUT, page('password', 'password-policy-page')],
  '/admin/system/code-settings': [ADMIN_LAYOUT, page('code-settings', 'code-settings-page')],
  '/admin/system/access': [ADMIN_LAYOUT, page('access', 'access-matrix-page')],
  '/admin/system/access/$role': [ADMIN_LAYOUT, page('access', 'role-members-page')],
  '/admin/system/audit-logs': [ADMIN_LAYOUT, page('audit-logs', 'audit-log-page')],
  '/admin/system/mails': [ADMIN_LAYOUT, page('mails', 'mail-log-page')],
  '/my/requests': ['src/app/my-layout.tsx', page('requests', 'my-requests-page')],
  '/my/requests/new': ['src/app/my-layout.tsx', page('requests', 'request-new-page')],
  '/my/requests/$id': ['src/app/my-layout.tsx', page('requests', 'request-detail-page')],
  '/my/approvals': ['src/app/my-layout.tsx', page('requests', 'approvals-page')],
  '/admin/requests': [ADMIN_LAYOUT, page('requests', 'approvals-page')],
  '/admin/requests/$id': [ADMIN_LAYOUT, page('requests', 'request-detail-page')],
  '/admin/requests/types': [ADMIN_LAYOUT, page('requests', 'request-types-page')],
  '/admin/records': [ADMIN_LAYOUT, page('records', 'record-list-page')],
  '/admin/records/tasks': [ADMIN_LAYOUT, page('records', 'record-tasks-page')],
  '/admin/employees/profile-settings': [ADMIN_LAYOUT, page('profile-sheet', 'profile-settings-page')],
};

/** The manifest keys (chunks) loaded for these entry keys: each one and its static imports, transitively. */
export function staticClosure(manifest: TManifest, keys: string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of keys) visit(key);
  return [...seen];
}

export const entryKey = (manifest: TManifest) => {
  const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!key) throw new Error('the manifest has no entry');
  return key;
};

export type TRouteSize = { route: string; chunks: string[]; jsGzip: number; cssGzip: number };

/** gzip bytes of the JavaScript and CSS each route needs, read from a built dist directory. */
export function measureRoutes(distDir: string, manifest: TManifest): TRouteSize[] {
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;
      gz.set(file, size);
    }
    return size;
  };
  const entry = entryKey(manifest);
  return Object.entries(ROUTE_MODULES).map(([route, modules]) => {
    const chunks = staticClosure(manifest, [entry, ...modules]);
    const files = chunks.map((k) => manifest[k]!.file);
    const css = new Set(chunks.flatMap((k) => manifest[k]!.css ?? []));
    return {
      route,
      chunks,
      jsGzip: files.reduce((sum, f) => sum + gzipOf(f), 0),
      cssGzip: [...css].reduce((sum, f) => sum + gzipOf(f), 0),
    };
  });
}

export const readManifest = (distDir: string): TManifest =>
  JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as TManifest;

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);

export function formatRouteSizes(sizes: TRouteSize[]): string {
  const width = Math.max(...sizes.map((s) => s.route.length));
  const lines = sizes.map((s) => `  ${s.route.padEnd(width)}  ${kb(s.jsGzip)} KB JS  ${kb(s.cssGzip)} KB CSS`);
  const login = sizes.find((s) => s.route === '/login');
  return [
    'gzip per route (entry + lazy route chunks):',
    ...lines,
    login ? `  login total: ${kb(login.jsGzip + login.cssGzip).trim()} KB (JS ${kb(login.jsGzip).trim()} KB)` : '',
  ].join('\n');
}

/** Prints the per-route table after `vite build`. */
export function routeSizesPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'jinji-route-sizes',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      console.log(formatRouteSizes(measureRoutes(outDir, readManifest(outDir))));
    },
  };
}
