// drizzle-kit's config for an app's schema (`npm run db:generate*`): the app's tables in
// <appDir>/src/db/schema, its generated migrations beside them in src/db/migrations, and — for an app in a
// schema of its own — only that schema compared, so HR's tables never show up in training's migrations.
import { defineConfig } from 'drizzle-kit';

export const appDrizzleConfig = (appDir: string, schemaFilter?: string[]) =>
  defineConfig({
    dialect: 'postgresql',
    schema: `./${appDir}/src/db/schema/index.ts`,
    out: `./${appDir}/src/db/migrations`,
    ...(schemaFilter ? { schemaFilter } : {}),
  });
