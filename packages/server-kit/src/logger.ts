import { Writable } from 'node:stream';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from './config';

// pino JSON. Logs carry codes, ids and counts, never personal values:
// - a request is logged as its method and route pattern, never its URL (the query holds search terms);
// - a database error keeps its SQLSTATE and object names, never the driver's SQL and parameters or
//   PostgreSQL's message and detail (they quote the row);
// - headers and bodies are not logged; these paths are redacted should anything log them.
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.adminPassword',
  '*.token',
  '*.csrfToken',
];

/** What a log may keep of a database error: codes and names, never values. */
export type DatabaseErrorInfo = { code: string; constraint?: string; table?: string; column?: string };

/** How the app's database layer recognises its errors (the kit names no driver). */
export type DatabaseErrorReader = {
  /** the PostgreSQL error inside `error`, or null */
  findDatabaseError(error: unknown): DatabaseErrorInfo | null;
  /** a wrapper of a failed statement whose message holds the SQL and its parameters */
  isFailedQuery(error: unknown): boolean;
  /** the database could not be reached (a restart, a terminated connection): answered 503, not 500 */
  isUnavailable(error: unknown): boolean;
};

type SerializedError = { type: string; message: string; stack: string; [key: string]: unknown };

// the "at …" frames only: an error's first stack line repeats its message
const framesOf = (stack: string | undefined) =>
  (stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');

export function serializeError(error: unknown, databaseErrors: DatabaseErrorReader, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  const db = databaseErrors.findDatabaseError(error);
  if (db || databaseErrors.isFailedQuery(error)) {
    const info = db ?? { code: 'DATABASE_ERROR' };
    return { type: error.name, message: `database error ${info.code}`, stack: framesOf(error.stack), ...info };
  }
  const e = error as Error & { code?: unknown; statusCode?: unknown };
  return {
    type: error.name,
    message: error.message,
    stack: error.stack ?? '',
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(error.cause instanceof Error && depth < 3
      ? { cause: serializeError(error.cause, databaseErrors, depth + 1) }
      : {}),
  };
}

export function logSerializers(databaseErrors: DatabaseErrorReader) {
  return {
    req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? null }),
    err: (error: unknown) => serializeError(error, databaseErrors),
  };
}

type LoggerOption = FastifyServerOptions['logger'] | boolean;

const REDACTION = { paths: REDACT_PATHS, censor: '[REDACTED]' };

/**
 * A logger at trace level with the server's redaction, writing into `lines`: what the tests that scan a
 * server's log for personal values and secrets give the app (the serializers are added as for any logger).
 */
export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: { level: 'trace' as const, stream, redact: REDACTION } };
}

/**
 * The server's logger: `logger` (a test's stream or false) or the level of the config, always with the
 * serializers and redaction that keep personal values out of the log.
 */
export function loggerOptions(level: LogLevel, databaseErrors: DatabaseErrorReader, logger?: LoggerOption) {
  const serializers = logSerializers(databaseErrors);
  if (logger === undefined) return { level, redact: REDACTION, serializers };
  // a test's own logger options still get the serializers
  return typeof logger === 'object' ? { ...logger, serializers: { ...serializers, ...logger.serializers } } : logger;
}

/** What boot code logs to before the app (and its logger) exists. */
export type BootLog = {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
};

export const consoleLog: BootLog = {
  error: (obj, msg) => console.error(msg, obj),
  warn: (obj, msg) => console.warn(msg, obj),
  info: (obj, msg) => console.log(msg, obj),
};

/** A logger for workers started before the app: it writes to whatever `current()` is at the time. */
export const lateLog = (current: () => BootLog): BootLog => ({
  error: (obj, msg) => current().error(obj, msg),
  warn: (obj, msg) => current().warn(obj, msg),
  info: (obj, msg) => current().info(obj, msg),
});
