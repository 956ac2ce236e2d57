// Durable jobs on pg-boss 10 on both engines: a connection string on PostgreSQL, and on PGlite
// pg-boss's own `db` adapter option over the single embedded connection (docs/decisions/003).
import PgBoss from 'pg-boss';
import type { Database } from '../db/client';

export function createBoss(db: Database): PgBoss {
  const options: PgBoss.ConstructorOptions =
    'connectionString' in db.jobConnection
      ? { connectionString: db.jobConnection.connectionString, max: 4 }
      : { db: db.jobConnection.db as PgBoss.Db };
  return new PgBoss({ ...options, schema: 'pgboss' });
}

export async function startJobs(
  db: Database,
  onError: (err: Error) => void,
): Promise<{ boss: PgBoss; stop(): Promise<void> }> {
  const boss = createBoss(db);
  boss.on('error', onError); // attached before start: an unheard 'error' event would end the process
  await boss.start();
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
