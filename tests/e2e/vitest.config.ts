import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Journeys in a real Chromium against a real hr-server (PGlite), one server per test file.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
