// Durable jobs on pg-boss 10 on both engines, one pg-boss schema per app (decisions 003, 009): a
// connection string on PostgreSQL, and on PGlite pg-boss's own `db` adapter option over the single
// embedded connection that every app of the process shares.
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import type { Engine } from '@jinji/db/client';
import PgBoss from 'pg-boss';

// pg-boss 10's worker ends a run with `this.complete(…)` / `this.fail(…)` and awaits neither: when the
// database goes away at that moment (a restart, pg_terminate_backend) the rejection is unhandled and
// Node ends the process (#14 item 2). Each promise of the two gets a handler that reports the error on
// pg-boss's 'error' event; a caller awaiting one still gets the rejection. The run whose completion was
// lost stays active until it expires and runs again: every handler of jinji is idempotent.
type ManagerMethod = (this: EventEmitter, ...args: unknown[]) => Promise<unknown>;
const manager = createRequire(import.meta.url)('pg-boss/src/manager.js') as {
  prototype: Record<'complete' | 'fail', ManagerMethod> & { __jinjiSettled?: true };
};
if (!manager.prototype.__jinjiSettled) {
  manager.prototype.__jinjiSettled = true;
  for (const method of ['complete', 'fail'] as const) {
    const original = manager.prototype[method];
    manager.prototype[method] = function (this: EventEmitter, ...args: unknown[]) {
      const result = original.apply(this, args);
      result.catch((err: unknown) => {
        if (this.listenerCount('error') > 0) this.emit('error', err);
      });
      return result;
    };
  }
}

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
