/** PostgreSQL unique_violation (23505), through drizzle's (or a caller's) wrapping in `cause`. */
export function isUniqueViolation(error: unknown): boolean {
  let e = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** What a log or a job's output may keep of a database error: codes and names, never values. */
export type DatabaseErrorInfo = { code: string; constraint?: string; table?: string; column?: string };

/**
 * The PostgreSQL error inside `error` (drizzle wraps it as `cause`), or null when there is none.
 * Drizzle's own message ("Failed query: … params: …") and PostgreSQL's message and detail carry the
 * row's values, so only the SQLSTATE and the object names are taken.
 */
export function findDatabaseError(error: unknown): DatabaseErrorInfo | null {
  let e = error as { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown; cause?: unknown } | null;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    // a PostgreSQL error (pg or PGlite) has a five-character SQLSTATE and a severity
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e) {
      const name = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
      return { code: e.code, constraint: name(e.constraint), table: name(e.table), column: name(e.column) };
    }
    e = e.cause as typeof e;
  }
  return null;
}

/** drizzle's wrapper of a failed statement: its message holds the SQL and every parameter. */
export function isFailedQuery(error: unknown): boolean {
  return error instanceof Error && (error.name === 'DrizzleQueryError' || error.message.startsWith('Failed query:'));
}
