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

// Connection failures: the database is (for now) out of reach, not wrong. SQLSTATE class 08 (connection
// exception), 57P01–57P03 (admin_shutdown, crash_shutdown, cannot_connect_now: a restart or a terminated
// backend), 53300 (too_many_connections); node's socket errors; and node-postgres's own errors, which have
// no code (a socket closed under a query, a client whose connection broke, a connect timeout).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
];

/**
 * True when `error` (or what it wraps: drizzle's `cause`, an AggregateError's `errors`) says the database
 * could not be reached: the request may succeed when tried again, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== 'object' || depth > 5 || seen.has(e)) return false;
    seen.add(e);
    const { code, message, cause, errors } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (
      typeof code === 'string' &&
      (/^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))
    )
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m))) return true;
    if (Array.isArray(errors) && errors.some((x) => visit(x, depth + 1))) return true;
    return visit(cause, depth + 1);
  };
  return visit(error, 0);
}
