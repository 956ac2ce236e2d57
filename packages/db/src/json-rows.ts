// One bulk-write helper (STYLE "only one way"): many rows in one statement. The rows travel as one
// JSON parameter and json_populate_recordset types them by the table's own row type, under the
// tenant's RLS policy like every other write (COPY is not allowed under row-level security).
import { type SQL, sql } from 'drizzle-orm';

type Executes = { execute(query: SQL): PromiseLike<unknown> };

/** `json` is a JSON array of objects keyed by column name; only `columns` are written (the rest keep their defaults). */
export async function insertJsonRows(
  tx: Executes,
  table: string,
  columns: readonly string[],
  json: string,
): Promise<void> {
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  await tx.execute(
    sql`insert into ${sql.identifier(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(table)}, ${json}::json)`,
  );
}

/** Rows as objects: the columns are the first row's keys. */
export async function insertJsonObjects(tx: Executes, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await insertJsonRows(tx, table, Object.keys(rows[0]!), JSON.stringify(rows));
}
