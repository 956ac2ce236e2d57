// The route × actor matrix both apps run (SECURITY.md "Object- and field-level access"): every
// registered API route, called by every actor with another tenant's ids (or another person's) in its
// path or body, must be allowed or refused exactly as the app's access table says, and an allowed call
// naming a foreign row must answer 404. Built from Fastify's own route list, so a new route is covered
// the moment it exists. The app supplies its actors, the ids and bodies, and what each actor may do.
import type { ApiRoute } from '@jinji/auth/fastify-auth';
import type { InjectClient, Method } from './inject-client';

export type Verdict = 'allow' | 'unauthenticated' | 'forbidden';

export type RouteMatrixSpec<A extends string> = {
  routes: readonly ApiRoute[];
  actors: readonly A[];
  /** a client signed in as the actor (or signed out) */
  clientFor(actor: A): Promise<Pick<InjectClient<unknown[]>, 'request'>>;
  /** the route's URL with a foreign row's id in each path parameter */
  urlOf(route: ApiRoute): string;
  /** a body that passes validation where one matters, so allowed actors reach the service */
  bodyOf(route: ApiRoute): unknown;
  /** what the app's access table says */
  expected(route: ApiRoute, actor: A): Verdict;
  /** the call names a foreign row (path or body): allowed actors must get 404 */
  namesForeignRow(route: ApiRoute): boolean;
  /** personal values of the other tenant (names, mail addresses): no response body may hold one */
  foreignValues?: readonly string[];
};

const verdictOf = (status: number): Verdict =>
  status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'allow';

/** Runs every route for every actor; returns what differs from the spec and how many calls were made. */
export async function runRouteMatrix<A extends string>(spec: RouteMatrixSpec<A>) {
  // logout ends the session: it runs last for each actor
  const routes = [...spec.routes].sort((x, y) => Number(x.url.endsWith('/logout')) - Number(y.url.endsWith('/logout')));
  const mismatches: string[] = [];
  let checks = 0;
  for (const actor of spec.actors) {
    const client = await spec.clientFor(actor);
    for (const route of routes) {
      const url = spec.urlOf(route);
      const res = await client.request(
        route.method as Method,
        url,
        route.method === 'GET' ? undefined : spec.bodyOf(route),
      );
      checks++;
      const want = spec.expected(route, actor);
      const got = verdictOf(res.statusCode);
      // 503 is a dependency that is not running (a test app without a job worker), not the route's defect
      if (res.statusCode >= 500 && res.statusCode !== 503)
        mismatches.push(`${actor} ${route.method} ${url}: ${res.statusCode}`);
      if (got !== want) mismatches.push(`${actor} ${route.method} ${route.url}: want ${want}, got ${res.statusCode}`);
      if (want === 'forbidden' && got === 'forbidden' && res.json().error?.code !== 'FORBIDDEN') {
        mismatches.push(`${actor} ${route.url}: code ${res.body.slice(0, 200)}`);
      }
      const leaked = spec.foreignValues?.find((v) => res.body.includes(v));
      if (leaked) mismatches.push(`${actor} ${route.method} ${url}: answered another tenant's value`);
      if (want === 'allow' && spec.namesForeignRow(route) && res.statusCode !== 404) {
        mismatches.push(`${actor} ${route.method} ${url}: foreign id answered ${res.statusCode}`);
      }
    }
  }
  return { mismatches, checks, routes: routes.length };
}

/**
 * The matrix's rows of ANOTHER tenant (B): an id per path parameter the app's routes take, bodies that pass
 * validation (so that an allowed actor of tenant A reaches the service with B's id and must get 404), and
 * B's personal values, which no answer to A may hold. A parameter without a row gets a random id (404
 * too, but proves less).
 */
export type ForeignFixtures = {
  /** path parameter name (without ':') → tenant B's id for it */
  params: Record<string, string>;
  /** 'METHOD /url' → a body that passes validation */
  bodies: Record<string, unknown>;
  /** B's personal values: no response to A may hold them */
  values: string[];
};

/** One feature's rows of tenant B; `before` holds the rows of the features before it (an application needs a session). */
export type ForeignFixturePart<Db, B> = (db: Db, b: B, before: ForeignFixtures) => Promise<Partial<ForeignFixtures>>;

/** Each feature's rows of tenant B, written in the order given and merged into one set. */
export async function collectForeignFixtures<Db, B>(
  db: Db,
  b: B,
  parts: readonly ForeignFixturePart<Db, B>[],
): Promise<ForeignFixtures> {
  let all: ForeignFixtures = { params: {}, bodies: {}, values: [] };
  for (const part of parts) {
    const rows = await part(db, b, all);
    all = {
      params: { ...all.params, ...rows.params },
      bodies: { ...all.bodies, ...rows.bodies },
      values: [...all.values, ...(rows.values ?? [])],
    };
  }
  return all;
}
