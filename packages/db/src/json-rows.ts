// One bulk-write helper (STYLE "only one way"): many rows in one statement. The rows travel as one
// JSON parameter and json_populate_recordset types them by the table's own row type, under the
// tenant's RLS policy like every other write (COPY is not allowed under row-level security).
import { type SQL, sql } from 'drizzle-orm';

type Executes = { execute(query: SQL): PromiseLike<unknown> };

/**
 * The JSON array of `rows`: a string, or with `binary` its UTF-8 bytes, built row by row. A batch of
 * 2,000 rows is a string of several MB, which V8 keeps in its large-object space until a full GC;
 * row-sized strings die young and the bytes are external memory, which V8 collects under pressure.
 * node-postgres sends a Buffer as the parameter's binary form, and json's binary form is its text.
 * PGlite wants the string.
 */
export function jsonArray(rows: readonly object[], binary: boolean): string | Buffer {
  if (!binary) return JSON.stringify(rows);
  let out = Buffer.allocUnsafe(64 * 1024);
  let at = 0;
  const room = (bytes: number) => {
    if (at + bytes <= out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(at + bytes, out.length * 2));
    out.copy(bigger, 0, 0, at);
    out = bigger;
  };
  // room for the worst case (3 UTF-8 bytes per UTF-16 unit) and a separator, so each row is encoded once
  const put = (text: string, separator: number) => {
    room(text.length * 3 + 1);
    out[at++] = separator;
    at += out.write(text, at, 'utf8');
  };
  for (let i = 0; i < rows.length; i++) put(JSON.stringify(rows[i]), i === 0 ? 0x5b : 0x2c); // [ then ,
  if (rows.length === 0) put('', 0x5b);
  room(1);
  out[at++] = 0x5d; // ]
  return out.subarray(0, at);
}

/** `json` is a JSON array of objects keyed by column name; only `columns` are written (the rest keep their defaults). */
export async function insertJsonRows(
  tx: Executes,
  table: string,
  columns: readonly string[],
  json: string | Buffer,
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
