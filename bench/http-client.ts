// A bench's HTTP client for a real server over fetch: cookies kept, the CSRF token fetched once and sent
// with every request, CSV bodies as bytes, JSON otherwise; a status ≥ 400 throws with the start of the body.
export class Http {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}
  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      this.cookies.set(k!, v ?? '');
    }
  }
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async req(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    if (!this.csrf) {
      const r = await fetch(`${this.base}/api/v1/auth/csrf`, { headers: { cookie: this.cookieHeader() } });
      this.keep(r);
      this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
    }
    const isBuffer = Buffer.isBuffer(body);
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        cookie: this.cookieHeader(),
        'x-csrf-token': this.csrf,
        origin: this.base,
        ...(body === undefined ? {} : { 'content-type': isBuffer ? 'text/csv' : 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : isBuffer ? (body as Buffer) : JSON.stringify(body),
    });
    this.keep(res);
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  }
}
