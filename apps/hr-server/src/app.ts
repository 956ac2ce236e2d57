// buildApp(): plugins, then feature routes, then the error handler. server.ts only listens.
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { accessControlRoutes } from './features/access-control/access-control.routes';
import { attendanceRoutes } from './features/attendance/attendance.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { authRoutes } from './features/auth/auth.routes';
import { codeSettingsRoutes } from './features/code-settings/code-settings.routes';
import { employeeRoutes } from './features/employees/employees.routes';
import { healthRoutes } from './features/health/health.routes';
import { importRoutes } from './features/imports/imports.routes';
import type { JobQueue } from './features/imports/imports.service';
import { masterRoutes } from './features/masters/masters.routes';
import { passwordPolicyRoutes } from './features/password-policy/password-policy.routes';
import { setupRoutes } from './features/tenants/setup.routes';
import { AppError, DEFAULT_MESSAGES } from './lib/app-error';
import { LOG_SERIALIZERS, loggerOptions } from './lib/logger';
import { authPlugin } from './plugins/auth';

export type BuildAppOptions = {
  config: Config;
  db: Database;
  /** The durable job queue (pg-boss); without it, routes that start jobs answer with an error. */
  jobs?: JobQueue;
  /** Tests pass false or a stream-backed logger. */
  logger?: FastifyServerOptions['logger'] | boolean;
};

export async function buildApp({ config, db, jobs, logger }: BuildAppOptions): Promise<FastifyInstance> {
  const logOptions = logger ?? loggerOptions(config);
  const app = Fastify({
    // a test's own logger options still get the serializers that keep personal values out of the log
    logger:
      typeof logOptions === 'object'
        ? { ...logOptions, serializers: { ...LOG_SERIALIZERS, ...logOptions.serializers } }
        : logOptions,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Set before any plugin: Fastify children inherit the handler present when they are registered.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .code(error.status)
        .send({ error: { code: error.code, message: error.message, fields: error.fields } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: String(v.instancePath ?? '')
          .replace(/^\//, '')
          .replaceAll('/', '.'),
        message: v.message ?? DEFAULT_MESSAGES.VALIDATION_FAILED,
      }));
      return reply
        .code(400)
        .send({ error: { code: 'VALIDATION_FAILED', message: DEFAULT_MESSAGES.VALIDATION_FAILED, fields } });
    }
    if (error.statusCode === 429) {
      return reply
        .code(429)
        .send({ error: { code: 'TOO_MANY_REQUESTS', message: DEFAULT_MESSAGES.TOO_MANY_REQUESTS } });
    }
    if (error.statusCode && error.statusCode < 500) {
      // Fastify's own 4xx (bad JSON, body too large, unsupported media type).
      return reply
        .code(error.statusCode)
        .send({ error: { code: 'VALIDATION_FAILED', message: DEFAULT_MESSAGES.VALIDATION_FAILED } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects its CSS variables in a <style> element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only means something over TLS; sent by the hook below when the request is https.
    strictTransportSecurity: false,
  });
  // While closing, answers end their keep-alive connection; otherwise close() would wait on sockets
  // whose request was in flight when the signal came.
  let isClosing = false;
  app.addHook('preClose', async () => {
    isClosing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    // every API answer and download may hold personal data: no browser or proxy may keep a copy
    if (request.url.startsWith('/api/') || request.url === '/api') reply.header('cache-control', 'no-store');
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (isClosing) reply.header('connection', 'close');
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('TOO_MANY_REQUESTS'),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'jinji HR API', version: '0.1.0', description: 'jinji 人事管理 HTTP API' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: '__Host-jinji_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { db, config });

  await app.register(healthRoutes, { db });
  await app.register(setupRoutes, { db, config });
  await app.register(authRoutes, { db, config });
  await app.register(passwordPolicyRoutes, { db });
  await app.register(employeeRoutes, { db });
  await app.register(attendanceRoutes, { db });
  await app.register(masterRoutes, { db });
  await app.register(accessControlRoutes, { db });
  await app.register(codeSettingsRoutes, { db });
  await app.register(importRoutes, { db, jobs });
  await app.register(auditRoutes, { db });

  registerWeb(app, config);
  return app;
}

// The built web app, with SPA fallback for client-side routes. /api/* never falls back.
function registerWeb(app: FastifyInstance, config: Config): void {
  const index = path.join(config.webDist, 'index.html');
  const hasWeb = existsSync(index);
  if (hasWeb) app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET') {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: DEFAULT_MESSAGES.NOT_FOUND } });
    }
    if (!hasWeb) {
      return reply
        .type('text/plain; charset=utf-8')
        .send('jinji: the web app is not built. Run `npm start` (it builds it) or `npm run build`.');
    }
    // no-cache: a new release is picked up at once (@fastify/static would send max-age=0 instead)
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
