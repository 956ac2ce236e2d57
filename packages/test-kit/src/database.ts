// A fresh database per test file, migrated once per test run and cloned (issue #10 item 5): on PGlite the
// migrated data directory is dumped once (dumpDataDir) and each file loads it (loadDataDir); on the
// PostgreSQL server of TEST_DATABASE_URL a template database is migrated once and each file gets
// `CREATE DATABASE … TEMPLATE` of it, with request logins of its own (roles are cluster-wide: a clone
// must never share its template's login). The owner named by TEST_DATABASE_URL creates everything (CI:
// a non-superuser owner without BYPASSRLS, as on a managed server; decision 008).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Extensions } from '@electric-sql/pglite';
import {
  type AppDatabaseSpec,
  bindDatabase,
  type Database,
  type Engine,
  openPgliteEngine,
  openPostgresEngine,
  type Tables,
} from '@jinji/db/client';
import { provisionRequestLogin } from '@jinji/db/migrate';
import pg from 'pg';
import { RUN_DIR_ENV, RUN_ID_ENV, TEMPLATE_PREFIX } from './run';

export const TEST_DB: 'pglite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

export type TestTemplate = {
  /** names the template within the run: lower-case letters, digits and _ */
  name: string;
  /** the PGlite extensions the migrations create */
  extensions?: Extensions;
  /** migrates a fresh database, once per run (PostgreSQL: without provisioning request logins) */
  build(engine: Engine): Promise<void>;
  /** the apps whose request logins each PostgreSQL clone provisions for itself */
  apps: AppDatabaseSpec<Tables>[];
};

/** A cloned database's engine; close() also drops the database and its request logins. */
export type TestEngine = Engine & { url?: string };

const runId = () => (process.env[RUN_ID_ENV] ??= randomBytes(4).toString('hex'));

/** `kind` defaults to TEST_DB; a process that clones on both (bench/test-setup.ts) names it. */
export type CloneOptions = { poolSize?: number; kind?: 'pglite' | 'postgres' };

export async function createTestEngine(template: TestTemplate, opts: CloneOptions = {}): Promise<TestEngine> {
  if (!/^[a-z0-9_]{1,20}$/.test(template.name)) throw new Error(`template name ${template.name}: [a-z0-9_]{1,20}`);
  return (opts.kind ?? TEST_DB) === 'pglite' ? clonePglite(template) : clonePostgres(template, opts.poolSize);
}

/**
 * Builds the run's template now (in a vitest globalSetup, where no hook timeout applies) instead of in
 * the first test file that needs it.
 */
export async function prepareTestTemplate(template: TestTemplate, kind: 'pglite' | 'postgres'): Promise<void> {
  if (kind === 'pglite') await pgliteDump(template);
  else await postgresTemplate(template);
}

/** One app's Database on a fresh clone; close() drops the clone. */
export async function createTestDatabase<S extends Tables>(
  template: TestTemplate,
  spec: AppDatabaseSpec<S>,
  opts: CloneOptions = {},
): Promise<Database<S> & { url?: string }> {
  const engine = await createTestEngine(template, opts);
  return { ...bindDatabase(engine, spec, { ownsEngine: true }), url: engine.url };
}

/**
 * Forgets the templates this process has found (PGlite's dump read, PostgreSQL's template looked up), as a
 * new test file's module cache starts without them: bench/test-setup.ts times a file's first clone so.
 */
export function forgetFoundTemplates(): void {
  dumps.clear();
  templates.clear();
}

// ---- PGlite: one dump per run, loaded by every file -------------------------------------------------

const dumps = new Map<string, Promise<Blob>>();

function runDir(): string {
  let dir = process.env[RUN_DIR_ENV];
  if (!dir) {
    // outside the kit's global setup: a directory for this process alone
    dir = mkdtempSync(path.join(tmpdir(), 'jinji-test-run-'));
    process.env[RUN_DIR_ENV] = dir;
    const made = dir;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return dir;
}

async function clonePglite(template: TestTemplate): Promise<TestEngine> {
  let dump = dumps.get(template.name);
  if (!dump) {
    dump = pgliteDump(template);
    dumps.set(template.name, dump);
    dump.catch(() => dumps.delete(template.name));
  }
  return openPgliteEngine({ extensions: template.extensions, loadDataDir: await dump });
}

/** The migrated data directory as a tarball: built by the first worker of the run, read by the others. */
async function pgliteDump(template: TestTemplate): Promise<Blob> {
  const file = path.join(runDir(), `${template.name}.tar`);
  const lock = `${file}.lock`;
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    try {
      mkdirSync(lock); // atomic: one builder per run
    } catch {
      // another worker is building it; a lock older than its deadline was left by a crash
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000)
        rmSync(lock, { force: true, recursive: true });
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      const engine = await openPgliteEngine({ extensions: template.extensions });
      try {
        await template.build(engine);
        if (engine.kind !== 'pglite') throw new Error('unreachable');
        const blob = await engine.client.dumpDataDir('none');
        writeFileSync(`${file}.tmp`, Buffer.from(await blob.arrayBuffer()));
        renameSync(`${file}.tmp`, file);
        return blob;
      } finally {
        await engine.close();
      }
    } finally {
      rmSync(lock, { force: true, recursive: true });
    }
  }
  throw new Error(`test template ${template.name}: not built within 180 s`);
}

// ---- PostgreSQL: one template database per run, cloned by every file ----------------------------------

const templates = new Map<string, Promise<string>>();

function baseUrl(): string {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  return base;
}

const urlOf = (name: string) => {
  const url = new URL(baseUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Builds the run's template once across every worker: an advisory lock on the base database. */
function postgresTemplate(template: TestTemplate): Promise<string> {
  let found = templates.get(template.name);
  if (!found) {
    const name = `${TEMPLATE_PREFIX}${runId()}_${template.name}`;
    found = withAdmin(async (c) => {
      await c.query('select pg_advisory_lock(hashtext($1))', [name]);
      const exists = (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount;
      if (!exists) {
        await c.query(`create database ${pg.escapeIdentifier(`${name}_wip`)}`);
        const engine = openPostgresEngine(urlOf(`${name}_wip`), 1);
        try {
          await template.build(engine);
        } finally {
          await engine.close();
        }
        // renamed only once complete: a template that exists is a whole one
        await c.query(`alter database ${pg.escapeIdentifier(`${name}_wip`)} rename to ${pg.escapeIdentifier(name)}`);
      }
      await c.query('select pg_advisory_unlock(hashtext($1))', [name]);
      return name;
    });
    templates.set(template.name, found);
    found.catch(() => templates.delete(template.name));
  }
  return found;
}

async function clonePostgres(template: TestTemplate, poolSize?: number): Promise<TestEngine> {
  const source = await postgresTemplate(template);
  const name = `jinji_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) =>
    c.query(`create database ${pg.escapeIdentifier(name)} template ${pg.escapeIdentifier(source)}`),
  );
  const url = urlOf(name);
  const engine = openPostgresEngine(url, poolSize);
  const roles: string[] = [];
  try {
    for (const spec of template.apps) roles.push(await provisionRequestLogin(engine.pool, spec));
  } catch (e) {
    await engine.close();
    await dropDatabase(name, roles);
    throw e;
  }
  return {
    ...engine,
    url,
    close: async () => {
      await engine.close();
      await dropDatabase(name, roles);
    },
  };
}

/** The request logins are cluster-wide roles: they go with their database. */
async function dropDatabase(name: string, roles: string[]): Promise<void> {
  await withAdmin(async (c) => {
    // a non-superuser owner may end only the sessions of roles it is a member of: a test that left a
    // request connection open would otherwise block the drop
    for (const role of roles) await c.query(`grant ${pg.escapeIdentifier(role)} to current_user`).catch(() => {});
    await c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    for (const role of roles) await c.query(`drop role if exists ${pg.escapeIdentifier(role)}`);
  });
}

/**
 * An empty database on TEST_DATABASE_URL's server, for a server process that migrates it itself (the
 * browser journeys on PostgreSQL). drop() ends it with the request logins the app made for it, which
 * are named after the database's oid (decision 008).
 */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jinji_e2e_${randomBytes(6).toString('hex')}`;
  const oid = await withAdmin(async (c) => {
    await c.query(`create database ${pg.escapeIdentifier(name)}`);
    return (await c.query<{ oid: string }>('select oid::text from pg_database where datname = $1', [name])).rows[0]!
      .oid;
  });
  return {
    url: urlOf(name),
    drop: async () => {
      const roles = await withAdmin(
        async (c) =>
          (
            await c.query<{ rolname: string }>(
              "select rolname from pg_roles where rolname like 'jinji\\_%' and rolname like '%\\_' || $1",
              [oid],
            )
          ).rows,
      );
      await dropDatabase(
        name,
        roles.map((r) => r.rolname),
      );
    },
  };
}

/** One statement as the owner on the database `url` names (a test's look at what server processes wrote). */
export async function queryDatabase<R extends pg.QueryResultRow = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text, values)).rows;
  } finally {
    await c.end();
  }
}
