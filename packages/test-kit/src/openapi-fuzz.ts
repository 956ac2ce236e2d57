// Schema-shaped fuzzing of every route of an app's OpenAPI document (SECURITY.md "Input validation"):
// values shaped like the schema most of the time and hostile the rest (NUL, lone surrogates, RTL
// overrides, 𠮷, 10,000 characters, wrong types, missing and extra fields, random ids, broken
// %-escapes), sent by a signed-in client; every answer must be below 500. Both apps run it.

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { InjectClient } from './inject-client';

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Parameter = { in: 'query' | 'path' | 'header'; name: string; schema?: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Route = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; op: Operation };

const NASTY = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\uDBFF\uD800',
  '\u202Eevil.exe',
  '𠮷野家',
  'x'.repeat(10_000),
  '𠮷'.repeat(5_000),
  '',
  ' ',
  '%',
  '_',
  '\\',
  "'; drop table employees; --",
  '=HYPERLINK("x")',
  '-1',
  '0',
  '1e309',
  'null',
  'true',
  '2025-02-30',
  '9999-12-31',
  '00000000-0000-0000-0000-000000000000',
  '\t\r\n',
  '\uFEFF',
  '\uFFFF',
];
const nastyString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 40 }));
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(nastyString, { maxLength: 2 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 2 }),
);

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {}
  }
  return fc.string({ unit: 'grapheme', maxLength: Math.min(s.maxLength ?? 30, 60) });
}

/** Values shaped like the schema most of the time, and hostile the rest. */
function arb(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = schema ?? {};
  if (depth > 4) return fc.constant(null);
  const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
  let valid: fc.Arbitrary<unknown>;
  if (alternatives?.length) valid = fc.oneof(...alternatives.map((a) => arb(a, depth + 1)));
  else if (s.enum) valid = fc.constantFrom(...s.enum);
  else if (s.const !== undefined) valid = fc.constant(s.const);
  else {
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    switch (type) {
      case 'string':
        valid = stringFor(s);
        break;
      case 'integer':
        valid = fc.integer({ min: Math.max(s.minimum ?? -5, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) });
        break;
      case 'number':
        valid = fc.double({ noNaN: true, min: -1e6, max: 1e6 });
        break;
      case 'boolean':
        valid = fc.boolean();
        break;
      case 'null':
        valid = fc.constant(null);
        break;
      case 'array':
        valid = fc.array(arb(s.items, depth + 1), { maxLength: 3 });
        break;
      case 'object':
        valid = objectFor(s, depth);
        break;
      default:
        valid = fc.oneof(nastyString, wrongType);
    }
  }
  return fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 2, arbitrary: nastyString },
    { weight: 1, arbitrary: wrongType },
  );
}

function objectFor(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, arb(v, depth + 1)]));
  // any field may be missing; sometimes an unknown one is added
  return fc
    .tuple(fc.record(props, { requiredKeys: [] }), fc.option(fc.tuple(nastyString, nastyString), { freq: 4 }))
    .map(([record, extra]) => (extra ? { ...record, [extra[0] || 'extra']: extra[1] } : record));
}

// percent-encoding as a browser would; a lone surrogate goes out as its (invalid) UTF-8 bytes
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((c) => {
        try {
          return encodeURIComponent(c);
        } catch {
          const u = c.charCodeAt(0);
          return `%${(0xe0 | (u >> 12)).toString(16)}%${(0x80 | ((u >> 6) & 0x3f)).toString(16)}%${(0x80 | (u & 0x3f)).toString(16)}`;
        }
      })
      .join('');
  }
};
const BROKEN_ESCAPES = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%00', '%C0%80', '%FF', '%%41'];
const queryValue = (v: unknown) => encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

export type FuzzClient = Pick<InjectClient<unknown[]>, 'request'>;

export type FuzzOptions = {
  app: FastifyInstance;
  /** a fresh signed-in client (also after a route ended the session) */
  signIn(): Promise<FuzzClient>;
  /** answers 200 while the session lives */
  sessionPath: string;
  /** routes that end a session ('METHOD /path' as in the document): run last, fewer times */
  sessionEnding: readonly string[];
  /** routes taking a file body: 'METHOD /path' → content type */
  uploads?: Record<string, string>;
  /** real ids, so that some requests get past the 404 into the handlers */
  realIds: readonly string[];
  totalRequests: number;
  firstRuns?: number;
  sessionEndingRuns?: number;
  docsPath?: string;
};

/** Fuzzes every route; returns the request count, the failures and the status histogram. */
export async function fuzzOpenApi(opts: FuzzOptions) {
  const firstRuns = opts.firstRuns ?? 30;
  const sessionEndingRuns = opts.sessionEndingRuns ?? 15;
  const realIds = opts.realIds.length ? [...opts.realIds] : ['00000000-0000-0000-0000-000000000000'];
  let client = await opts.signIn();
  let relogins = 0;
  const lostOn = new Set<string>();
  async function keepSession(): Promise<void> {
    if ((await client.request('GET', opts.sessionPath)).statusCode === 200) return;
    relogins++;
    client = await opts.signIn();
  }

  function requestFor(route: Route) {
    const params = route.op.parameters ?? [];
    const pathParam = fc.oneof(
      { weight: 3, arbitrary: fc.uuid().map(encode) },
      { weight: 2, arbitrary: fc.constantFrom(...realIds) },
      { weight: 2, arbitrary: nastyString.map((s) => encode(s) || 'x') },
      { weight: 1, arbitrary: fc.constantFrom(...BROKEN_ESCAPES) },
    );
    const pathParams = fc.record(
      Object.fromEntries(
        params
          .filter((p) => p.in === 'path')
          .map((p) => [p.name, fc.oneof(arb(p.schema).map(queryValue), pathParam)] as const),
      ),
    );
    // a route without query parameters still gets some: they must be ignored or refused
    const declared = params.filter((p) => p.in === 'query');
    const queryParams: Parameter[] = declared.length
      ? declared
      : [{ in: 'query', name: 'q', schema: { type: 'string' } }];
    const query = fc.array(
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc
            .constantFrom(...queryParams)
            .chain((p) => arb(p.schema).map((v) => `${p.name}=${queryValue(v)}`)),
        },
        { weight: 1, arbitrary: fc.constantFrom(...BROKEN_ESCAPES).map((e) => `q=${e}`) },
        { weight: 1, arbitrary: fc.tuple(nastyString, nastyString).map(([k, v]) => `${encode(k)}=${encode(v)}`) },
      ),
      { maxLength: 5 },
    );
    const content = route.op.requestBody?.content ?? {};
    const jsonSchema = (content['application/json'] ?? content['application/scim+json'])?.schema;
    const body =
      route.method === 'GET' || route.method === 'DELETE'
        ? fc.constant(undefined)
        : fc.oneof(
            { weight: 8, arbitrary: arb(jsonSchema ?? { type: 'object' }) },
            { weight: 1, arbitrary: wrongType },
          );
    const fileName = fc.oneof(nastyString.map(encode), fc.constantFrom(...BROKEN_ESCAPES));
    return fc.record({ pathParams, query, body, fileName });
  }

  const doc = (await opts.app.inject({ url: opts.docsPath ?? '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  const routes: Route[] = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase() as Route['method'], path, op })),
    )
    .filter((r) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
  const key = (r: Route) => `${r.method} ${r.path}`;
  const endsSession = (r: Route) => opts.sessionEnding.includes(key(r));
  routes.sort((a, b) => Number(endsSession(a)) - Number(endsSession(b)));
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const msPerRequest = new Map<string, number>();
  let count = 0;
  const fuzz = async (route: Route, numRuns: number) => {
    const started = performance.now();
    const upload = opts.uploads?.[key(route)];
    const failure = await fc
      .assert(
        fc.asyncProperty(requestFor(route), async ({ pathParams, query, body, fileName }) => {
          const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => pathParams[name] ?? 'x');
          const url = query.length ? `${path}?${query.join('&')}` : path;
          const res = await client.request(
            route.method,
            url,
            upload ? Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? '')) : body,
            upload ? { 'content-type': upload, 'x-file-name': fileName } : {},
          );
          count++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode === 401 && !endsSession(route)) lostOn.add(key(route));
          if (endsSession(route) || res.statusCode === 401) await keepSession();
          if (res.statusCode >= 500) throw new Error(`${route.method} ${url} → ${res.statusCode} ${res.body}`);
        }),
        { numRuns, endOnFailure: true },
      )
      .then(
        () => null,
        (error: Error) => error.message,
      );
    // every route is fuzzed even when one fails, so a run reports them all
    if (failure) failures.push(failure);
    msPerRequest.set(key(route), (performance.now() - started) / numRuns);
  };
  // every route first; then the rest of the requests on the faster half, so that a few slow
  // routes do not make up most of the run time
  for (const route of routes) await fuzz(route, endsSession(route) ? sessionEndingRuns : firstRuns);
  const fast = routes
    .filter((r) => !endsSession(r))
    .sort((a, b) => (msPerRequest.get(key(a)) ?? 0) - (msPerRequest.get(key(b)) ?? 0))
    .slice(0, Math.ceil(routes.length / 2));
  const topUp = Math.ceil(Math.max(0, opts.totalRequests - count) / Math.max(1, fast.length));
  for (const route of fast) await fuzz(route, topUp);
  const histogram = Object.fromEntries([...statuses].sort(([a], [b]) => a - b));
  const summary = `fuzz: ${count} requests over ${routes.length} routes, ${relogins} re-logins; statuses ${JSON.stringify(histogram)}`;
  return { count, routes: routes.length, failures, statuses, lostOn, summary };
}
