import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/training-server/src/db/schema/index.ts',
  out: './apps/training-server/src/db/migrations',
  schemaFilter: ['training'],
});
