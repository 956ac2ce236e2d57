// The one error handler, on a bare base app: every code of the contracts union answers with its
// status and Japanese message; validation names the fields; 5xx hide their cause from the user.
import { Writable } from 'node:stream';
import { ERROR_CODES, ERROR_MESSAGES, ERROR_STATUS } from '@jinji/contracts/common/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error';
import { type BaseApp, createBaseApp } from './base-app';
import { REQUEST_ID_PATTERN } from './request-id';

const logLines: string[] = [];
let app: BaseApp;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  app = await createBaseApp({
    config: { logLevel: 'info', trustProxy: false },
    databaseErrors: {
      findDatabaseError: () => null,
      isFailedQuery: () => false,
      isUnavailable: (e) => (e as { code?: string }).code === 'ECONNREFUSED',
    },
    openapi: { title: 't', version: '0', description: 'd', securitySchemes: {} },
    web: { dist: '/nonexistent', missingText: 'not built' },
    logger: { level: 'info', stream },
  });
  app.get('/api/fail/:code', async (request) => {
    throw new AppError((request.params as { code: (typeof ERROR_CODES)[number] }).code);
  });
  app.get('/api/fields', async () => {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'name', message: '名前を入力してください' }]);
  });
  app.post(
    '/api/validated',
    { schema: { body: z.object({ name: z.string().min(1, '名前を入力してください'), age: z.number() }) } },
    async () => ({ ok: true }),
  );
  app.get('/api/crash', async () => {
    throw new Error('connection to 山田花子 refused');
  });
  app.get('/api/db-down', async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  });
  app.get('/api/limited', { config: { rateLimit: { max: 1, timeWindow: '1 minute' } } }, async () => ({ ok: true }));
  await app.ready();
});
afterAll(() => app?.close());

describe('error handler', () => {
  it.each(ERROR_CODES)('answers AppError %s with its status and message', async (code) => {
    const res = await app.inject({ url: `/api/fail/${code}` });
    expect(res.statusCode).toBe(ERROR_STATUS[code]);
    expect(res.json()).toEqual({
      error: { code, message: ERROR_MESSAGES[code], requestId: res.headers['x-request-id'] },
    });
  });

  it('maps every code to a client or server error status: only INTERNAL to 500, only SERVICE_UNAVAILABLE to 503', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400);
      expect(ERROR_STATUS[code] >= 500, code).toBe(code === 'INTERNAL' || code === 'SERVICE_UNAVAILABLE');
      expect(ERROR_MESSAGES[code], code).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    expect(ERROR_STATUS).toMatchObject({
      VALIDATION_FAILED: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      TOO_MANY_REQUESTS: 429,
      SERVICE_UNAVAILABLE: 503,
    });
  });

  it('passes the fields of an AppError on', async () => {
    const res = await app.inject({ url: '/api/fields' });
    expect(res.json().error.fields).toEqual([{ path: 'name', message: '名前を入力してください' }]);
  });

  it('answers a schema violation with 400 and the message of each field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/validated', payload: { name: '', age: 'x' } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe(ERROR_MESSAGES.VALIDATION_FAILED);
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '名前を入力してください' },
        expect.objectContaining({ path: 'age' }),
      ]),
    );
  });

  it("answers Fastify's own 4xx (broken JSON, wrong media type) as VALIDATION_FAILED with its status", async () => {
    for (const [contentType, payload, status] of [
      ['application/json', '{"name":', 400],
      ['application/x-unknown', 'x', 415],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/validated',
        headers: { 'content-type': contentType },
        payload,
      });
      expect(res.statusCode, contentType).toBe(status);
      expect(res.json().error).toEqual({
        code: 'VALIDATION_FAILED',
        message: ERROR_MESSAGES.VALIDATION_FAILED,
        requestId: expect.stringMatching(REQUEST_ID_PATTERN),
      });
    }
  });

  it('answers the rate limit with 429 TOO_MANY_REQUESTS', async () => {
    expect((await app.inject({ url: '/api/limited' })).statusCode).toBe(200);
    const res = await app.inject({ url: '/api/limited' });
    expect(res.statusCode).toBe(429);
    expect(res.json().error).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: ERROR_MESSAGES.TOO_MANY_REQUESTS,
      requestId: expect.stringMatching(REQUEST_ID_PATTERN),
    });
  });

  it('answers a database out of reach with 503 SERVICE_UNAVAILABLE in Japanese, not 500', async () => {
    const res = await app.inject({ url: '/api/db-down' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'ただいま処理を受け付けられません。しばらくしてから再度お試しください',
        requestId: expect.stringMatching(REQUEST_ID_PATTERN),
      },
    });
    expect(res.headers['retry-after']).toBe('5');
  });

  it('hides a 5xx cause from the user and logs it with the route, never the URL', async () => {
    const res = await app.inject({ url: '/api/crash?q=%E5%B1%B1%E7%94%B0' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: {
        code: 'INTERNAL',
        message: ERROR_MESSAGES.INTERNAL,
        requestId: expect.stringMatching(REQUEST_ID_PATTERN),
      },
    });
    expect(res.body).not.toContain('山田');
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(line.req).toEqual({ method: 'GET', route: '/api/crash' });
    expect(line.err.type).toBe('Error');
    expect(logLines.join('')).not.toContain('%E5%B1%B1');
  });

  it('gives the お問い合わせ番号 of a failed request to its log line: the support desk finds it from the screen', async () => {
    const res = await app.inject({ url: '/api/crash' });
    const { requestId } = res.json().error;
    expect(requestId).toMatch(REQUEST_ID_PATTERN);
    expect(res.headers['x-request-id']).toBe(requestId);
    const lines = logLines.map((l) => JSON.parse(l)).filter((l) => l.reqId === requestId);
    expect(lines.map((l) => l.msg)).toContain('unhandled error');
    // no other request's line carries it, and the next request gets another number
    expect(
      logLines.map((l) => JSON.parse(l)).filter((l) => l.reqId === requestId && l.req?.route !== '/api/crash' && l.req),
    ).toEqual([]);
    expect((await app.inject({ url: '/api/crash' })).json().error.requestId).not.toBe(requestId);
  });

  it('takes no request id from outside: a caller cannot choose the number support searches for', async () => {
    const res = await app.inject({
      url: '/api/crash',
      headers: { 'x-request-id': 'AAAA-AAAA-AAAA', 'request-id': 'x' },
    });
    expect(res.json().error.requestId).toMatch(REQUEST_ID_PATTERN);
    expect(res.json().error.requestId).not.toBe('AAAA-AAAA-AAAA');
  });
});
