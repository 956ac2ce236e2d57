import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/hr-server/src/db/schema/index.ts',
  out: './apps/hr-server/src/db/migrations',
});
