// Training's tenant isolation is the database's own, on both engines: every table with organisation_id
// is under forced RLS with the tenant policy, the organisations table by its id, and the request login
// alone reaches nothing.
import { listTenantTables } from '@jinji/db/rls';
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, trainingTestApp } from '../../test/helpers';

let t: Awaited<ReturnType<typeof trainingTestApp>>;

beforeAll(async () => {
  t = await trainingTestApp();
});
afterAll(() => t?.close());

describe(`training row-level security catalog (${TEST_DB})`, () => {
  it('forces RLS with a tenant policy on every training table', async () => {
    const tables = await listTenantTables(t.db, ['organisation_id']);
    expect(tables.map((r) => `${r.schema}.${r.table}`)).toEqual([
      'training.audit_logs',
      'training.login_throttles',
      'training.mail_outbox',
      'training.sessions',
      'training.users',
    ]);
    for (const r of tables) expect(r).toMatchObject({ enabled: true, forced: true, policy: true });
    const { rows } = await t.db.executeSql(
      `select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = 'training.organisations'::regclass`,
    );
    expect(rows).toEqual([{ enabled: true, forced: true }]);
  });

  it('lets the app role only append to the audit trail', async () => {
    const org = await createOrganisation(t.db);
    const attempt = t.db.asTenant(org.id, (tx) => tx.execute('delete from training.audit_logs'));
    await expect(attempt).rejects.toThrow();
  });

  it.runIf(TEST_DB === 'postgres')('gives the request login no right of its own', async () => {
    await expect(t.db.probeRequestConnection('select count(*) from training.users')).rejects.toThrow();
  });
});
