// Servers as a deployment runs them (#14 items 1–2): a loopback load balancer of the test's own in front of
// several app processes, and an HTTP client that keeps its cookies and sends the CSRF token as the web does.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoadBalancer = {
  url: string;
  /** which upstream (its index) answered each request, in order */
  served: number[];
  close(): Promise<void>;
};

/** Round robin over `upstreams` (http://127.0.0.1:port), one request each in turn. */
export async function roundRobin(upstreams: string[]): Promise<LoadBalancer> {
  const served: number[] = [];
  let next = 0;
  const server = createServer((req, res) => {
    const index = next++ % upstreams.length;
    served.push(index);
    const target = new URL(req.url ?? '/', upstreams[index]);
    const upstream = httpRequest(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(index) });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'x-upstream': String(index) });
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type Answer = { status: number; body: unknown; headers: IncomingHttpHeaders; upstream: number | null };

/** A browser's share of a session: its cookies (sent to whichever base URL), the CSRF header on writes. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(public base: string) {}

  private csrf(): string | undefined {
    return [...this.cookies].find(([name]) => name.includes('csrf'))?.[1];
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(setCookie: string[]) {
    for (const line of setCookie) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    opts: { base?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const base = opts.base ?? this.base;
    const headers: Record<string, string> = { ...opts.headers };
    if (method !== 'GET') {
      // double submit: the token is the CSRF cookie's value, which a script of the page gets from /auth/csrf
      if (!this.csrf()) await this.request('GET', '/api/v1/auth/csrf', undefined, { base });
      headers['x-csrf-token'] = this.csrf() ?? '';
    }
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    let payload: string | Buffer | undefined;
    if (Buffer.isBuffer(body)) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    return new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(new URL(path, base), { method, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          this.keep(res.headers['set-cookie'] ?? []);
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {}
          const upstream = res.headers['x-upstream'];
          resolve({
            status: res.statusCode ?? 0,
            body: parsed,
            headers: res.headers,
            upstream: typeof upstream === 'string' ? Number(upstream) : null,
          });
        });
      });
      req.on('error', reject);
      // an answer that never comes is a failure of its own (a pool waiting forever), not a hung test
      req.setTimeout(20_000, () => req.destroy(new Error(`${method} ${path}: no answer within 20 s`)));
      req.end(payload);
    });
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or throws after `ms`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await sleep(250);
  }
}
