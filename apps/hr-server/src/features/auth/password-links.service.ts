// One-time password links (decisions 010, 012): アカウント通知 and パスワードを忘れた方 send one; its holder
// sees whose account it is and sets a password under the tenant policy. The token is `<tenantId>.<256
// random bits>` like a session id (the tenant in front lets the lookup run under that tenant's RLS);
// only sha256 of the random part is stored. A link is single use: used_at is set in the transaction
// that writes the new password, under a row lock, so two tabs cannot both use it.
import { type JobActor, systemActor } from '@jinji/auth/actor';
import { reserveAttempt, sourceOf } from '@jinji/auth/login-throttle';
import {
  consumePasswordLink,
  type IssuedLink,
  issuePasswordLinks,
  openPasswordLink,
  PasswordLinkInvalid,
  type PasswordLinkPurpose,
  parsePasswordLinkToken,
  passwordLinkUrl,
} from '@jinji/auth/password-links';
import { hashPassword } from '@jinji/auth/passwords';
import { newSessionToken } from '@jinji/auth/session-token';
import type { TPasswordLinkResponse, TSetPasswordByLinkResponse } from '@jinji/contracts/common/password-links';
import { PASSWORD_RESET_ACCEPTED, type TPasswordResetRequest } from '@jinji/contracts/hr/account-notice';
import type { TAdminRole } from '@jinji/contracts/hr/roles';
import { formatDateTime } from '@jinji/ja/text';
import type { MailWorker } from '@jinji/mail/worker';
import { AppError } from '@jinji/server-kit/app-error';
import { withPasswordLinkErrors } from '@jinji/server-kit/password-link-error';
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
  hrPasswordLinkStore,
  loginThrottleStore,
  resetLoginThrottles,
  updatePassword,
} from './auth.repository';
import { findPasswordViolations } from './auth.service';

export const loginUrlOf = (config: Pick<Config, 'publicUrl'>, tenantCode: string) =>
  `${config.publicUrl}/login?tenantCode=${encodeURIComponent(tenantCode)}`;

/**
 * New links for these accounts in the caller's transaction (the one that writes their mails), each
 * account's earlier unused link of that purpose dropped (the kit's issuePasswordLinks).
 */
export const issuePasswordLinksIn = (
  tx: Tx,
  config: Pick<Config, 'publicUrl'>,
  tenantId: string,
  purpose: PasswordLinkPurpose,
  userIds: string[],
  now = new Date(),
) => issuePasswordLinks(hrPasswordLinkStore, tx, { publicUrl: config.publicUrl, tenantId, purpose, userIds, now });

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

/** The password-set page: whose account the link is for, and the policy to meet. Changes nothing. */
export const inspectPasswordLink = (db: Database, token: string): Promise<TPasswordLinkResponse> =>
  withPasswordLinkErrors(async () => {
    const { tenantId, idHash } = parsePasswordLinkToken(token);
    return db.asTenant(tenantId, async (tx) => {
      const link = await openPasswordLink(hrPasswordLinkStore, tx, idHash);
      const tenant = await getCurrentTenant(tx);
      if (!tenant) throw new PasswordLinkInvalid('unknown');
      return {
        purpose: link.purpose,
        tenantCode: tenant.code,
        tenantName: tenant.name,
        loginId: link.loginId,
        expiresAt: link.expiresAt.toISOString(),
        policy: await getEffectivePolicy(tx),
      };
    });
  });

/**
 * The new password, under the tenant policy (and its reuse rule), in one transaction with the link's
 * used_at: the account's sessions end, its login locks are lifted (the holder proved the mailbox), and
 * one audit row names the account as the actor.
 */
export const setPasswordByLink = (db: Database, token: string, newPassword: string) =>
  withPasswordLinkErrors(() => setPasswordByLinkUnwrapped(db, token, newPassword));

async function setPasswordByLinkUnwrapped(
  db: Database,
  token: string,
  newPassword: string,
): Promise<TSetPasswordByLinkResponse> {
  const { tenantId, idHash } = parsePasswordLinkToken(token);
  const { link, tenant } = await db.asTenant(tenantId, async (tx) => ({
    link: await openPasswordLink(hrPasswordLinkStore, tx, idHash),
    tenant: await getCurrentTenant(tx),
  }));
  if (!tenant) throw new PasswordLinkInvalid('unknown');
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
    const locked = await consumePasswordLink(hrPasswordLinkStore, tx, idHash, (l) =>
      updatePassword(tx, tenantId, l.userId, hash),
    );
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
          { userId: '', url: passwordLinkUrl(config.publicUrl, token), expiresAt: new Date() },
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
