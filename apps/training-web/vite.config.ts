import { bootScreen } from '@jinji/web-kit/vite/boot-screen';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    react(),
    bootScreen({ title: 'jinji 研修申込システム', color: '#087f5b', track: '#c3fae8', accent: '#12b886' }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
  // training-server listens on TRAINING_PORT (3100 by default).
  server: { port: 5174, proxy: { '/api': 'http://localhost:3100' } },
});
