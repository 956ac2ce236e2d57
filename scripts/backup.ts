// Backup and restore of both apps' data (decision 022): `npm run jinji -- backup <file> [--encrypt]` and
// `restore <file>`, the daily scheduled backup with retention, and the embedded server's control socket.
// Both apps live in one database (decision 009), so one backup holds HR, training and their job queues.

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  BackupFileError,
  readBackupBody,
  readBackupHeader,
  verifyBackupFile,
  writeBackupFile,
} from '@jinji/db/backup-file';
import {
  dumpPgliteEngine,
  isEmptyDirectory,
  requestDumpFromServer,
  restorePgliteDataDir,
  startBackupControl,
} from '@jinji/db/backup-pglite';
import { describePostgresContents, dumpPostgres, restorePostgres } from '@jinji/db/backup-postgres';
import { type Engine, openPgliteEngine } from '@jinji/db/client';
import { acquireDataDirLock } from '@jinji/db/data-dir-lock';
import { UsageError } from '@jinji/server-kit/cli';
import type { BaseConfig } from '@jinji/server-kit/config';
import type PgBoss from 'pg-boss';
import { APP_DATABASES, bootBoth } from './compose';

export const BACKUP_USAGE = `  backup <ファイル> [--encrypt]
                 （動作中のサーバーのデータ（人事管理・研修申込システムの両方）を1つのファイルにバックアップ。
                  --encrypt: パスフレーズ（JINJI_BACKUP_PASSPHRASE、なければ入力）で AES-256-GCM 暗号化）
  restore <ファイル>
                 （空のデータベース（DATABASE_URL）または空のデータディレクトリ（JINJI_DATA_DIR）へ復元）`;

const extensions = Object.assign({}, ...APP_DATABASES.map((app) => app.extensions));
const appRoles = APP_DATABASES.map((app) => app.spec.appRole);

type BackupConfig = Pick<BaseConfig, 'databaseUrl' | 'dataDir'>;

/** The body of a backup of the database `config` names, taken while its server may be running. */
async function dumpBody(
  config: BackupConfig,
): Promise<{ engine: 'pglite' | 'postgres'; body: Readable; done(): Promise<void> }> {
  if (config.databaseUrl)
    return { engine: 'postgres', body: await dumpPostgres(config.databaseUrl), done: async () => {} };
  const fromServer = await requestDumpFromServer(config.dataDir);
  if (fromServer) return { engine: 'pglite', body: fromServer, done: async () => {} };
  // no server: the directory is opened here, under its lock (which refuses a server that does not answer)
  if (isEmptyDirectory(config.dataDir))
    throw new Error(`データディレクトリ ${config.dataDir} にデータベースがありません。`);
  const release = acquireDataDirLock(config.dataDir);
  try {
    const engine = await openPgliteEngine({ dataDir: config.dataDir, extensions });
    const body = await dumpPgliteEngine(engine);
    return {
      engine: 'pglite',
      body,
      done: async () => {
        await engine.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Writes a backup of both apps to `file`; returns its size in bytes. */
export async function backupDatabase(config: BackupConfig, file: string, passphrase?: string): Promise<number> {
  const { engine, body, done } = await dumpBody(config);
  try {
    return await writeBackupFile(file, body, { engine, passphrase });
  } finally {
    await done();
  }
}

/** A backup of this process's own engine (the scheduled job): no socket, no lock — it holds them. */
async function backupEngine(engine: Engine, file: string, passphrase?: string): Promise<number> {
  const body = engine.kind === 'pglite' ? await dumpPgliteEngine(engine) : await dumpPostgres(engine.connectionString);
  return writeBackupFile(file, body, { engine: engine.kind, passphrase });
}

const notRestored = '復元は行っていません。';

/**
 * Restores `file` into the empty database or data directory `config` names: the whole file is checked
 * first (every frame's tag, or the digest), then restored in one step — nothing half-restored.
 */
export async function restoreDatabase(
  config: BackupConfig,
  file: string,
  passphrase: () => Promise<string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const header = await readBackupHeader(file);
  const target = config.databaseUrl ? 'postgres' : 'pglite';
  if (header.engine !== target)
    throw new Error(
      header.engine === 'pglite'
        ? `このバックアップは組み込みデータベース（PGlite）のものです。DATABASE_URL を指定せず、空の JINJI_DATA_DIR へ復元してください。${notRestored}`
        : `このバックアップは PostgreSQL のものです。DATABASE_URL に空のデータベースを指定して復元してください。${notRestored}`,
    );
  const secret = header.isEncrypted ? await passphrase() : undefined;
  if (header.isEncrypted && secret === undefined)
    throw new BackupFileError(
      'NO_PASSPHRASE',
      `このバックアップは暗号化されています。パスフレーズ（JINJI_BACKUP_PASSPHRASE）を指定してください。${notRestored}`,
    );
  if (config.databaseUrl) {
    const found = await describePostgresContents(config.databaseUrl);
    if (found.relations > 0 || found.schemas.length > 0)
      throw new Error(
        `復元先のデータベースは空ではありません（テーブルなど ${found.relations} 個、スキーマ ${found.schemas.join(', ') || 'なし'}）。空のデータベースを指定してください。${notRestored}`,
      );
  } else if (!isEmptyDirectory(config.dataDir)) {
    throw new Error(
      `復元先のデータディレクトリ ${config.dataDir} は空ではありません。存在しないか空のディレクトリを JINJI_DATA_DIR に指定してください。${notRestored}`,
    );
  }
  await verifyBackupFile(file, secret);
  if (config.databaseUrl) {
    await restorePostgres(config.databaseUrl, readBackupBody(file, secret), appRoles);
    // this database's own request logins (roles are per cluster and named by the database's oid), and
    // the migrator's RLS pass, as at every start
    const both = await bootBoth({ ...env, DATABASE_URL: config.databaseUrl });
    await both.close();
  } else {
    await restorePgliteDataDir(config.dataDir, readBackupBody(file, secret), extensions);
  }
}

// ---- the scheduled backup ---------------------------------------------------------------------------

export const BACKUP_QUEUE = 'backup';
/** every day at 03:30 Japan time: after the 0:05 and 0:10 jobs, before anyone works */
export const BACKUP_CRON = '30 3 * * *';
const SCHEDULED = /^jinji-\d{8}-\d{6}\.jinji-backup$/;

/** jinji-20261202-033000.jinji-backup, in Japan time */
export function scheduledBackupName(at: Date): string {
  const jst = new Date(at.getTime() + 9 * 3_600_000).toISOString();
  return `jinji-${jst.slice(0, 10).replaceAll('-', '')}-${jst.slice(11, 19).replaceAll(':', '')}.jinji-backup`;
}

/** Deletes all but the newest `keep` scheduled backups of `dir`; returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((n) => SCHEDULED.test(n))
    .sort()
    .reverse();
  const old = names.slice(keep);
  for (const name of old) rmSync(path.join(dir, name), { force: true });
  return old;
}

/** One scheduled backup: a new file in the backup directory, then the old ones pruned. */
export async function runScheduledBackup(
  engine: Engine,
  backup: { dir: string; keep: number; passphrase: string | undefined },
  at = new Date(),
): Promise<{ file: string; bytes: number; pruned: string[] }> {
  mkdirSync(backup.dir, { recursive: true, mode: 0o700 });
  const file = path.join(backup.dir, scheduledBackupName(at));
  const bytes = await backupEngine(engine, file, backup.passphrase);
  return { file, bytes, pruned: pruneBackups(backup.dir, backup.keep) };
}

/**
 * The daily backup on HR's queue when JINJI_BACKUP_DIR is set. pg-boss keeps one schedule per queue name
 * in the database and creates one job per tick, so it runs once however many processes run.
 */
export async function registerBackupJob(boss: PgBoss, engine: Engine, backup: BaseConfig['backup']): Promise<void> {
  const { dir } = backup;
  if (!dir) {
    await boss.unschedule(BACKUP_QUEUE).catch(() => {});
    return;
  }
  await boss.createQueue(BACKUP_QUEUE);
  await boss.work(BACKUP_QUEUE, async () => {
    await runScheduledBackup(engine, { ...backup, dir });
  });
  await boss.schedule(BACKUP_QUEUE, BACKUP_CRON, {}, { tz: 'Asia/Tokyo', retryLimit: 2, retryDelay: 300 });
}

/** The embedded server's control socket: `backup` of a running server is made in it. */
export async function startEmbeddedBackupControl(dataDir: string, engine: Engine): Promise<{ close(): Promise<void> }> {
  if (engine.kind !== 'pglite') return { close: async () => {} };
  return startBackupControl(dataDir, () => dumpPgliteEngine(engine));
}

// ---- the command line -------------------------------------------------------------------------------

/** Reads a passphrase from the terminal without echo; undefined without a terminal. */
async function promptPassphrase(question: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput(s: string): void };
  process.stderr.write(question);
  output._writeToOutput = () => {}; // nothing the user types is shown
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** `backup` and `restore`, before anything boots: the server may hold the data directory. */
export async function runBackupCommand(
  config: BaseConfig,
  command: 'backup' | 'restore',
  rest: string[],
): Promise<void> {
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { encrypt: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`${command} にはファイルを1つ指定してください`);
  const target = path.resolve(file);
  if (command === 'backup') {
    let passphrase: string | undefined;
    if (values.encrypt) {
      passphrase = config.backup.passphrase;
      if (passphrase === undefined) {
        passphrase = await promptPassphrase('パスフレーズ（12文字以上）: ');
        if (passphrase !== undefined && passphrase !== (await promptPassphrase('もう一度入力してください: ')))
          throw new Error('パスフレーズが一致しません。バックアップは作成していません。');
      }
      if (passphrase === undefined || passphrase.length < 12)
        throw new Error(
          '--encrypt にはパスフレーズ（12文字以上）が必要です。JINJI_BACKUP_PASSPHRASE に設定するか、端末で入力してください。',
        );
    }
    const started = performance.now();
    const bytes = await backupDatabase(config, target, passphrase);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `バックアップを作成しました: ${target}（${(bytes / 1_048_576).toFixed(1)} MB、${seconds} 秒${passphrase ? '、暗号化' : ''}）`,
    );
    return;
  }
  if (values.encrypt) throw new UsageError('restore に --encrypt は指定できません（暗号化はファイルから判定します）');
  const started = performance.now();
  await restoreDatabase(
    config,
    target,
    async () => config.backup.passphrase ?? (await promptPassphrase('パスフレーズ: ')),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `復元しました（${config.databaseUrl ? 'PostgreSQL' : `データディレクトリ ${config.dataDir}`}、${seconds} 秒）`,
  );
}
