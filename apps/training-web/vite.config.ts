import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  // training-server listens on TRAINING_PORT (3100 by default).
  server: { port: 5174, proxy: { '/api': 'http://localhost:3100' } },
});
