// Training login and sessions over the auth kit (decision 004): an unknown 組織コード or ログインID, a wrong
// password, a lockout and a disabled user all fail alike — one error, one argon2 verify.
import { systemActor } from '@jinji/auth/actor';
import { checkThrottledPassword, settleLoginSuccess } from '@jinji/auth/login-throttle';
import { burnVerify, verifyPassword } from '@jinji/auth/passwords';
import { newSessionToken, parseSessionToken, sessionCutoffs, sessionExpiry } from '@jinji/auth/session-token';
import { trainingPermissionsOf } from '@jinji/contracts/training/access';
import type { TTrainingLoginRequest, TTrainingMeResponse } from '@jinji/contracts/training/auth';
import { AppError } from '@jinji/server-kit/app-error';
import type { TrainingUser } from '../../access';
import type { TrainingConfig } from '../../config';
import type { TrainingDb, TrainingTx } from '../../db/database';
import { recordAudit } from '../audit/audit.service';
import * as repo from './auth.repository';

export const meOf = ({
  id,
  loginId,
  displayName,
  email,
  organization,
  systemRole,
}: repo.SessionMe): TTrainingMeResponse => ({
  user: { id, loginId, displayName, email },
  organization,
  systemRole,
  permissions: trainingPermissionsOf(systemRole),
  mustChangePassword: false,
});

export async function resolveTrainingSession(db: TrainingDb, config: TrainingConfig, token: string) {
  const parsed = parseSessionToken(token);
  const me = parsed && (await repo.sessionContext(db, parsed.tenantId, parsed.idHash, sessionCutoffs(config.session)));
  if (!parsed || !me || me.organization.id !== parsed.tenantId) return null;
  return { ...me, organisationId: parsed.tenantId, userId: me.id, sessionHash: parsed.idHash } satisfies TrainingUser;
}

export async function trainingLogin(db: TrainingDb, config: TrainingConfig, body: TTrainingLoginRequest, ip: string) {
  const orgId = await db.asAnonymous((tx) => repo.organisationIdByCode(tx, body.organizationCode));
  const user = orgId ? await db.asTenant(orgId, (tx) => repo.userByLoginId(tx, body.loginId)) : null;
  const hash = user?.passwordHash;
  if (!orgId || !user || !hash) {
    await burnVerify(body.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const store = repo.trainingThrottleStore(orgId);
  const outcome = await checkThrottledPassword<TrainingTx>({
    store,
    transaction: (fn) => db.asTenant(orgId, fn),
    rules: config.login,
    userId: user.id,
    ip,
    verify: () => verifyPassword(hash, body.password),
    burnVerify: () => burnVerify(body.password),
    onLocked: (tx, lock) =>
      recordAudit(tx, systemActor(orgId, 'login-lockout', { systemRole: 'admin' }), {
        action: 'lock',
        targetType: 'user',
        targetId: user.id,
        after: { scope: lock.scope, lockedUntil: lock.lockedUntil?.toISOString() ?? null },
      }),
  });
  if (outcome === 'refused' || user.disabledAt) throw new AppError('INVALID_CREDENTIALS');
  const { token, idHash } = newSessionToken(orgId);
  await db.asTenant(orgId, async (tx) => {
    await settleLoginSuccess(store, tx, user.id, ip);
    await repo.insertSession(tx, {
      organisationId: orgId,
      idHash,
      userId: user.id,
      expiresAt: sessionExpiry(config.session),
    });
  });
  const me = await repo.sessionContext(db, orgId, idHash, sessionCutoffs(config.session));
  if (!me) throw new AppError('INTERNAL');
  return { token, me: meOf(me) };
}

export async function trainingLogout(db: TrainingDb, user: TrainingUser): Promise<void> {
  await db.asTenant(user.organisationId, (tx) => repo.deleteSession(tx, user.sessionHash));
}
