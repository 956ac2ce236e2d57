// Backup and restore of both apps (decision 022), on the database TEST_DB names: HR and training filled
// with data, a backup taken while employees are being written (through the embedded server's control
// socket on PGlite, pg_dump on PostgreSQL), restored into a fresh data directory / database, and then
// every table of both apps compared — row count and md5 of its ordered rows. Encrypted round trip, wrong
// passphrase, a tampered byte and a non-empty target: refused, nothing restored.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemActor } from '@jinji/auth/actor';
import { dumpPgliteEngine, startBackupControl } from '@jinji/db/backup-pglite';
import { type Engine, openPgliteEngine, openPostgresEngine, type SqlExecutor } from '@jinji/db/client';
import { appTestTemplate } from '@jinji/test-kit/app-template';
import { createEmptyPostgresDatabase, createTestEngine, TEST_DB, type TestEngine } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrDatabase } from '../apps/hr-server/src/db/client';
import { writeNewEmployees } from '../apps/hr-server/src/features/employees/employee-writes';
import { seedDemo } from '../apps/hr-server/src/features/tenants/demo';
import { trainingDatabase } from '../apps/training-server/src/db/database';
import { upsertOrganisation } from '../apps/training-server/src/features/organisations/organisations.service';
import { backupDatabase, pruneBackups, restoreDatabase, scheduledBackupName } from './backup';
import { APP_DATABASES } from './compose';

const PASSPHRASE = 'correct horse battery staple';
const extensions = Object.assign({}, ...APP_DATABASES.map((app) => app.extensions));

type TableSum = { table: string; n: number; sum: string };

/** Every table of the database but PostgreSQL's own: its row count and the md5 of its rows in order. */
async function tableSums(db: SqlExecutor): Promise<TableSum[]> {
  const tables = (
    await db.executeSql(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
       order by 1`,
    )
  ).rows as { name: string }[];
  const sums: TableSum[] = [];
  for (const { name } of tables) {
    const row = (
      await db.executeSql(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from ${name} t`,
      )
    ).rows[0] as { n: number; sum: string };
    sums.push({ table: name, ...row });
  }
  return sums;
}

/** The request-login tables name the database's own role: a restored PostgreSQL copy gets new ones. */
const isRequestLogin = (t: TableSum) => /request_login"?$/.test(t.table);

let source: TestEngine;
let tenantId: string;
let dir: string;
/** PGlite: the directory the "server" (this process) serves, whose control socket the CLI asks */
let servedDir: string;
let control: { close(): Promise<void> } | undefined;

/** A fresh restore target: an empty data directory, or an empty database on the test server. */
async function freshTarget(): Promise<{
  config: { databaseUrl: string | undefined; dataDir: string };
  open(): Promise<Engine>;
  drop(): Promise<void>;
}> {
  if (TEST_DB === 'pglite') {
    const dataDir = path.join(dir, `restored-${randomBytes(4).toString('hex')}`);
    return {
      config: { databaseUrl: undefined, dataDir },
      open: () => openPgliteEngine({ dataDir, extensions }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const empty = await createEmptyPostgresDatabase();
  return {
    config: { databaseUrl: empty.url, dataDir: path.join(dir, 'unused') },
    open: async () => openPostgresEngine(empty.url, 1),
    drop: empty.drop,
  };
}

const sourceConfig = () => ({ databaseUrl: source.url, dataDir: servedDir });

/** One employee and its audit row per transaction, through HR's write path. */
async function writeEmployees(hr: ReturnType<typeof hrDatabase.bind>, prefix: string, count: number) {
  for (let i = 0; i < count; i++) {
    const basic = {
      lastName: '試験',
      firstName: `太郎${i}`,
      lastNameKana: 'しけん',
      firstNameKana: 'たろう',
      birthDate: '1990-04-01',
      gender: '回答しない',
      hireDate: '2026-04-01',
      email: null,
      systemUseStartDate: '2026-04-01',
      isStartupTarget: false,
    };
    const employeeNumber = `${prefix}${String(i).padStart(5, '0')}`;
    await hr.asTenant(tenantId, (tx) =>
      writeNewEmployees(tx, systemActor(tenantId, 'backup-test', { roles: [] }), [
        { basic, employeeNumber, loginId: null, audit: { ...basic, employeeNumber } },
      ]),
    );
    // as requests do, give the event loop a turn: PGlite's queries settle in microtasks only
    await new Promise((r) => setImmediate(r));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jinji-backup-test-'));
  servedDir = path.join(dir, 'served');
  source = await createTestEngine(appTestTemplate('apps', ...APP_DATABASES), { poolSize: 2 });
  const hr = hrDatabase.bind(source);
  const training = trainingDatabase.bind(source);
  const password = `Demo-${randomBytes(9).toString('base64url')}`;
  await upsertOrganisation(training, { code: 'demo', name: 'デモ株式会社' }, [
    { loginId: 'admin', displayName: '研修 管理者', systemRole: 'admin', password },
    { loginId: 'sato', displayName: '佐藤 課長', systemRole: 'approver', password },
  ]);
  await seedDemo(hr, { password: `Demo-${randomBytes(9).toString('base64url')}`, employees: 120 });
  tenantId = ((await source.executeSql(`select id from public.tenants where code = 'demo'`)).rows[0] as { id: string })
    .id;
  // PGlite: this process plays the running server, as scripts/serve.ts does
  if (source.kind === 'pglite') {
    const engine = source;
    control = await startBackupControl(servedDir, () => dumpPgliteEngine(engine));
  }
}, 120_000);

afterAll(async () => {
  await control?.close();
  await source?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${TEST_DB})`, () => {
  it('backs up while employees are being written, and the copy holds whole transactions only', async () => {
    const hr = hrDatabase.bind(source);
    const count = async (db: SqlExecutor) =>
      ((await db.executeSql(`select count(*)::int as n from public.employees`)).rows[0] as { n: number }).n;
    const before = await count(source);
    let isWriting = true;
    const writers = (async () => {
      for (let round = 0; isWriting; round++) await writeEmployees(hr, `W${round}-`, 5);
    })();
    await new Promise((r) => setTimeout(r, 300)); // some writes are under way
    const file = path.join(dir, 'online.jinji-backup');
    await backupDatabase(sourceConfig(), file);
    isWriting = false;
    await writers;
    const after = await count(source);
    expect(after).toBeGreaterThan(before);

    const target = await freshTarget();
    try {
      await restoreDatabase(target.config, file, async () => undefined);
      const restored = await target.open();
      try {
        const n = await count(restored);
        expect(n).toBeGreaterThanOrEqual(before);
        expect(n).toBeLessThanOrEqual(after);
        // each employee was written with its audit row in one transaction: the copy never has one alone
        const orphans = await restored.executeSql(
          `select count(*)::int as n from public.employees e where not exists
             (select 1 from public.audit_logs a where a.target_type = 'employee' and a.target_id = e.id)`,
        );
        expect(orphans.rows[0]).toEqual({ n: 0 });
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
    }
  }, 240_000);

  it('restores an encrypted backup with every table of both apps equal: row counts and checksums', async () => {
    const file = path.join(dir, 'quiet.jinji-backup');
    await backupDatabase(sourceConfig(), file, PASSPHRASE);
    // nothing of the data is readable in the file
    expect(readFileSync(file).includes(Buffer.from('しけん'))).toBe(false);
    const expected = await tableSums(source);
    const tables = expected.map((t) => t.table);
    for (const t of [
      'public.employees',
      'public.audit_logs',
      'training.users',
      'training.organisations',
      'drizzle.__drizzle_migrations',
      'training_drizzle.__drizzle_migrations',
    ])
      expect(tables).toContain(t);
    expect(expected.find((t) => t.table === 'public.employees')!.n).toBeGreaterThan(120);
    expect(expected.find((t) => t.table === 'training.users')!.n).toBeGreaterThan(0);

    const target = await freshTarget();
    try {
      await restoreDatabase(target.config, file, async () => PASSPHRASE);
      const restored = await target.open();
      try {
        const actual = await tableSums(restored);
        expect(actual.map((t) => t.table)).toEqual(tables);
        if (TEST_DB === 'pglite') expect(actual).toEqual(expected);
        else {
          // PostgreSQL: the copy has request logins of its own (roles are per cluster), all else is equal
          expect(actual.filter((t) => !isRequestLogin(t))).toEqual(expected.filter((t) => !isRequestLogin(t)));
          const login = await restored.executeSql(
            `select role_name = 'jinji_req_' || (select oid from pg_database where datname = current_database()) as is_own
             from public.jinji_request_login`,
          );
          expect(login.rows).toEqual([{ is_own: true }]);
        }
      } finally {
        await restored.close();
      }
    } finally {
      await target.drop();
    }
  }, 240_000);

  it('refuses a wrong passphrase and a tampered byte in Japanese, and restores nothing', async () => {
    const file = path.join(dir, 'sealed.jinji-backup');
    await backupDatabase(sourceConfig(), file, PASSPHRASE);
    const tampered = path.join(dir, 'tampered.jinji-backup');
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(tampered, bytes);
    const plain = path.join(dir, 'plain.jinji-backup');
    await backupDatabase(sourceConfig(), plain);
    const damaged = path.join(dir, 'damaged.jinji-backup');
    const plainBytes = readFileSync(plain);
    plainBytes[plainBytes.length - 100]! ^= 0x01; // near the end: every frame before it restores fine
    writeFileSync(damaged, plainBytes);

    const cases: [string, string | undefined, RegExp][] = [
      [file, 'wrong horse battery staple', /パスフレーズが違うか、ファイルが改ざんされています/],
      [tampered, PASSPHRASE, /パスフレーズが違うか、ファイルが改ざんされています/],
      [file, undefined, /暗号化されています。パスフレーズ/],
      [damaged, undefined, /壊れているか、途中で切れています/],
    ];
    for (const [f, passphrase, message] of cases) {
      const target = await freshTarget();
      try {
        await expect(restoreDatabase(target.config, f, async () => passphrase)).rejects.toThrow(message);
        const restored = await target.open();
        try {
          const tables = await restored.executeSql(
            `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where c.relkind = 'r' and n.nspname in ('public', 'training')`,
          );
          expect(tables.rows).toEqual([{ n: 0 }]);
        } finally {
          await restored.close();
        }
      } finally {
        await target.drop();
      }
    }
  }, 240_000);

  it('refuses a target that is not empty, and leaves it as it was', async () => {
    const file = path.join(dir, 'again.jinji-backup');
    await backupDatabase(sourceConfig(), file);
    const before = await tableSums(source);
    if (TEST_DB === 'pglite') {
      const target = await freshTarget();
      try {
        // a data directory with a database in it (an earlier restore)
        await restoreDatabase(target.config, file, async () => undefined);
        await expect(restoreDatabase(target.config, file, async () => undefined)).rejects.toThrow(
          /データディレクトリ .* は空ではありません。.*復元は行っていません/,
        );
      } finally {
        await target.drop();
      }
    } else {
      await expect(
        restoreDatabase({ databaseUrl: source.url, dataDir: servedDir }, file, async () => undefined),
      ).rejects.toThrow(/復元先のデータベースは空ではありません.*復元は行っていません/);
    }
    expect(await tableSums(source)).toEqual(before);
  }, 240_000);
});

describe('scheduled backups', () => {
  it('are named by the Japan time they were taken, and only the newest JINJI_BACKUP_KEEP stay', () => {
    expect(scheduledBackupName(new Date('2026-12-01T18:30:00Z'))).toBe('jinji-20261202-033000.jinji-backup');
    const backups = mkdtempSync(path.join(tmpdir(), 'jinji-backups-'));
    try {
      const days = ['20261201', '20261202', '20261203', '20261204'];
      for (const d of days) writeFileSync(path.join(backups, `jinji-${d}-033000.jinji-backup`), 'x');
      writeFileSync(path.join(backups, 'mine.jinji-backup'), 'x'); // not one of the schedule's: kept
      expect(pruneBackups(backups, 2)).toEqual([
        'jinji-20261202-033000.jinji-backup',
        'jinji-20261201-033000.jinji-backup',
      ]);
      expect(readdirSync(backups).sort()).toEqual([
        'jinji-20261203-033000.jinji-backup',
        'jinji-20261204-033000.jinji-backup',
        'mine.jinji-backup',
      ]);
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }
  });
});
