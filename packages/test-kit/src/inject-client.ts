// A browser-like client over fastify's inject: keeps whatever cookies the app sets (the app names them),
// sends the CSRF token on mutating requests, and logs in through the app's own login route.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export type InjectClientOptions<L extends unknown[]> = {
  /** GET route answering `{ csrfToken }`; every app's is /api/v1/auth/csrf */
  csrfPath?: string;
  /** POST route of the login (every app's: /api/v1/auth/login, as the web kit's), and its body from login()'s arguments */
  loginPath?: string;
  loginBody: (...args: L) => object;
  csrfHeader?: string;
  /** the client's IP as the server sees it (login throttling counts per source) */
  remoteAddress?: string;
};

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export class InjectClient<L extends unknown[]> {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly opts: InjectClientOptions<L>,
  ) {}

  private store(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() <= Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async token(): Promise<string> {
    const res = await this.request('GET', this.opts.csrfPath ?? '/api/v1/auth/csrf');
    this.csrf = res.json().csrfToken;
    return this.csrf as string;
  }

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const isMutating = method !== 'GET';
    if (isMutating && this.csrf === null) await this.token();
    const res = await this.app.inject({
      method,
      url,
      ...(this.opts.remoteAddress ? { remoteAddress: this.opts.remoteAddress } : {}),
      headers: {
        ...(isMutating ? { [this.opts.csrfHeader ?? 'x-csrf-token']: this.csrf as string } : {}),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    this.store(res);
    return res;
  }

  async login(...args: L): Promise<LightMyRequestResponse> {
    const res = await this.request('POST', this.opts.loginPath ?? '/api/v1/auth/login', this.opts.loginBody(...args));
    if (res.statusCode === 200) await this.token(); // rotated at login
    return res;
  }
}
