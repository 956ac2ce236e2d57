// @fastify/rate-limit's store over the database (packages/db rate-limit.ts), so a limit holds across every
// process of an app (#14 item 1): one counter per route and client key, a fixed window. The plugin makes
// one store per route through child(), which is where the route's method and URL join the key.
import { type FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import { rateLimitKeyHash } from '@jinji/db/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';
export type RateLimitHit = (key: string, windowMs: number) => Promise<{ hits: number; ttlMs: number }>;

type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/** A route's part of a rate-limit key: the plugin's store and a route that counts its own hit share it. */
const routeKeyPrefix = (method: string | string[] | undefined, url: string) => `${[method].flat().join(',')} ${url}|`;
type Result = { current: number; ttl: number };

export function databaseRateLimitStore(hit: RateLimitHit) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    // the plugin passes its merged options, with `routeInfo` for a route's own store (its typings say otherwise)
    constructor(params: object = {}) {
      const route = (params as RouteParams).routeInfo;
      this.prefix = route?.url ? routeKeyPrefix(route.method, route.url) : 'app|';
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

/**
 * A route that counts its own hit in a statement it sends anyway (HR's login: jinji_login_attempt, issue
 * #10 item 6) instead of the plugin's round trip: the key the plugin's store would count for this route
 * and client (route + address, IPv6 by the plugin's /64), hashed as the store hashes it.
 */
export type OwnRateLimit = { keyHash: Buffer; windowMs: number; max: number };

export const ownRateLimit = (request: FastifyRequest, max: number, windowMs = 60_000): OwnRateLimit => ({
  keyHash: rateLimitKeyHash(
    routeKeyPrefix(request.method, request.routeOptions.url ?? request.url) + normalizeIP(request.ip),
  ),
  windowMs,
  max,
});

/** The plugin's headers for that hit; past the limit, its answer (429 TOO_MANY_REQUESTS). */
export function settleOwnRateLimit(reply: FastifyReply, limit: OwnRateLimit, hit: { hits: number; ttlMs: number }) {
  const reset = Math.ceil(hit.ttlMs / 1000);
  reply.header('x-ratelimit-limit', limit.max);
  reply.header('x-ratelimit-remaining', Math.max(0, limit.max - hit.hits));
  reply.header('x-ratelimit-reset', reset);
  if (hit.hits > limit.max) {
    reply.header('retry-after', reset);
    throw new AppError('TOO_MANY_REQUESTS');
  }
}
