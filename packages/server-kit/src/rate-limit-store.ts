// @fastify/rate-limit's store over the database (packages/db rate-limit.ts), so a limit holds across every
// process of an app (#14 item 1): one counter per route and client key, a fixed window. The plugin makes
// one store per route through child(), which is where the route's method and URL join the key.
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
export type RateLimitHit = (key: string, windowMs: number) => Promise<{ hits: number; ttlMs: number }>;

type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };
type Result = { current: number; ttl: number };

export function databaseRateLimitStore(hit: RateLimitHit) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    // the plugin passes its merged options, with `routeInfo` for a route's own store (its typings say otherwise)
    constructor(params: object = {}) {
      const route = (params as RouteParams).routeInfo;
      this.prefix = route?.url ? `${[route.method].flat().join(',')} ${route.url}|` : 'app|';
    }

    incr(key: string, cb: (error: Error | null, result?: Result) => void, timeWindow: number): void {
      hit(this.prefix + key, timeWindow).then(
        (r) => cb(null, { current: r.hits, ttl: r.ttlMs }),
        (error: Error) => cb(error),
      );
    }

    child(params: object) {
      return new DatabaseRateLimitStore(params);
    }
  };
}
