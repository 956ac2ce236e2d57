// Login, sessions and password change (R-AUTH-1, R-AUTH-2). Argon2 work happens outside
// transactions so that a slow hash never holds a connection (or PGlite's single lock).
import { systemActor } from '@jinji/auth/actor';
import { checkReservedPassword, lockedUntilOf, reserveAttempt, sourceOf } from '@jinji/auth/login-throttle';
import { burnVerify, checkPassword, hashPassword, verifyPassword } from '@jinji/auth/passwords';
import { newSessionToken, parseSessionToken, sessionCutoffs, sessionExpiry } from '@jinji/auth/session-token';
import type { TChangePasswordRequest, TPasswordPolicy } from '@jinji/contracts/common/password-policy';
import { isAllowed, PERMISSION_KEYS } from '@jinji/contracts/hr/access';
import type { TLoginRequest, TMeResponse } from '@jinji/contracts/hr/auth';
import { ADMIN_ROLES, type TAdminRole } from '@jinji/contracts/hr/roles';
import { isUniqueViolation } from '@jinji/db/errors';
import { AppError } from '@jinji/server-kit/app-error';
import type { Config } from '../../config';
import type { Database, Tx } from '../../db/client';
import type { Actor, HrUser } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import { getEffectivePolicy } from '../password-policy/password-policy.service';
import { findTenantIdByCode, getCurrentTenant } from '../tenants/tenants.service';
import {
  deleteOtherSessions,
  deleteSession,
  deleteUserSessions,
  findAccountSummary,
  findEmployeeIdOfUser,
  findSessionContext,
  findUserByLoginId,
  getUserPassword,
  insertAccount,
  type LoginRateLimit,
  listLoginThrottles,
  listRecentPasswordHashes,
  loginThrottleStore,
  reserveLoginAttempt,
  resetLoginThrottles,
  setUserDisabled,
  startLoginSession,
  updatePassword,
} from './auth.repository';

const toRoles = (roles: string[]) =>
  roles.filter((r): r is TAdminRole => (ADMIN_ROLES as readonly string[]).includes(r));

export type SessionToken = string; // `${tenantId}.${random}` — the cookie value

/**
 * Unknown IDs, wrong passwords and attempts stopped by the lockout answer alike — the same error and
 * one argon2 verify each — so that nobody can learn from the answer whether an account exists or is
 * locked (decision 004 "Lockout").
 */
export async function login(
  db: Database,
  config: Config,
  input: TLoginRequest,
  client: { ip: string; userAgent: string | null },
  rateLimit: LoginRateLimit,
): Promise<{ token: SessionToken; me: TMeResponse }> {
  const source = sourceOf(client.ip);
  const attempt = await reserveLoginAttempt(
    db,
    { tenantCode: input.tenantCode, loginId: input.loginId, source, rateLimit },
    (rows) => reserveAttempt(rows, config.login, new Date()),
  );
  if (!attempt) {
    await burnVerify(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const { tenantId, userId } = attempt;
  const outcome = await checkReservedPassword<Tx>(
    {
      store: loginThrottleStore(tenantId),
      transaction: (fn) => db.asTenant(tenantId, fn),
      rules: config.login,
      userId,
      ip: client.ip,
      verify: () => verifyPassword(attempt.passwordHash, input.password),
      burnVerify: () => burnVerify(input.password),
      // the system locked it (no user acting): decision 004's audit row
      onLocked: (tx, lock) =>
        recordAudit(tx, systemActor(tenantId, 'login-lockout', { roles: [] }), {
          action: 'update',
          targetType: 'login_lock',
          targetId: userId,
          before: { isLocked: false },
          after: { isLocked: true, scope: lock.scope, lockedUntil: lock.lockedUntil?.toISOString() },
        }),
    },
    attempt.reserved,
  );
  if (outcome === 'refused') throw new AppError('INVALID_CREDENTIALS');
  if (attempt.isDisabled) throw new AppError('ACCOUNT_DISABLED');

  const { token, idHash } = newSessionToken(tenantId); // 256 random bits
  const now = new Date();
  const isPasswordExpired =
    attempt.expiryDays !== null &&
    attempt.passwordChangedAt !== null &&
    now.getTime() - attempt.passwordChangedAt.getTime() > attempt.expiryDays * 86_400_000;
  const s = await startLoginSession(db, {
    tenantId,
    userId,
    source,
    idHash,
    now,
    expiresAt: sessionExpiry(config.session),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
    isPasswordExpired,
  });
  if (!s || s.tenant.id !== tenantId) throw new AppError('INTERNAL');
  const roles = toRoles(s.roles);
  return {
    token,
    me: {
      user: { id: s.userId, loginId: s.loginId, displayName: s.displayName, email: s.email },
      tenant: s.tenant,
      roles,
      permissions: PERMISSION_KEYS.filter((p) => isAllowed(roles, p)),
      mustChangePassword: s.mustChangePassword,
    },
  };
}

/**
 * Resolves a cookie to its session; null when missing, malformed, expired, idle or disabled. One round
 * trip (findSessionContext), which also serves /auth/me without another.
 */
export async function resolveSession(db: Database, config: Config, token: string): Promise<HrUser | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const s = await findSessionContext(db, parsed.tenantId, parsed.idHash, sessionCutoffs(config.session));
  if (!s || s.tenant.id !== parsed.tenantId) return null;
  return {
    kind: 'user',
    tenantId: parsed.tenantId,
    userId: s.userId,
    loginId: s.loginId,
    displayName: s.displayName,
    email: s.email,
    roles: toRoles(s.roles),
    mustChangePassword: s.mustChangePassword,
    sessionHash: parsed.idHash,
    tenantCode: s.tenant.code,
    tenantName: s.tenant.name,
  };
}

/** What the web shows of the signed-in user: all of it was read with the session. */
export function getMe(user: HrUser): TMeResponse {
  return {
    user: { id: user.userId, loginId: user.loginId, displayName: user.displayName, email: user.email },
    tenant: { id: user.tenantId, code: user.tenantCode, name: user.tenantName },
    roles: user.roles,
    permissions: PERMISSION_KEYS.filter((p) => isAllowed(user.roles, p)),
    mustChangePassword: user.mustChangePassword,
  };
}

export async function logout(db: Database, user: HrUser): Promise<void> {
  const { sessionHash } = user;
  if (sessionHash) await db.asTenant(user.tenantId, (tx) => deleteSession(tx, sessionHash));
}

/**
 * What is wrong with a new password for this account: the tenant policy on top of the fixed rules
 * (common passwords, the names), then — only if those pass — reuse of the current or the last N
 * passwords (each old hash verified once; argon2 costs ~15 ms). Every path that sets an existing
 * account's password goes through here (パスワード変更, the one-time links).
 */
export async function findPasswordViolations(
  db: Database,
  tenantId: string,
  userId: string,
  newPassword: string,
  /** what the caller has read already (one round trip less) */
  known?: {
    user: { loginId: string; passwordHash: string | null } | null;
    policy: TPasswordPolicy;
    tenant: { code: string; name: string } | null;
  },
): Promise<string[]> {
  const { user, policy, tenant } =
    known ??
    (await db.asTenant(tenantId, async (tx) => ({
      user: await getUserPassword(tx, userId),
      policy: await getEffectivePolicy(tx),
      tenant: await getCurrentTenant(tx),
    })));
  if (!user) return ['アカウントが見つかりません'];
  const violations = checkPassword(newPassword, policy, {
    loginId: user.loginId,
    tenantCode: tenant?.code ?? '',
    tenantName: tenant?.name ?? '',
  }).map((v) => v.message);
  if (violations.length > 0) return violations;
  // The current password always counts as reused; the policy extends it to the last N.
  const recent = await db.asTenant(tenantId, (tx) =>
    listRecentPasswordHashes(tx, userId, Math.max(policy.reuseCount ?? 1, 1)),
  );
  const hashes = new Set([...(user.passwordHash ? [user.passwordHash] : []), ...recent]);
  for (const old of hashes) {
    if (await verifyPassword(old, newPassword)) {
      return [
        policy.reuseCount !== null
          ? `直近${policy.reuseCount}回分のパスワードは再利用できません`
          : '現在のパスワードと同じパスワードは使用できません',
      ];
    }
  }
  return [];
}

export async function changePassword(db: Database, ctx: HrUser, input: TChangePasswordRequest): Promise<void> {
  const { user, policy, tenant } = await db.asTenant(ctx.tenantId, async (tx) => ({
    user: await getUserPassword(tx, ctx.userId),
    policy: await getEffectivePolicy(tx),
    tenant: await getCurrentTenant(tx),
  }));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('CURRENT_PASSWORD_WRONG', undefined, [
      { path: 'currentPassword', message: '現在のパスワードが正しくありません' },
    ]);
  }
  const violations = await findPasswordViolations(db, ctx.tenantId, ctx.userId, input.newPassword, {
    user,
    policy,
    tenant,
  });
  if (violations.length > 0) {
    throw new AppError(
      'PASSWORD_POLICY_VIOLATION',
      undefined,
      violations.map((message) => ({ path: 'newPassword', message })),
    );
  }
  const newHash = await hashPassword(input.newPassword);
  await db.asTenant(ctx.tenantId, async (tx) => {
    await updatePassword(tx, ctx.tenantId, ctx.userId, newHash);
    await deleteOtherSessions(tx, ctx.userId, ctx.sessionHash ?? '');
  });
}

/** Disabling an account ends all of its sessions at once; the admin who did it is in the audit trail. */
export async function disableAccount(db: Database, actor: Actor, userId: string): Promise<void> {
  await db.asTenant(actor.tenantId, async (tx) => {
    const account = await findAccountSummary(tx, userId);
    if (!account) throw new AppError('NOT_FOUND', 'アカウントが見つかりません');
    await setUserDisabled(tx, userId, true);
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, {
      action: 'update',
      targetType: 'user_account',
      targetId: userId,
      before: { loginId: account.loginId, isDisabled: account.isDisabled },
      after: { loginId: account.loginId, isDisabled: true },
    });
  });
}

/** When each account's login lock ends (null = not locked), for the screens of システム管理者. */
export async function findLockStates(db: Database, ctx: Actor, userIds: string[]): Promise<Map<string, Date | null>> {
  if (!isAllowed(ctx.roles, 'system.access_control')) throw new AppError('FORBIDDEN');
  const rows = await db.asTenant(ctx.tenantId, (tx) => listLoginThrottles(tx, userIds));
  const now = new Date();
  return new Map(
    userIds.map((id) => [
      id,
      lockedUntilOf(
        rows.filter((r) => r.userId === id),
        now,
      ),
    ]),
  );
}

/** 【ロック解除】 by a システム管理者: every source may try again at once. */
export async function unlockAccount(db: Database, ctx: Actor, userId: string): Promise<void> {
  if (!isAllowed(ctx.roles, 'system.access_control')) throw new AppError('FORBIDDEN');
  await db.asTenant(ctx.tenantId, async (tx) => {
    const account = await findAccountSummary(tx, userId);
    if (!account) throw new AppError('NOT_FOUND', 'アカウントが見つかりません');
    const lockedUntil = lockedUntilOf(await listLoginThrottles(tx, [userId]), new Date());
    await resetLoginThrottles(tx, userId);
    await recordAudit(tx, ctx, {
      action: 'update',
      targetType: 'login_lock',
      targetId: userId,
      before: {
        loginId: account.loginId,
        isLocked: lockedUntil !== null,
        lockedUntil: lockedUntil?.toISOString() ?? null,
      },
      after: { loginId: account.loginId, isLocked: false, lockedUntil: null },
    });
  });
}

/**
 * An account (no admin role = 一般) for an organisation, under its password policy. Used by the CLI
 * until employee registration creates accounts (issue #4).
 */
export async function createAccount(
  db: Database,
  input: {
    tenantCode: string;
    loginId: string;
    password: string;
    displayName: string;
    email: string | null;
  },
  /** the employee the account belongs to (マイページ shows that record), written in the same transaction */
  employeeOf?: (tx: Tx, tenantId: string) => Promise<string>,
): Promise<{ tenantId: string; userId: string }> {
  const tenantId = await db.asAnonymous((tx) => findTenantIdByCode(tx, input.tenantCode));
  if (!tenantId) throw new AppError('NOT_FOUND', `企業コード「${input.tenantCode}」の組織が見つかりません`);
  const { policy, tenant } = await db.asTenant(tenantId, async (tx) => ({
    policy: await getEffectivePolicy(tx),
    tenant: await getCurrentTenant(tx),
  }));
  const violations = checkPassword(input.password, policy, {
    loginId: input.loginId,
    tenantCode: input.tenantCode,
    tenantName: tenant?.name ?? '',
  });
  if (violations.length > 0) {
    throw new AppError(
      'PASSWORD_POLICY_VIOLATION',
      undefined,
      violations.map((v) => ({ path: 'password', message: v.message })),
    );
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db.asTenant(tenantId, async (tx) =>
      insertAccount(tx, {
        tenantId,
        ...input,
        passwordHash,
        employeeId: employeeOf ? await employeeOf(tx, tenantId) : null,
      }),
    );
    return { tenantId, userId };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `ログインID「${input.loginId}」は既に使われています`, [
        { path: 'loginId', message: `ログインID「${input.loginId}」は既に使われています` },
      ]);
    }
    throw error;
  }
}

/**
 * `jinji demo` run again on an existing demo organisation: the admin's password becomes the given one
 * and any login lock is lifted, so the printed login works. A CLI step with no actor, hence no audit row.
 */
export async function resetPasswordByLoginId(
  db: Database,
  tenantId: string,
  loginId: string,
  password: string,
): Promise<void> {
  const hash = await hashPassword(password);
  await db.asTenant(tenantId, async (tx) => {
    const user = await findUserByLoginId(tx, loginId);
    if (!user) return;
    await updatePassword(tx, tenantId, user.id, hash);
    await resetLoginThrottles(tx, user.id);
  });
}

/**
 * The signed-in account's own employee, for the self-service routes (which take no employee id):
 * NO_LINKED_EMPLOYEE for an account that has none (an administrator's own login, say).
 */
export async function requireOwnEmployeeId(tx: Tx, ctx: Actor): Promise<string> {
  const employeeId = ctx.kind === 'user' ? await findEmployeeIdOfUser(tx, ctx.userId) : null;
  if (!employeeId) throw new AppError('NO_LINKED_EMPLOYEE');
  return employeeId;
}
