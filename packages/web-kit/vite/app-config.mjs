// The Vite config of a web app: the app's plugins (React's among them: the kit cannot resolve the app's
// Vite plugins, which npm installs beside each app), the page (bootScreen) in the app's Mantine color, the
// build into dist/ and, in development, /api proxied to the app's server. Plain .mjs, as boot-screen.mjs.
import { DEFAULT_THEME } from '@mantine/core';
import { bootScreen } from './boot-screen.mjs';

/** @param {import('./app-config.d.mts').AppViteOptions} app */
export function appViteConfig({ title, color, plugins, apiPort, devPort, build }) {
  // The boot screen in the shades the app's Mantine theme uses for text (9), a track (1) and a filled part (6).
  const shades = DEFAULT_THEME.colors[color];
  if (!shades) throw new Error(`appViteConfig: ${color} is not a Mantine color`);
  return {
    plugins: [...plugins, bootScreen({ title, color: shades[9], track: shades[1], accent: shades[6] })],
    build: { outDir: 'dist', emptyOutDir: true, ...build },
    server: { ...(devPort && { port: devPort }), proxy: { '/api': `http://localhost:${apiPort}` } },
  };
}
