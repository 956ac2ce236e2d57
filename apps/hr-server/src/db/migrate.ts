// HR's migrations (drizzle-kit, committed in ./migrations) through the kit's migrator; folder and lock
// key are in hrDatabase (client.ts).
import { hrDatabase } from './client';

export const migrateDatabase = hrDatabase.migrate;
