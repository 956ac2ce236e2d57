// createBaseApp(): everything a jinji server has before its own auth plugin and feature routes —
// zod type provider, the one error handler, helmet, cache and HSTS headers, rate limiting, cookies,
// OpenAPI at /api/docs, and the built web app with its SPA fallback.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger, { type SwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ERROR_MESSAGES } from '@jinji/contracts/common/errors';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet, { type HelmetOptions } from 'helmet';
import { AppError } from './app-error';
import type { BaseConfig } from './config';
import { errorHandler } from './error-handler';
import { type DatabaseErrorReader, loggerOptions } from './logger';
import { databaseRateLimitStore, type RateLimitHit } from './rate-limit-store';
import { newRequestId, REQUEST_ID_HEADER } from './request-id';

type OpenApiDocument = NonNullable<Extract<SwaggerOptions, { openapi?: unknown }>['openapi']>;
type SecuritySchemes = NonNullable<NonNullable<OpenApiDocument['components']>['securitySchemes']>;

export type BaseAppOptions = {
  config: Pick<BaseConfig, 'logLevel' | 'trustProxy'>;
  databaseErrors: DatabaseErrorReader;
  /** The OpenAPI document's head; the paths come from the routes' zod schemas. */
  openapi: { title: string; version: string; description: string; securitySchemes: SecuritySchemes };
  /** The built web app: its folder, and what a browser reads when it has not been built. */
  web: { dist: string; missingText: string };
  /** Tests pass false or a stream-backed logger; the serializers that keep personal values out are kept. */
  logger?: FastifyServerOptions['logger'] | boolean;
  /** the database's rate-limit counters (shared by every process); absent: each process counts alone */
  rateLimitHit?: RateLimitHit;
};

/** The OpenAPI security of a session-cookie app: the session cookie, and the CSRF header of writes. */
export const sessionSecuritySchemes = (sessionCookie: string): SecuritySchemes => ({
  session: { type: 'apiKey', in: 'cookie', name: sessionCookie },
  csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
});

export async function createBaseApp(opts: BaseAppOptions) {
  const app = Fastify({
    logger: loggerOptions(opts.config.logLevel, opts.databaseErrors, opts.logger),
    trustProxy: opts.config.trustProxy,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
    // お問い合わせ番号: random, and never taken from a request header (request-id.ts, decision 024)
    genReqId: newRequestId,
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Set before any plugin: Fastify children inherit the handler present when they are registered.
  app.setErrorHandler(errorHandler(opts.databaseErrors));

  await app.register(cookie);
  // helmet's headers, computed once: @fastify/helmet builds helmet's middleware anew on every request
  // (issue #10 item 6: a login's CPU is taken from argon2), and nothing in them depends on the request.
  const securityHeaders = helmetHeaders({
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
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
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
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  await app.register(rateLimit, {
    global: false,
    ...(opts.rateLimitHit ? { store: databaseRateLimitStore(opts.rateLimitHit) } : {}),
    errorResponseBuilder: () => new AppError('TOO_MANY_REQUESTS'),
  });
  const { title, version, description, securitySchemes } = opts.openapi;
  await app.register(swagger, {
    openapi: { info: { title, version, description }, components: { securitySchemes } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerWeb(app, opts.web);
  return app;
}

export type BaseApp = Awaited<ReturnType<typeof createBaseApp>>;

/** The headers helmet's middleware sets with these options (static ones: no directive is a function). */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => {}, // X-Powered-By, which Node never sets
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

// The built web app, with SPA fallback for client-side routes. /api/* never falls back.
function registerWeb(app: FastifyInstance, web: BaseAppOptions['web']): void {
  const hasWeb = existsSync(path.join(web.dist, 'index.html'));
  if (hasWeb) app.register(fastifyStatic, { root: web.dist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || request.method !== 'GET') {
      return reply
        .code(404)
        .send({ error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND, requestId: request.id } });
    }
    if (!hasWeb) return reply.type('text/plain; charset=utf-8').send(web.missingText);
    // no-cache: a new release is picked up at once (@fastify/static would send max-age=0 instead)
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
