import { checkPassword, hashPassword } from '@jinji/auth/passwords';
import { DEFAULT_PASSWORD_POLICY } from '@jinji/contracts/common/password-policy';
import type { TCreateTenantRequest } from '@jinji/contracts/hr/setup';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database } from '../../db/client';
import { hasAnyTenant, insertTenantWithAdmin } from './tenants.repository';

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
