// The boot every entry point of a server shares (server, CLI, a launcher of several apps): with the
// config already parsed, take the data-directory lock (embedded database only: one process may open it),
// open the database, and apply each app's migrations. One database serves every app of the process.
import type { BaseConfig } from './config';

export type Closable = { close(): Promise<void> };

/** The database layer's functions; the kit names no driver, schema or migrations folder. */
export type DatabaseDriver<Db extends Closable> = {
  openDatabase(opts: { databaseUrl: string | undefined; dataDir: string }): Promise<Db>;
  /** returns the release function; throws when another process holds the lock */
  acquireDataDirLock(dataDir: string): () => void;
};

export type Booted<Db> = {
  db: Db;
  /** closes the database, then releases the lock */
  close(): Promise<void>;
};

export async function bootDatabase<Db extends Closable>(
  config: Pick<BaseConfig, 'databaseUrl' | 'dataDir'>,
  driver: DatabaseDriver<Db>,
  migrations: ReadonlyArray<(db: Db) => Promise<unknown>>,
): Promise<Booted<Db>> {
  // PostgreSQL takes any number of processes; an embedded data directory only one.
  const releaseLock = config.databaseUrl ? () => {} : driver.acquireDataDirLock(config.dataDir);
  let db: Db;
  try {
    db = await driver.openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  } catch (error) {
    releaseLock();
    throw error;
  }
  const close = async () => {
    try {
      await db.close();
    } finally {
      releaseLock();
    }
  };
  try {
    for (const migrate of migrations) await migrate(db);
  } catch (error) {
    await close();
    throw error;
  }
  return { db, close };
}

/** An app's database definition (packages/db defineAppDatabase) as the boot takes it. */
export type BootableDatabase<Db extends Closable> = {
  driver: DatabaseDriver<Db>;
  migrate(db: Db): Promise<unknown>;
};

/** The boot of an app alone: its database, with its own migrations applied. */
export const bootApp = <Db extends Closable>(
  config: Pick<BaseConfig, 'databaseUrl' | 'dataDir'>,
  database: BootableDatabase<Db>,
): Promise<Booted<Db>> => bootDatabase(config, database.driver, [database.migrate]);
