import { ERROR_MESSAGES } from '@jinji/contracts/common/errors';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error';
import type { DatabaseErrorReader } from './logger';

// The one error handler: every answer is { error: { code, message, fields?, requestId } } with a code of
// the contracts union and the request's id (お問い合わせ番号, the reqId of its log lines). A 5xx tells the
// user nothing of the cause; the log gets the error (serialized without personal values) and the request's
// method and route. A database out of reach (a restart, a terminated connection) answers 503
// SERVICE_UNAVAILABLE: the pool reconnects, and trying again works.
export const errorHandler =
  (databaseErrors: Pick<DatabaseErrorReader, 'isUnavailable'>) =>
  (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    handleError(error, request, reply, databaseErrors);

function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  databaseErrors: Pick<DatabaseErrorReader, 'isUnavailable'>,
) {
  if (error instanceof AppError) {
    return reply
      .code(error.status)
      .send({ error: { code: error.code, message: error.message, fields: error.fields, requestId: request.id } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: String(v.instancePath ?? '')
        .replace(/^\//, '')
        .replaceAll('/', '.'),
      message: v.message ?? ERROR_MESSAGES.VALIDATION_FAILED,
    }));
    return reply.code(400).send({
      error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED, fields, requestId: request.id },
    });
  }
  if (error.statusCode === 429) {
    return reply
      .code(429)
      .send({ error: { code: 'TOO_MANY_REQUESTS', message: ERROR_MESSAGES.TOO_MANY_REQUESTS, requestId: request.id } });
  }
  if (error.statusCode && error.statusCode < 500) {
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type).
    return reply
      .code(error.statusCode)
      .send({ error: { code: 'VALIDATION_FAILED', message: ERROR_MESSAGES.VALIDATION_FAILED, requestId: request.id } });
  }
  if (databaseErrors.isUnavailable(error)) {
    request.log.warn({ err: error, req: request }, 'database unavailable');
    return reply
      .code(503)
      .header('retry-after', '5')
      .send({
        error: { code: 'SERVICE_UNAVAILABLE', message: ERROR_MESSAGES.SERVICE_UNAVAILABLE, requestId: request.id },
      });
  }
  // the request through the req serializer: its method and route pattern, never the URL
  request.log.error({ err: error, req: request }, 'unhandled error');
  return reply.code(500).send({ error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, requestId: request.id } });
}
