// Online backup of the embedded database (decision 022). The running server holds the data directory
// (data-dir-lock), so the copy is made inside it: under PGlite's transaction lock, between two
// transactions, after a CHECKPOINT, PGlite's dumpDataDir takes the directory as a tarball; it is then
// gzipped outside the lock. A command-line backup asks the server for it over a Unix socket in a
// directory only the server's OS user can enter; with no server running, the CLI opens the
// directory itself. A restore fills a new directory beside the target and renames it into place.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { type Extensions, PGlite } from '@electric-sql/pglite';
import type { PgliteEngine } from './client';

/** The data directory as a gzipped tarball, consistent: no transaction runs while it is taken. */
export async function dumpPgliteEngine(engine: PgliteEngine): Promise<Readable> {
  const { client } = engine;
  const tar = await client.transaction(async (tx) => {
    // the other transactions wait for this one; the checkpoint writes every committed page to the files
    await tx.query('CHECKPOINT');
    return client.dumpDataDir('none');
  });
  return Readable.fromWeb(tar.stream() as import('node:stream/web').ReadableStream).pipe(createGzip({ level: 6 }));
}

/**
 * The control socket of the process serving `dataDir`: outside it (dumpDataDir takes every file of the
 * directory), under the temporary directory with a short name (a Unix socket's path is limited), in a
 * directory of mode 0700 owned by this OS user.
 */
export function controlSocketPath(dataDir: string): string {
  const id = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), `jinji-${process.getuid?.() ?? 0}-${id}`, 'control.sock');
}

function ownControlDirectory(socketPath: string): void {
  const dir = path.dirname(socketPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  // a directory someone else made first (to listen in our place) is refused
  if (process.getuid && st.uid !== process.getuid()) throw new Error(`${dir} belongs to another user`);
  chmodSync(dir, 0o700);
}

/**
 * Listens on the data directory's control socket for `dump` requests. The socket's directory is
 * mode 0700: only the OS user the server runs as (who can read the data directory anyway) connects.
 */
export async function startBackupControl(
  dataDir: string,
  dump: () => Promise<Readable>,
): Promise<{ close(): Promise<void> }> {
  const socketPath = controlSocketPath(dataDir);
  ownControlDirectory(socketPath);
  rmSync(socketPath, { force: true }); // left by a process that was killed; the data-dir lock says we own it
  const server: Server = createServer((socket) => {
    socket.once('data', async (line) => {
      if (line.toString('utf8').trim() !== 'dump') {
        socket.end('{"ok":false,"code":"UNKNOWN_REQUEST"}\n');
        return;
      }
      try {
        const body = await dump();
        socket.write('{"ok":true}\n');
        body.pipe(socket);
      } catch {
        socket.end('{"ok":false,"code":"DUMP_FAILED"}\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/** Asks the server of `dataDir` for a dump: its gzipped tarball, or null when no server listens. */
export async function requestDumpFromServer(dataDir: string): Promise<Readable | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!existsSync(socketPath)) return null;
  ownControlDirectory(socketPath);
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let head = Buffer.alloc(0);
    let answered = false;
    socket.once('error', (e: NodeJS.ErrnoException) => {
      if (answered) return;
      answered = true;
      if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') resolve(null);
      else reject(e);
    });
    socket.on('connect', () => socket.write('dump\n'));
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const nl = head.indexOf(10);
      if (nl < 0) return;
      socket.off('data', onData);
      socket.pause();
      answered = true;
      const status = JSON.parse(head.subarray(0, nl).toString('utf8')) as { ok: boolean; code?: string };
      if (!status.ok) {
        socket.destroy();
        reject(new Error(`サーバーがバックアップを作成できませんでした（${status.code}）`));
        return;
      }
      const rest = head.subarray(nl + 1);
      const body = new Readable({ read: () => socket.resume() });
      if (rest.length > 0) body.push(rest);
      socket.on('data', (c: Buffer) => {
        if (!body.push(c)) socket.pause();
      });
      socket.on('end', () => body.push(null));
      socket.on('error', (e) => body.destroy(e));
      resolve(body);
    };
    socket.on('data', onData);
  });
}

/** Is `dir` missing or an empty directory? */
export function isEmptyDirectory(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * Restores a gzipped tarball of dumpPgliteEngine into `dataDir`, which must be missing or empty. The
 * directory is built beside it and renamed into place once PGlite has opened it: never half restored.
 */
export async function restorePgliteDataDir(
  dataDir: string,
  gzippedTar: AsyncIterable<Buffer>,
  extensions: Extensions,
): Promise<void> {
  if (!isEmptyDirectory(dataDir)) throw new Error(`not empty: ${dataDir}`);
  const parts: Buffer[] = [];
  const gunzip = Readable.from(gzippedTar).pipe(createGunzip());
  for await (const chunk of gunzip) parts.push(chunk as Buffer);
  const building = `${dataDir.replace(/\/+$/, '')}.restoring-${randomBytes(4).toString('hex')}`;
  try {
    const client = await PGlite.create(building, { extensions, loadDataDir: new Blob(parts) });
    try {
      await client.query('select 1');
      await client.query('CHECKPOINT');
    } finally {
      await client.close();
    }
    // the source's lock file came with the copy; this directory is nobody's yet
    rmSync(path.join(building, 'jinji.pid'), { force: true });
    if (existsSync(dataDir)) rmdirSync(dataDir); // empty (checked above); rmdir fails if anything came since
    renameSync(building, dataDir);
  } catch (e) {
    rmSync(building, { recursive: true, force: true });
    throw e;
  }
}
