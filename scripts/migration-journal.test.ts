// drizzle's migrator applies, on a database that already has migrations, only those whose journal
// `when` is later than the last applied one's. A migration generated with an earlier `when` than its
// predecessor (two branches generated in parallel, or a hand-set timestamp) would pass every test on a
// fresh database and be skipped silently on every existing one. Each app's journal must be in order.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_DATABASES } from './compose';

type Journal = { entries: { idx: number; when: number; tag: string }[] };

describe.each(APP_DATABASES.map((app) => [app.spec.schema, app.migrations.migrationsFolder] as const))(
  'migrations of schema %s',
  (_schema, folder) => {
    const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as Journal;

    it('are numbered 0000, 0001, … in journal order, each file present', () => {
      journal.entries.forEach((e, i) => {
        expect(e.idx).toBe(i);
        expect(e.tag.slice(0, 4)).toBe(String(i).padStart(4, '0'));
        expect(() => readFileSync(path.join(folder, `${e.tag}.sql`))).not.toThrow();
      });
    });

    it('have strictly increasing timestamps, so an existing database applies every new one', () => {
      const late = journal.entries.filter((e, i) => i > 0 && e.when <= journal.entries[i - 1]!.when);
      expect(late.map((e) => e.tag)).toEqual([]);
    });
  },
);
