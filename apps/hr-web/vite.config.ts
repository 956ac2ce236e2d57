import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { routeSizesPlugin } from './build/route-sizes';

export default defineConfig({
  plugins: [react(), routeSizesPlugin()],
  // The manifest is what build/route-sizes.ts walks to print and test each route's download.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
