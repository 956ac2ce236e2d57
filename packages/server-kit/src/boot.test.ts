import { describe, expect, it } from 'vitest';
import { bootDatabase, type DatabaseDriver } from './boot';

type FakeDb = { close(): Promise<void> };

function fakeDriver(opts: { failOpen?: boolean } = {}) {
  const events: string[] = [];
  const driver: DatabaseDriver<FakeDb> = {
    acquireDataDirLock: (dir) => {
      events.push(`lock ${dir}`);
      return () => events.push('release');
    },
    openDatabase: async ({ databaseUrl }) => {
      if (opts.failOpen) throw new Error('cannot open');
      events.push(`open ${databaseUrl ?? 'embedded'}`);
      return { close: async () => void events.push('close') };
    },
  };
  return { driver, events };
}

describe('bootDatabase', () => {
  it('locks the data directory, opens, runs every app migration in order; close releases after closing', async () => {
    const { driver, events } = fakeDriver();
    const booted = await bootDatabase({ databaseUrl: undefined, dataDir: '/d' }, driver, [
      async () => void events.push('migrate hr'),
      async () => void events.push('migrate training'),
    ]);
    expect(events).toEqual(['lock /d', 'open embedded', 'migrate hr', 'migrate training']);
    await booted.close();
    expect(events.slice(-2)).toEqual(['close', 'release']);
  });

  it('takes no lock for a database server (any number of processes)', async () => {
    const { driver, events } = fakeDriver();
    const booted = await bootDatabase({ databaseUrl: 'postgres://h/d', dataDir: '/d' }, driver, []);
    await booted.close();
    expect(events).toEqual(['open postgres://h/d', 'close']);
  });

  it('releases the lock when the database cannot be opened', async () => {
    const { driver, events } = fakeDriver({ failOpen: true });
    await expect(bootDatabase({ databaseUrl: undefined, dataDir: '/d' }, driver, [])).rejects.toThrow('cannot open');
    expect(events).toEqual(['lock /d', 'release']);
  });

  it('closes the database and releases the lock when a migration fails', async () => {
    const { driver, events } = fakeDriver();
    const failing = async () => {
      throw new Error('bad migration');
    };
    await expect(bootDatabase({ databaseUrl: undefined, dataDir: '/d' }, driver, [failing])).rejects.toThrow(
      'bad migration',
    );
    expect(events).toEqual(['lock /d', 'open embedded', 'close', 'release']);
  });
});
