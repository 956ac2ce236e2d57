import { bootScreen } from '@jinji/web-kit/vite/boot-screen';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { routeSizesPlugin } from './build/route-sizes';

export default defineConfig({
  plugins: [
    react(),
    bootScreen({ title: 'jinji 人事管理', color: '#364fc7', track: '#dbe4ff', accent: '#4c6ef5' }),
    routeSizesPlugin(),
  ],
  // The manifest is what build/route-sizes.ts walks to print and test each route's download.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
