import { findDatabaseError, isFailedQuery } from '@jinji/db/errors';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

// pino JSON. Logs carry codes, ids and counts, never personal values:
// - a request is logged as its method and route pattern, never its URL (the query holds search terms);
// - a database error keeps its SQLSTATE and object names, never drizzle's SQL and parameters or
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

type SerializedError = { type: string; message: string; stack: string; [key: string]: unknown };

// the "at …" frames only: an error's first stack line repeats its message
const framesOf = (stack: string | undefined) =>
  (stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .join('\n');

export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  const db = findDatabaseError(error);
  if (db || isFailedQuery(error)) {
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
    ...(error.cause instanceof Error && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {}),
  };
}

export const LOG_SERIALIZERS = {
  req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? null }),
  err: (error: unknown) => serializeError(error),
};

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: LOG_SERIALIZERS,
  };
}
