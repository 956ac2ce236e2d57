// Login, sessions and password change (R-AUTH-1, R-AUTH-2). Argon2 work happens outside
// transactions so that a slow hash never holds a connection (or PGlite's single lock).
import { createHash, randomBytes } from 'node:crypto';
import type { TChangePasswordRequest } from '@jinji/contracts/common/password-policy';
import { isAllowed, PERMISSION_KEYS } from '@jinji/contracts/hr/access';
import type { TLoginRequest, TMeResponse } from '@jinji/contracts/hr/auth';
import { ADMIN_ROLES, type TAdminRole } from '@jinji/contracts/hr/roles';
import type { Config } from '../../config';
import type { Database, Tx } from '../../db/client';
import { isUniqueViolation } from '../../db/errors';
import { AppError } from '../../lib/app-error';
import type { AuthContext } from '../../lib/auth-context';
import { burnVerify, checkPassword, hashPassword, verifyPassword } from '../../lib/passwords';
import { type AuditActor, recordAudit } from '../audit/audit.service';
import { getEffectivePolicy } from '../password-policy/password-policy.service';
import { findTenantIdByCode, getCurrentTenant } from '../tenants/tenants.service';
import {
  deleteOtherSessions,
  deleteSession,
  deleteStaleLoginThrottles,
  deleteUserSessions,
  findAccountSummary,
  findSession,
  findUserByLoginId,
  getUserPassword,
  insertAccount,
  insertSession,
  listLoginThrottles,
  listRecentPasswordHashes,
  listRoles,
  lockLoginThrottles,
  recordLoginSuccess,
  resetLoginThrottles,
  saveLoginThrottle,
  setUserDisabled,
  touchSession,
  updatePassword,
} from './auth.repository';
import {
  ACCOUNT_SOURCE,
  lockAccountRow,
  lockedUntilOf,
  reserveAttempt,
  settleFailure,
  settleSuccess,
  sourceOf,
  type ThrottleRules,
} from './login-throttle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const toRoles = (roles: string[]) =>
  roles.filter((r): r is TAdminRole => (ADMIN_ROLES as readonly string[]).includes(r));

export type SessionToken = string; // `${tenantId}.${random}` — the cookie value

/** The system's own actions in the audit trail (an automatic lock): no user. */
const systemActor = (tenantId: string): AuditActor => ({ tenantId, userId: null, loginId: null });
const throttleRules = (config: Config): ThrottleRules => config.login;

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
): Promise<{ token: SessionToken; me: TMeResponse }> {
  const tenantId = await db.asAnonymous((tx) => findTenantIdByCode(tx, input.tenantCode));
  const user = tenantId ? await db.asTenant(tenantId, (tx) => findUserByLoginId(tx, input.loginId)) : null;
  if (!tenantId || !user?.passwordHash) {
    await burnVerify(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const passwordHash = user.passwordHash;
  const rules = throttleRules(config);
  const source = sourceOf(client.ip);
  const lockRows = (tx: Tx) => lockLoginThrottles(tx, tenantId, user.id, source, ACCOUNT_SOURCE);

  const reserved = await db.asTenant(tenantId, async (tx) => {
    await deleteStaleLoginThrottles(tx, user.id, ACCOUNT_SOURCE);
    const attempt = reserveAttempt(await lockRows(tx), rules, new Date());
    await saveLoginThrottle(tx, user.id, attempt.pair);
    await saveLoginThrottle(tx, user.id, attempt.account);
    return attempt;
  });
  if (!reserved.isAllowed) {
    await burnVerify(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }

  const isValid = await verifyPassword(passwordHash, input.password);
  if (!isValid) {
    await db.asTenant(tenantId, async (tx) => {
      const now = new Date();
      const rows = await lockRows(tx);
      const settled = settleFailure(rows, rules, now);
      if (settled.isPairLockedNow) {
        await saveLoginThrottle(tx, user.id, settled.pair);
        await recordAudit(tx, systemActor(tenantId), {
          action: 'update',
          targetType: 'login_lock',
          targetId: user.id,
          before: { isLocked: false },
          after: { isLocked: true, scope: 'source', lockedUntil: settled.pair.lockedUntil?.toISOString() },
        });
      }
      if (reserved.account.failures === rules.accountHourlyLimit) {
        const account = lockAccountRow(rows.account);
        await saveLoginThrottle(tx, user.id, account);
        await recordAudit(tx, systemActor(tenantId), {
          action: 'update',
          targetType: 'login_lock',
          targetId: user.id,
          before: { isLocked: false },
          after: { isLocked: true, scope: 'account', lockedUntil: account.lockedUntil?.toISOString() },
        });
      }
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.isDisabled) throw new AppError('ACCOUNT_DISABLED');

  const random = randomBytes(32).toString('base64url'); // 256 bits
  const idHash = hashToken(random);
  const me = await db.asTenant(tenantId, async (tx) => {
    const settled = settleSuccess(await lockRows(tx), new Date());
    await saveLoginThrottle(tx, user.id, settled.pair);
    await saveLoginThrottle(tx, user.id, settled.account);
    const policy = await getEffectivePolicy(tx);
    const isExpired =
      policy.expiryDays !== null &&
      user.passwordChangedAt !== null &&
      Date.now() - user.passwordChangedAt.getTime() > policy.expiryDays * 86_400_000;
    await recordLoginSuccess(tx, user.id, isExpired);
    await insertSession(tx, {
      tenantId,
      idHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + config.session.absoluteMs),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    });
    return loadMe(tx, tenantId, idHash);
  });
  if (!me) throw new AppError('INTERNAL');
  return { token: `${tenantId}.${random}`, me };
}

async function loadMe(
  tx: Parameters<Parameters<Database['asTenant']>[1]>[0],
  tenantId: string,
  idHash: string,
): Promise<TMeResponse | null> {
  const s = await findSession(tx, idHash);
  const tenant = await getCurrentTenant(tx);
  if (!s || !tenant || tenant.id !== tenantId) return null;
  const roles = toRoles(await listRoles(tx, s.userId));
  return {
    user: { id: s.userId, loginId: s.loginId, displayName: s.displayName, email: s.email },
    tenant,
    roles,
    permissions: PERMISSION_KEYS.filter((p) => isAllowed(roles, p)),
    mustChangePassword: s.mustChangePassword,
  };
}

/** Resolves a cookie to its session; null when missing, malformed, expired, idle or disabled. */
export async function resolveSession(db: Database, config: Config, token: string): Promise<AuthContext | null> {
  const dot = token.indexOf('.');
  const tenantId = token.slice(0, dot);
  const random = token.slice(dot + 1);
  if (dot < 0 || !UUID.test(tenantId) || random.length < 32) return null;
  const idHash = hashToken(random);
  return db.asTenant(tenantId, async (tx) => {
    const s = await findSession(tx, idHash);
    if (!s) return null;
    const now = Date.now();
    if (s.isDisabled || s.expiresAt.getTime() <= now || now - s.lastSeenAt.getTime() > config.session.idleMs) {
      await deleteSession(tx, idHash);
      return null;
    }
    if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(tx, idHash);
    return {
      tenantId,
      userId: s.userId,
      loginId: s.loginId,
      displayName: s.displayName,
      email: s.email,
      roles: toRoles(await listRoles(tx, s.userId)),
      mustChangePassword: s.mustChangePassword,
      sessionHash: idHash,
    };
  });
}

export async function getMe(db: Database, ctx: AuthContext): Promise<TMeResponse> {
  const me = await db.asTenant(ctx.tenantId, (tx) => loadMe(tx, ctx.tenantId, ctx.sessionHash));
  if (!me) throw new AppError('UNAUTHENTICATED');
  return me;
}

export async function logout(db: Database, ctx: AuthContext): Promise<void> {
  await db.asTenant(ctx.tenantId, (tx) => deleteSession(tx, ctx.sessionHash));
}

export async function changePassword(db: Database, ctx: AuthContext, input: TChangePasswordRequest): Promise<void> {
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
  const violations = checkPassword(input.newPassword, policy, {
    loginId: user.loginId,
    tenantCode: tenant?.code ?? '',
    tenantName: tenant?.name ?? '',
  });
  if (violations.length === 0) {
    // The current password always counts as reused; the policy extends it to the last N.
    const recent = await db.asTenant(ctx.tenantId, (tx) =>
      listRecentPasswordHashes(tx, ctx.userId, Math.max(policy.reuseCount ?? 1, 1)),
    );
    // the history holds the current hash too: each hash is verified once (argon2 costs ~15 ms)
    for (const old of new Set([user.passwordHash, ...recent])) {
      if (await verifyPassword(old, input.newPassword)) {
        violations.push({
          rule: 'reused',
          message:
            policy.reuseCount !== null
              ? `直近${policy.reuseCount}回分のパスワードは再利用できません`
              : '現在のパスワードと同じパスワードは使用できません',
        });
        break;
      }
    }
  }
  if (violations.length > 0) {
    throw new AppError(
      'PASSWORD_POLICY_VIOLATION',
      undefined,
      violations.map((v) => ({ path: 'newPassword', message: v.message })),
    );
  }
  const newHash = await hashPassword(input.newPassword);
  await db.asTenant(ctx.tenantId, async (tx) => {
    await updatePassword(tx, ctx.tenantId, ctx.userId, newHash);
    await deleteOtherSessions(tx, ctx.userId, ctx.sessionHash);
  });
}

/** Disabling an account ends all of its sessions at once; the admin who did it is in the audit trail. */
export async function disableAccount(db: Database, actor: AuditActor, userId: string): Promise<void> {
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
export async function findLockStates(
  db: Database,
  ctx: AuthContext,
  userIds: string[],
): Promise<Map<string, Date | null>> {
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
export async function unlockAccount(db: Database, ctx: AuthContext, userId: string): Promise<void> {
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
  input: { tenantCode: string; loginId: string; password: string; displayName: string; email: string | null },
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
    const userId = await db.asTenant(tenantId, (tx) => insertAccount(tx, { tenantId, ...input, passwordHash }));
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
