// One-time password links (decisions 010, 012): アカウント通知 and パスワードを忘れた方 send one; its holder
// sees whose account it is and sets a password under the tenant policy. The token is `<tenantId>.<256
// random bits>` like a session id (the tenant in front lets the lookup run under that tenant's RLS);
// only sha256 of the random part is stored. A link is single use: used_at is set in the transaction
// that writes the new password, under a row lock, so two tabs cannot both use it.
import { type JobActor, systemActor } from '@jinji/auth/actor';
import { reserveAttempt, sourceOf } from '@jinji/auth/login-throttle';
import { hashPassword } from '@jinji/auth/passwords';
import { newSessionToken, parseSessionToken } from '@jinji/auth/session-token';
import {
  PASSWORD_RESET_ACCEPTED,
  type TPasswordLinkResponse,
  type TPasswordResetRequest,
  type TSetPasswordByLinkResponse,
} from '@jinji/contracts/hr/account-notice';
import type { TAdminRole } from '@jinji/contracts/hr/roles';
import { formatDateTime } from '@jinji/ja/text';
import type { MailWorker } from '@jinji/mail/worker';
import { AppError } from '@jinji/server-kit/app-error';
import type { Config } from '../../config';
import type { Database, Tx } from '../../db/client';
import { recordAudit, recordAudits } from '../audit/audit.service';
import { enqueueHrMails } from '../mail/mail.service';
import { type PasswordLinkMailData, passwordResetMail } from '../mail/mail-templates';
import { getEffectivePolicy } from '../password-policy/password-policy.service';
import { findTenantIdByCode, getCurrentTenant } from '../tenants/tenants.service';
import {
  deleteUserSessions,
  findAccountsForReset,
  findPasswordLink,
  insertPasswordLinks,
  loginThrottleStore,
  markPasswordLinksUsed,
  type PasswordLinkPurpose,
  resetLoginThrottles,
  updatePassword,
} from './auth.repository';
import { findPasswordViolations } from './auth.service';

/** アカウント通知: three days to open the mail; a reset is asked for now, so an hour is enough. */
export const LINK_LIFETIME_MS: Record<PasswordLinkPurpose, number> = {
  notice: 72 * 3_600_000,
  reset: 3_600_000,
};

export type IssuedLink = { userId: string; url: string; expiresAt: Date };

export const loginUrlOf = (config: Pick<Config, 'publicUrl'>, tenantCode: string) =>
  `${config.publicUrl}/login?tenantCode=${encodeURIComponent(tenantCode)}`;

/**
 * New links for these accounts in the caller's transaction (the one that writes their mails), each
 * account's earlier unused link of that purpose dropped. Returns the URLs to put in the mails.
 */
export async function issuePasswordLinksIn(
  tx: Tx,
  config: Pick<Config, 'publicUrl'>,
  tenantId: string,
  purpose: PasswordLinkPurpose,
  userIds: string[],
  now = new Date(),
): Promise<Map<string, IssuedLink>> {
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
  const issued = new Map<string, IssuedLink>();
  const rows = userIds.map((userId) => {
    const { token, idHash } = newSessionToken(tenantId);
    issued.set(userId, { userId, url: `${config.publicUrl}/password/set/${token}`, expiresAt });
    return { tenantId, userId, tokenHash: idHash, expiresAt, createdAt: now };
  });
  await insertPasswordLinks(tx, purpose, rows);
  return issued;
}

/** The mail's account part, as both templates with a link show it. */
export const linkMailData = (
  config: Pick<Config, 'publicUrl'>,
  tenant: { code: string; name: string },
  account: { displayName: string; loginId: string },
  link: IssuedLink,
): PasswordLinkMailData => ({
  tenantName: tenant.name,
  tenantCode: tenant.code,
  displayName: account.displayName,
  loginId: account.loginId,
  loginUrl: loginUrlOf(config, tenant.code),
  link: link.url,
  expiresAt: formatDateTime(link.expiresAt.toISOString()).slice(0, 16),
});

const invalidLink = (reason: 'expired' | 'used' | 'unknown') =>
  new AppError(
    'PASSWORD_LINK_INVALID',
    reason === 'expired'
      ? 'このリンクは有効期限が切れています。「パスワードを忘れた方」から再設定用のメールを受け取ってください'
      : reason === 'used'
        ? 'このリンクは既に使用されています。設定したパスワードでログインするか、「パスワードを忘れた方」から再設定してください'
        : undefined,
  );

/** The link's account, or PASSWORD_LINK_INVALID (unknown, expired, used, or the account disabled). */
async function openLink(tx: Tx, idHash: string, now: Date, lock: boolean) {
  const link = await findPasswordLink(tx, idHash, lock);
  if (!link || link.isDisabled) throw invalidLink('unknown');
  if (link.usedAt) throw invalidLink('used');
  if (link.expiresAt <= now) throw invalidLink('expired');
  return link;
}

const parseToken = (token: string) => {
  const parsed = parseSessionToken(token);
  if (!parsed) throw invalidLink('unknown');
  return parsed;
};

/** The password-set page: whose account the link is for, and the policy to meet. Changes nothing. */
export async function inspectPasswordLink(db: Database, token: string): Promise<TPasswordLinkResponse> {
  const { tenantId, idHash } = parseToken(token);
  return db.asTenant(tenantId, async (tx) => {
    const link = await openLink(tx, idHash, new Date(), false);
    const tenant = await getCurrentTenant(tx);
    if (!tenant) throw invalidLink('unknown');
    return {
      purpose: link.purpose,
      tenantCode: tenant.code,
      tenantName: tenant.name,
      loginId: link.loginId,
      expiresAt: link.expiresAt.toISOString(),
      policy: await getEffectivePolicy(tx),
    };
  });
}

/**
 * The new password, under the tenant policy (and its reuse rule), in one transaction with the link's
 * used_at: the account's sessions end, its login locks are lifted (the holder proved the mailbox), and
 * one audit row names the account as the actor.
 */
export async function setPasswordByLink(
  db: Database,
  token: string,
  newPassword: string,
): Promise<TSetPasswordByLinkResponse> {
  const { tenantId, idHash } = parseToken(token);
  const { link, tenant } = await db.asTenant(tenantId, async (tx) => ({
    link: await openLink(tx, idHash, new Date(), false),
    tenant: await getCurrentTenant(tx),
  }));
  if (!tenant) throw invalidLink('unknown');
  const violations = await findPasswordViolations(db, tenantId, link.userId, newPassword);
  if (violations.length > 0) {
    throw new AppError(
      'PASSWORD_POLICY_VIOLATION',
      undefined,
      violations.map((message) => ({ path: 'newPassword', message })),
    );
  }
  const hash = await hashPassword(newPassword);
  await db.asTenant(tenantId, async (tx) => {
    // again, locked: the first of two concurrent uses wins, the second finds it used
    const locked = await openLink(tx, idHash, new Date(), true);
    const now = new Date();
    await updatePassword(tx, tenantId, locked.userId, hash);
    await markPasswordLinksUsed(tx, locked.userId, idHash, now);
    await deleteUserSessions(tx, locked.userId);
    await resetLoginThrottles(tx, locked.userId);
    const actor: JobActor<{ roles: TAdminRole[] }> = {
      kind: 'job',
      tenantId,
      jobId: `password-link:${locked.purpose}`,
      userId: locked.userId,
      loginId: locked.loginId,
      roles: [],
    };
    await recordAudit(tx, actor, {
      action: 'update',
      targetType: 'user_account',
      targetId: locked.userId,
      before: { loginId: locked.loginId },
      after: { loginId: locked.loginId, passwordSetBy: locked.purpose },
    });
  });
  return { tenantCode: tenant.code, loginId: link.loginId };
}

/**
 * パスワードを忘れた方. The answer is the same whether or not the account exists; the work is too: the
 * tenant and accounts are looked up, the login throttle counts the request against the source (so
 * this is no way around the lockout), a token is made and the mail rendered, in one transaction —
 * only the rows written differ. Unknown or throttled: nothing is written. At most one account per
 * request gets a mail per address named (an address on several accounts: each).
 */
export async function requestPasswordReset(
  db: Database,
  config: Config,
  mail: MailWorker,
  input: TPasswordResetRequest,
  client: { ip: string },
): Promise<{ message: string }> {
  const tenantId = await db.asAnonymous((tx) => findTenantIdByCode(tx, input.tenantCode));
  // an unknown tenant works in a tenant of no one (nil uuid: RLS shows it no rows)
  const scope = tenantId ?? '00000000-0000-0000-0000-000000000000';
  const sent = await db.asTenant(scope, async (tx) => {
    const tenant = await getCurrentTenant(tx);
    const accounts = (await findAccountsForReset(tx, input.loginIdOrEmail)).filter((a) => !a.isDisabled && a.email);
    const store = loginThrottleStore(scope);
    const allowed: typeof accounts = [];
    for (const account of accounts) {
      const reserved = reserveAttempt(await store.lock(tx, account.id, sourceOf(client.ip)), config.login, new Date());
      await store.save(tx, account.id, reserved.pair);
      await store.save(tx, account.id, reserved.account);
      if (reserved.isAllowed) allowed.push(account);
    }
    // the same token and rendering work when nobody is found: the timing says as little as the answer
    const links = await issuePasswordLinksIn(
      tx,
      config,
      scope,
      'reset',
      allowed.map((a) => a.id),
    );
    const mails = allowed.map((a) => ({
      tenantId: scope,
      to: a.email!,
      template: passwordResetMail,
      data: linkMailData(config, tenant ?? { code: input.tenantCode, name: '' }, a, links.get(a.id)!),
    }));
    if (mails.length === 0) {
      const { token } = newSessionToken(scope);
      passwordResetMail.render(
        linkMailData(
          config,
          { code: input.tenantCode, name: '' },
          { displayName: '', loginId: input.loginIdOrEmail },
          { userId: '', url: `${config.publicUrl}/password/set/${token}`, expiresAt: new Date() },
        ),
      );
      return 0;
    }
    const mailIds = await enqueueHrMails(tx, mails);
    await recordAudits(
      tx,
      systemActor(scope, 'password-reset', { roles: [] }),
      allowed.map((a, i) => ({
        action: 'create' as const,
        targetType: 'password_link',
        targetId: a.id,
        after: { loginId: a.loginId, purpose: 'reset', mailId: mailIds[i] },
      })),
    );
    return mails.length;
  });
  // woken either way: the same work whether or not a mail was written
  if (sent >= 0) await mail.wake();
  return { message: PASSWORD_RESET_ACCEPTED };
}
