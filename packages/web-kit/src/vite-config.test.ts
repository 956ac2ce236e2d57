// The kit's Vite config of a web app (vite/app-config.mjs): the page in the app's Mantine shades — the
// ones both apps wrote by hand before — the build into dist/, the dev proxy to the app's server.
import { describe, expect, it } from 'vitest';
import { appViteConfig } from '../vite/app-config.mjs';

type THtmlHook = { handler: (html: string) => string };
const pageOf = (config: ReturnType<typeof appViteConfig>) => {
  const plugin = config.plugins?.find(
    (p: unknown) => typeof p === 'object' && p !== null && 'name' in p && p.name === 'jinji-boot-screen',
  );
  return ((plugin as { transformIndexHtml: THtmlHook }).transformIndexHtml as THtmlHook).handler('<!-- jinji:page -->');
};

describe('appViteConfig', () => {
  it("draws the boot screen in the app's Mantine color (shades 9, 1 and 6) under its title", () => {
    const page = pageOf(appViteConfig({ title: 'jinji 研修申込システム', color: 'teal', plugins: [], apiPort: 3100 }));
    expect(page).toContain('<title>jinji 研修申込システム</title>');
    expect(page).toContain('color: #087f5b');
    expect(page).toContain('border: 4px solid #c3fae8');
    expect(page).toContain('border-top-color: #12b886');
    const hr = pageOf(appViteConfig({ title: 'jinji 人事管理', color: 'indigo', plugins: [], apiPort: 3000 }));
    expect(hr).toContain('color: #364fc7');
    expect(hr).toContain('border: 4px solid #dbe4ff');
    expect(hr).toContain('border-top-color: #4c6ef5');
  });

  it("keeps the app's plugins and build options, builds into dist/ and proxies /api to the app's server", () => {
    const own = { name: 'own' };
    const config = appViteConfig({
      title: 't',
      color: 'indigo',
      plugins: [own],
      apiPort: 3000,
      build: { manifest: true },
    });
    expect(config.plugins?.[0]).toBe(own);
    expect(config.build).toEqual({ outDir: 'dist', emptyOutDir: true, manifest: true });
    expect(config.server).toEqual({ proxy: { '/api': 'http://localhost:3000' } });
    const training = appViteConfig({ title: 't', color: 'teal', plugins: [], apiPort: 3100, devPort: 5174 });
    expect(training.server).toEqual({ port: 5174, proxy: { '/api': 'http://localhost:3100' } });
  });

  it('refuses a color Mantine does not have', () => {
    expect(() => appViteConfig({ title: 't', color: 'tael' as 'teal', plugins: [], apiPort: 3100 })).toThrow(/tael/);
  });
});
