// Every SQL text a test's engine is sent, as sent: on PGlite through its connection's query, exec and
// transactions; on PostgreSQL through pg's Client (every pool, the request logins' included, goes
// through it). For checks over what the app really issues (tenant-sql.ts), not over what its source says.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Engine } from '@jinji/db/client';
import pg from 'pg';

export type SqlCapture = { statements: Set<string>; stop(): void };

const textOf = (q: unknown): string | null =>
  typeof q === 'string'
    ? q
    : typeof q === 'object' && q !== null && typeof (q as { text?: unknown }).text === 'string'
      ? (q as { text: string }).text
      : null;

export function captureSql(engine: Engine): SqlCapture {
  const statements = new Set<string>();
  const keep = (q: unknown) => {
    const t = textOf(q);
    if (t) statements.add(t);
  };
  if (engine.kind === 'pglite') {
    const client = engine.client as PGlite;
    const { query, exec, transaction } = client;
    const wrapTx = (tx: Transaction): Transaction =>
      new Proxy(tx, {
        get(target, key, receiver) {
          const v = Reflect.get(target, key, receiver);
          if (key === 'query' || key === 'exec')
            return (text: string, ...rest: unknown[]) => {
              keep(text);
              return (v as (...a: unknown[]) => unknown).call(target, text, ...rest);
            };
          return v;
        },
      });
    client.query = ((text: string, ...rest: unknown[]) => {
      keep(text);
      return (query as (...a: unknown[]) => unknown).call(client, text, ...rest);
    }) as PGlite['query'];
    client.exec = ((text: string, ...rest: unknown[]) => {
      keep(text);
      return (exec as (...a: unknown[]) => unknown).call(client, text, ...rest);
    }) as PGlite['exec'];
    client.transaction = ((fn: (tx: Transaction) => Promise<unknown>) =>
      transaction.call(client, (tx) => fn(wrapTx(tx)))) as PGlite['transaction'];
    return {
      statements,
      stop: () => {
        client.query = query;
        client.exec = exec;
        client.transaction = transaction;
      },
    };
  }
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, q: unknown, ...rest: unknown[]) {
    keep(q);
    return original.call(this, q, ...rest);
  };
  return {
    statements,
    stop: () => {
      proto.query = original;
    },
  };
}
