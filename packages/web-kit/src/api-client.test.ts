// The client against a fake fetch: what a user sees when the server refuses, and the CSRF handshake.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiError, apiClient, fieldErrorsOf, isApiError, resetCsrfToken } from './api-client';

type TCall = { url: string; method: string; headers: Record<string, string>; body: unknown };
let calls: TCall[] = [];
let answer: (call: TCall) => Response;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  calls = [];
  resetCsrfToken();
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const call = {
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    calls.push(call);
    if (url === '/api/v1/auth/csrf') return json(200, { csrfToken: `token-${calls.length}` });
    return answer(call);
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('apiClient', () => {
  it('sends writes as JSON with the CSRF token, fetched once', async () => {
    answer = () => json(200, { ok: true });
    await apiClient.post('/api/v1/things', { name: '山田' });
    await apiClient.put('/api/v1/things/1', { name: '田中' });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/auth/csrf',
      'POST /api/v1/things',
      'PUT /api/v1/things/1',
    ]);
    expect(calls[1]?.headers['x-csrf-token']).toBe('token-1');
    expect(calls[1]?.body).toEqual({ name: '山田' });
  });

  it('turns the error body into an ApiError with the Japanese message and fields', async () => {
    answer = () =>
      json(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: '入力内容を確認してください',
          fields: [{ path: 'name', message: '必須です' }],
        },
      });
    const error = await apiClient.get('/api/v1/things').catch((e: unknown) => e);
    expect(isApiError(error, 'VALIDATION_FAILED')).toBe(true);
    expect((error as ApiError).message).toBe('入力内容を確認してください');
    expect(fieldErrorsOf(error)).toEqual({ name: ['必須です'] });
  });

  it('shows the お問い合わせ番号 with a server error, not with an answer the user can act on', async () => {
    answer = () =>
      json(500, { error: { code: 'INTERNAL', message: 'システムエラーが発生しました', requestId: '7KQ2-M9XD-4TPA' } });
    const error = (await apiClient.get('/api/v1/things').catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('システムエラーが発生しました（お問い合わせ番号: 7KQ2-M9XD-4TPA）');
    expect(error.requestId).toBe('7KQ2-M9XD-4TPA');
    answer = () =>
      json(404, { error: { code: 'NOT_FOUND', message: '対象が見つかりません', requestId: 'AAAA-BBBB-CCCC' } });
    const notFound = (await apiClient.get('/api/v1/things').catch((e: unknown) => e)) as ApiError;
    expect(notFound.message).toBe('対象が見つかりません');
    expect(notFound.requestId).toBe('AAAA-BBBB-CCCC');
  });

  it('says so in Japanese when the answer is not the error shape', async () => {
    answer = () => new Response('<html>bad gateway</html>', { status: 502 });
    await expect(apiClient.get('/api/v1/things')).rejects.toMatchObject({
      status: 502,
      code: 'INTERNAL',
      message: 'サーバーエラーが発生しました（502）',
    });
  });

  it('retries once with a fresh token when the server says the token is stale', async () => {
    let tries = 0;
    answer = () =>
      ++tries === 1
        ? json(403, { error: { code: 'CSRF_FAILED', message: '再読み込みしてください' } })
        : json(200, { ok: true });
    await expect(apiClient.delete('/api/v1/things/1')).resolves.toEqual({ ok: true });
    expect(calls.filter((c) => c.url === '/api/v1/auth/csrf')).toHaveLength(2);
    expect(calls.at(-1)?.headers['x-csrf-token']).toBe('token-3');
  });

  it('reports an unreachable server in Japanese', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(apiClient.get('/api/v1/things')).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'サーバーに接続できませんでした',
    });
  });
});
