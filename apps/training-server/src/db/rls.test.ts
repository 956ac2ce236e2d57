// Training's grants, on both engines: the audit trail is append-only for the app role and the request
// login alone reaches nothing. That every training table is under forced RLS with the tenant policy is
// scripts/rls-catalog.test.ts's (both apps on one database).
import { TEST_DB } from '@jinji/test-kit/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, trainingTestApp } from '../../test/helpers';

let t: Awaited<ReturnType<typeof trainingTestApp>>;

beforeAll(async () => {
  t = await trainingTestApp();
});
afterAll(() => t?.close());

describe(`training grants (${TEST_DB})`, () => {
  it('lets the app role only append to the audit trail', async () => {
    const org = await createOrganisation(t.db);
    const attempt = t.db.asTenant(org.id, (tx) => tx.execute('delete from training.audit_logs'));
    await expect(attempt).rejects.toThrow();
  });

  it.runIf(TEST_DB === 'postgres')('gives the request login no right of its own', async () => {
    await expect(t.db.probeRequestConnection('select count(*) from training.users')).rejects.toThrow();
  });
});
