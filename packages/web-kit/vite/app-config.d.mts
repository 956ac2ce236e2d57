import type { DefaultMantineColor } from '@mantine/core';
import type { BuildOptions, PluginOption, UserConfig } from 'vite';

export type AppViteOptions = {
  /** the page's <title> */
  title: string;
  /** the app's Mantine primary color: the boot screen's look */
  color: DefaultMantineColor;
  /** the app's Vite plugins, React's first */
  plugins: PluginOption[];
  /** where the app's server listens in development (/api is proxied there) */
  apiPort: number;
  /** the dev server's port (Vite's default, 5173, when left out) */
  devPort?: number;
  /** build options beyond dist/ (HR: `manifest: true` for its route sizes) */
  build?: BuildOptions;
};

export function appViteConfig(app: AppViteOptions): UserConfig;
