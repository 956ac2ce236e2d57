// Durable jobs on pg-boss 10 on both engines, one pg-boss schema per app (decisions 003, 009): a
// connection string on PostgreSQL, and on PGlite pg-boss's own `db` adapter option over the single
// embedded connection that every app of the process shares.
import type { Engine } from '@jinji/db/client';
import PgBoss from 'pg-boss';

/** `schema`: the app's pg-boss schema (HR: pgboss). It holds no tenant data and is under no RLS. */
export function createBoss(engine: Engine, opts: { schema: string }): PgBoss {
  const options: PgBoss.ConstructorOptions =
    engine.kind === 'postgres'
      ? { connectionString: engine.connectionString, max: 4 }
      : { db: { executeSql: engine.executeSql } as PgBoss.Db };
  return new PgBoss({ ...options, schema: opts.schema });
}

export async function startBoss(
  engine: Engine,
  opts: { schema: string; onError: (err: Error) => void },
): Promise<{ boss: PgBoss; stop(): Promise<void> }> {
  const boss = createBoss(engine, opts);
  boss.on('error', opts.onError); // attached before start: an unheard 'error' event would end the process
  await boss.start();
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }) };
}
