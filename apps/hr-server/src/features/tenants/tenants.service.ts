import { checkPassword, hashPassword } from '@jinji/auth/passwords';
import { DEFAULT_PASSWORD_POLICY } from '@jinji/contracts/common/password-policy';
import type { TCreateTenantRequest } from '@jinji/contracts/hr/setup';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import {
  hasAnyTenant,
  insertTenantWithAdmin,
  getCurrentTenant as selectCurrentTenant,
  findTenantIdByCode as selectTenantIdByCode,
} from './tenants.repository';

// Other slices (login, the session's tenant) read the organisation through these, never through
// tenants.repository: the lint boundary rule keeps every slice's queries behind its own service.
/** The organisation's id for a 企業コード, or null; run as anonymous (before a tenant is known). */
export function findTenantIdByCode(tx: Tx, code: string): Promise<string | null> {
  return selectTenantIdByCode(tx, code);
}

/** The organisation of the transaction's tenant (RLS), or null. */
export function getCurrentTenant(tx: Tx): Promise<{ id: string; code: string; name: string } | null> {
  return selectCurrentTenant(tx);
}

export async function isSetupNeeded(db: Database): Promise<boolean> {
  return !(await db.asAnonymous(hasAnyTenant));
}

/**
 * Creates an organisation (テナント) and its システム管理者. Used by the first-run page (firstRun = true:
 * only while the database has no tenant) and by `jinji tenant:create`.
 */
export async function createTenant(
  db: Database,
  input: TCreateTenantRequest,
  opts: { firstRun: boolean },
): Promise<{ tenantId: string; userId: string }> {
  const violations = checkPassword(input.adminPassword, DEFAULT_PASSWORD_POLICY, {
    loginId: input.adminLoginId,
    tenantCode: input.tenantCode,
    tenantName: input.tenantName,
  });
  if (violations.length > 0) {
    throw new AppError(
      'PASSWORD_POLICY_VIOLATION',
      undefined,
      violations.map((v) => ({ path: 'adminPassword', message: v.message })),
    );
  }
  const passwordHash = await hashPassword(input.adminPassword);
  const result = await insertTenantWithAdmin(
    db.owner,
    {
      code: input.tenantCode,
      name: input.tenantName,
      admin: { loginId: input.adminLoginId, email: input.adminEmail, displayName: 'システム管理者', passwordHash },
    },
    opts.firstRun,
  );
  if (result === 'not_empty') throw new AppError('SETUP_ALREADY_DONE');
  if (result === 'code_taken') {
    throw new AppError('TENANT_CODE_TAKEN', undefined, [
      { path: 'tenantCode', message: 'この企業コードは既に使われています' },
    ]);
  }
  return result;
}
