// Backup of a PostgreSQL database with pg_dump and pg_restore, as its owner (decision 022). Every tenant
// table is under FORCE ROW LEVEL SECURITY, and the owner has no BYPASSRLS: pg_dump's default
// (row_security off) is refused with "query would be affected by row-level security policy", so the dump
// runs with --enable-row-security and the owner's system_access policy admits every row. pg_dump's one
// snapshot (repeatable read) makes it consistent while the server writes. The restore is one
// transaction (--single-transaction --exit-on-error): whole or nothing.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import pg from 'pg';

/** libpq's environment for `url` with the password out of the command line (ps shows argv). */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

export class PgToolError extends Error {}

async function majorOfTool(tool: string): Promise<number> {
  try {
    const { stdout } = await promisify(execFile)(tool, ['--version']);
    return Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
  } catch {
    throw new PgToolError(
      `${tool} が見つかりません。PostgreSQL のクライアント（postgresql-client）をインストールしてください。`,
    );
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** pg_dump refuses a server newer than itself; so does this, before it starts, in Japanese. */
async function checkToolVersion(tool: string, url: string): Promise<void> {
  const toolMajor = await majorOfTool(tool);
  const serverMajor = await withClient(url, async (c) =>
    Math.floor(Number((await c.query('show server_version_num')).rows[0].server_version_num) / 10000),
  );
  if (toolMajor < serverMajor)
    throw new PgToolError(
      `${tool} の版 (${toolMajor}) がサーバーの版 (${serverMajor}) より古いため使えません。${serverMajor} 以上のクライアントを使ってください。`,
    );
}

function stderrOf(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (c: Buffer) => {
    if (text.length < 4000) text += c.toString('utf8');
  });
  return () => text.trim();
}

function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/**
 * The whole database as pg_dump's custom format, streamed. The database is jinji's alone: its schemas
 * are the apps' (tables, migrations' bookkeeping, pg-boss) and the extensions they create; a whole-database
 * dump (not -n per schema) keeps the extensions and leaves out `CREATE SCHEMA public`, which a new
 * database already has.
 */
export async function dumpPostgres(url: string): Promise<Readable> {
  await checkToolVersion('pg_dump', url);
  const { dbname, env } = libpqTarget(url);
  const child = spawn('pg_dump', ['--format=custom', '--enable-row-security', '--no-password', `--dbname=${dbname}`], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr = stderrOf(child);
  const exit = exitOf(child);
  const out = child.stdout!;
  return Readable.from(
    (async function* () {
      for await (const chunk of out) yield chunk as Buffer;
      const code = await exit;
      if (code !== 0) throw new PgToolError(`pg_dump が失敗しました (終了コード ${code}): ${stderr()}`);
    })(),
  );
}

/** What makes a database not empty: relations, functions or schemas other than the system's and an empty public. */
export async function describePostgresContents(url: string): Promise<{ relations: number; schemas: string[] }> {
  return withClient(url, async (c) => {
    const relations = Number(
      (
        await c.query(
          `select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
             and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`,
        )
      ).rows[0].count,
    );
    const schemas = (
      await c.query<{ nspname: string }>(
        `select nspname from pg_namespace where nspname not in ('information_schema', 'public') and nspname not like 'pg\\_%' order by 1`,
      )
    ).rows.map((r) => r.nspname);
    return { relations, schemas };
  });
}

/**
 * pg_restore of a custom-format stream into `url` in one transaction, as the connecting owner
 * (--no-owner: the objects become its own). The app roles the dump grants to are created first if this
 * cluster lacks them (NOLOGIN, no right; the migrator would create them the same way). `body` failing
 * midway kills pg_restore before it can commit.
 */
export async function restorePostgres(url: string, body: AsyncIterable<Buffer>, appRoles: string[]): Promise<void> {
  await checkToolVersion('pg_restore', url);
  await withClient(url, async (c) => {
    for (const role of appRoles) {
      const exists = (await c.query('select 1 from pg_roles where rolname = $1', [role])).rowCount;
      const ident = pg.escapeIdentifier(role);
      if (!exists) await c.query(`create role ${ident} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
      const isMember = (await c.query(`select pg_has_role(current_user, $1, 'MEMBER') as m`, [role])).rows[0].m;
      const isSuper = (await c.query('select rolsuper from pg_roles where rolname = current_user')).rows[0].rolsuper;
      if (!isMember && !isSuper) await c.query(`grant ${ident} to current_user`);
    }
  });
  const { dbname, env } = libpqTarget(url);
  const child = spawn(
    'pg_restore',
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-password', `--dbname=${dbname}`],
    { env, stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const stderr = stderrOf(child);
  const exit = exitOf(child);
  try {
    await pipeline(Readable.from(body), child.stdin!);
  } catch (e) {
    // the input failed (a frame's tag, a read error): pg_restore must not see an end and commit.
    // Or pg_restore stopped first (an error in the dump's SQL): then its message is the one to show.
    child.kill('SIGKILL');
    const code = await exit.catch(() => 1);
    if ((e as NodeJS.ErrnoException).code === 'EPIPE' && stderr())
      throw new PgToolError(`pg_restore が失敗しました (終了コード ${code}): ${stderr()}`);
    throw e;
  }
  const code = await exit;
  if (code !== 0) throw new PgToolError(`pg_restore が失敗しました (終了コード ${code}): ${stderr()}`);
}
