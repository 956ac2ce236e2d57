// An app's test support over the kit (both apps' test/helpers.ts): a database per test file cloned from
// the app's migrated template, the app's config as tests run it (silent, no web build), and the app built
// on both, ready, with one close for the app and its database. A kit app (defineKitApp) brings its
// database, loadConfig and build itself: `appTestKit({ ...app, template })`.
import type { AppDatabaseSpec, Database, Tables } from '@jinji/db/client';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createTestDatabase, type TestTemplate } from './database';

export type TestLogger = FastifyServerOptions['logger'] | boolean;

export function appTestKit<S extends Tables, C extends { webDist: string }>(def: {
  template: TestTemplate;
  database: { spec: AppDatabaseSpec<S> };
  /** the app's config loader (its config.ts) */
  loadConfig(env: NodeJS.ProcessEnv): C;
  build(opts: { config: C; db: Database<S>; logger: TestLogger }): Promise<FastifyInstance>;
  /** what the app's tests change in every config (a low lockout threshold) */
  defaults?(config: C): C;
  /** the request pool on PostgreSQL when a test names none */
  poolSize?: number;
}) {
  const database = (poolSize = def.poolSize) => createTestDatabase(def.template, def.database.spec, { poolSize });
  const config = () => {
    // a test app serves no web build
    const loaded = { ...def.loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), webDist: '/nonexistent' };
    return def.defaults ? def.defaults(loaded) : loaded;
  };
  /**
   * `configure`: the test's config from the defaults; `poolSize`: the request pool on PostgreSQL (a race test
   * wants real parallel connections).
   */
  const app = async (opts: { configure?(config: C): C; logger?: TestLogger; poolSize?: number } = {}) => {
    const db = await database(opts.poolSize);
    const configured = opts.configure ? opts.configure(config()) : config();
    const app = await def.build({ config: configured, db, logger: opts.logger ?? false });
    await app.ready();
    const close = () => app.close().then(() => db.close());
    return { app, db, config: configured, close };
  };
  return { database, config, app };
}
