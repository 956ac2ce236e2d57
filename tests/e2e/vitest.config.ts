import { defineConfig } from 'vitest/config';

// Journeys in a real Chromium against a real hr-server (PGlite), one server per test file.
// The project root is this directory (support/paths.ts resolves the repo root itself).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
