import { defineConfig } from 'vitest/config';

// Journeys in a real Chromium against a real server (HR, training; PGlite or PostgreSQL), one per test file.
// The project root is this directory (support/paths.ts resolves the repo root itself).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // In the server tests' pool (2 workers), not after it: a project without file parallelism runs in
    // Vitest's sequential group, after every other file, one journey at a time — while a journey waits on
    // its browser and its server, the second core stood idle. Each journey has its own server, port,
    // data directory or PostgreSQL database, so two at once (or one beside a server test) share nothing.
    maxWorkers: 2,
  },
});
