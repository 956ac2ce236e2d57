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
  const builder = jsonArrayBuilder(true);
  for (const row of rows) builder.push(row);
  return builder.take();
}

export type JsonArrayBuilder = {
  /** rows pushed since the last take */
  readonly size: number;
  push(row: object): void;
  /** the JSON array of the rows pushed since the last take (jsonArray's output), and a fresh start */
  take(): string | Buffer;
  /**
   * Gives back bytes `take` returned once nothing reads them any more (their statement has run): the
   * next batches are built in them instead of new memory. Text is ignored.
   */
  release(json: string | Buffer): void;
};

/**
 * jsonArray one row at a time, for a writer that turns each row into JSON as soon as it has it (the
 * row's objects then die young instead of waiting, promoted, for the batch's statement). With
 * `binary` each take hands out the space the batch was built in, and `release` gives it back: a
 * writer that releases each batch after its statement builds every batch in the same few buffers,
 * instead of leaving a batch's worth of external memory behind each time for a full GC to free.
 */
export function jsonArrayBuilder(binary: boolean): JsonArrayBuilder {
  let size = 0;
  let parts: string[] = [];
  let out: Buffer | null = null;
  let at = 0;
  const spare: Buffer[] = [];
  const room = (bytes: number) => {
    out ??= spare.pop() ?? Buffer.allocUnsafeSlow(Math.max(64 * 1024, bytes));
    if (at + bytes <= out.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(at + bytes, out.length * 2));
    out.copy(bigger, 0, 0, at);
    out = bigger;
  };
  // room for the worst case (3 UTF-8 bytes per UTF-16 unit) and a separator, so each row is encoded once
  const put = (text: string, separator: number) => {
    room(text.length * 3 + 1);
    out![at++] = separator;
    at += out!.write(text, at, 'utf8');
  };
  return {
    get size() {
      return size;
    },
    push(row) {
      const text = JSON.stringify(row);
      if (binary)
        put(text, size === 0 ? 0x5b : 0x2c); // [ then ,
      else parts.push(text);
      size++;
    },
    take() {
      size = 0;
      if (!binary) {
        const text = `[${parts.join(',')}]`;
        parts = [];
        return text;
      }
      if (at === 0) put('', 0x5b);
      room(1);
      out![at++] = 0x5d; // ]
      const result = out!.subarray(0, at);
      at = 0;
      out = null;
      return result;
    },
    release(json) {
      if (!binary || typeof json === 'string') return;
      // only what take handed out: a whole buffer of its own, from its start
      if (json.byteOffset !== 0 || json.buffer.byteLength > MAX_KEPT || spare.length >= MAX_SPARE) return;
      const whole = Buffer.from(json.buffer, 0, json.buffer.byteLength);
      if (out?.buffer !== whole.buffer && !spare.some((b) => b.buffer === whole.buffer)) spare.push(whole);
    },
  };
}

/** Space a builder keeps for the next batches: buffers up to 16 MB, a few (the batches in flight). */
const MAX_KEPT = 16 * 1024 * 1024;
const MAX_SPARE = 4;

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

/** One table's rows for `insertJsonRowSets`: `json` as `jsonArray` builds it; only `columns` are written. */
export type JsonRowSet = { table: string; columns: readonly string[]; json: string | Buffer };

/**
 * Several tables' rows in ONE statement (data-modifying CTEs): one round trip instead of one per
 * table, so a batch does not wait on the caller's event loop between its tables. Every insert sees
 * the same snapshot, and foreign keys are checked at the end of the statement, so a row may
 * reference one inserted by another set of the same call (an account its new employee).
 */
export async function insertJsonRowSets(tx: Executes, sets: readonly JsonRowSet[]): Promise<void> {
  if (sets.length === 0) return;
  const insertOf = ({ table, columns, json }: JsonRowSet) => {
    const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
    return sql`insert into ${sql.identifier(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(table)}, ${json}::json)`;
  };
  if (sets.length === 1) {
    await tx.execute(insertOf(sets[0]!));
    return;
  }
  const ctes = sql.join(
    sets.map((s, i) => sql`${sql.raw(`w${i}`)} as (${insertOf(s)})`),
    sql`, `,
  );
  await tx.execute(sql`with ${ctes} select 1`);
}

/** Rows as objects: the columns are the first row's keys. */
export async function insertJsonObjects(tx: Executes, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  await insertJsonRows(tx, table, Object.keys(rows[0]!), JSON.stringify(rows));
}
