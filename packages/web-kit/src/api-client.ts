// The one way a web app talks to its own server: JSON over same-origin fetch, CSRF header on writes
// (token from GET /api/v1/auth/csrf, which every app's server answers), and every non-2xx turned into
// an ApiError carrying the server's code, Japanese message and fields.
import type { ErrorCode, TFieldError } from '@jinji/contracts/common/errors';
import { groupFieldErrors, type TFieldErrors } from './validation';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'NETWORK';
  readonly fields: TFieldError[];
  /** お問い合わせ番号: the server's id of the request, the reqId of its log lines (decision 024) */
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: ErrorCode | 'NETWORK',
    message: string,
    fields: TFieldError[] = [],
    requestId?: string,
  ) {
    // A server error is where the user needs support, and support needs the log line: every screen that
    // shows the message shows the number with it. The answers of 4xx tell the user what to do instead.
    super(status >= 500 && requestId ? `${message}（お問い合わせ番号: ${requestId}）` : message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

export const isApiError = (e: unknown, code?: ErrorCode): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: Promise<string> | null = null;

/** The server rotates the token with the session: call after login and logout. */
export function resetCsrfToken(): void {
  csrfToken = null;
}

function getCsrfToken(): Promise<string> {
  csrfToken ??= send<{ csrfToken: string }>('GET', '/api/v1/auth/csrf').then((r) => r.csrfToken);
  // A failed fetch must not stay cached.
  csrfToken.catch(() => resetCsrfToken());
  return csrfToken;
}

/** A body sent as is (a file upload) instead of as JSON. */
export class RawBody {
  readonly data: Blob;
  readonly contentType: string;
  /** Extra request headers that describe the body (e.g. `x-file-name`). */
  readonly headers: Record<string, string>;

  constructor(data: Blob, contentType: string, headers: Record<string, string> = {}) {
    this.data = data;
    this.contentType = contentType;
    this.headers = headers;
  }
}

async function send<T>(method: Method, path: string, body?: unknown, csrf?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = body instanceof RawBody ? body.contentType : 'application/json';
  if (body instanceof RawBody) Object.assign(headers, body.headers);
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : body instanceof RawBody ? body.data : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'サーバーに接続できませんでした');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    // The schema (and zod with it) is fetched only when an error arrives: not part of the first paint.
    const { ZErrorResponseReceived } = await import('@jinji/contracts/common/errors').catch(() => ({
      ZErrorResponseReceived: null,
    }));
    const parsed = ZErrorResponseReceived?.safeParse(data);
    // the header too: an answer that is not the error shape may still come from the server
    const requestId = res.headers.get('x-request-id') ?? undefined;
    if (parsed?.success) {
      const { code, message, fields } = parsed.data.error;
      throw new ApiError(res.status, code, message, fields, parsed.data.error.requestId ?? requestId);
    }
    throw new ApiError(res.status, 'INTERNAL', `サーバーエラーが発生しました（${res.status}）`, [], requestId);
  }
  return data as T;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (method === 'GET') return send<T>(method, path);
  try {
    return await send<T>(method, path, body, await getCsrfToken());
  } catch (e) {
    if (!isApiError(e, 'CSRF_FAILED')) throw e;
    resetCsrfToken();
    return send<T>(method, path, body, await getCsrfToken());
  }
}

export const apiClient = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** Uploads a file as the raw request body (e.g. `text/csv`), with optional headers describing it. */
  upload: <T>(path: string, file: Blob, contentType: string, headers?: Record<string, string>) =>
    request<T>('POST', path, new RawBody(file, contentType, headers)),
};

/**
 * Starts a download the server answers with `content-disposition: attachment` (CSV, Excel): a plain
 * navigation keeps the session cookie and lets the browser stream the file instead of holding it in memory.
 */
export function downloadFile(href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

/** The server's `fields` grouped by request body key. */
export const fieldErrorsOf = (e: unknown): TFieldErrors => (e instanceof ApiError ? groupFieldErrors(e.fields) : {});
