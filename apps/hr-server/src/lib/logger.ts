import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config';

// pino JSON. Secrets never reach the log: Fastify's request serializer logs no headers or bodies,
// and these paths are redacted should anything log them.
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

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } };
}
