// 送信メール一覧 (decision 010): the system administrator reads the tenant's outbox — mails may hold
// personal data (names, login IDs), so no other role does — and sends a 送信失敗 mail again (再送).
// Other slices write mails with enqueueHrMail in their own transaction and wake the worker after it.
import { isAllowed } from '@jinji/contracts/hr/access';
import type { TMailDetail, TMailListItem, TMailListQuery, TMailListResponse } from '@jinji/contracts/hr/mail';
import { type EnqueueMail, enqueueMails, findMail, listMails, type MailRow, retryFailedMail } from '@jinji/mail/outbox';
import type { MailWorker } from '@jinji/mail/worker';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import { mailOutbox } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import { smtpTestMail } from './mail-templates';

export type MailDeps = { db: Database; mail: MailWorker; isSmtpConfigured: boolean };

/** Mails in the caller's transaction: they go out only if it commits. Call deps.mail.wake() after it. */
export const enqueueHrMails = <D>(tx: Tx, mails: EnqueueMail<D>[]) => enqueueMails(tx, mailOutbox, mails);

const requireMailLog = (ctx: Actor) => {
  if (!isAllowed(ctx.roles, 'system.mail_log')) throw new AppError('FORBIDDEN');
};

const item = (
  r: Pick<MailRow, keyof Omit<TMailListItem, 'to' | 'createdAt' | 'sentAt'> | 'toAddress' | 'createdAt' | 'sentAt'>,
): TMailListItem => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  to: r.toAddress,
  subject: r.subject,
  template: r.template,
  status: r.status,
  attempts: r.attempts,
  lastErrorCode: r.lastErrorCode,
});

export async function listTenantMails(deps: MailDeps, ctx: Actor, query: TMailListQuery): Promise<TMailListResponse> {
  requireMailLog(ctx);
  const { total, items } = await deps.db.asTenant(ctx.tenantId, (tx) =>
    listMails(tx, mailOutbox, {
      tenantId: ctx.tenantId,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
  );
  return {
    items: items.map(item),
    total,
    page: query.page,
    pageSize: query.pageSize,
    isSmtpConfigured: deps.isSmtpConfigured,
  };
}

/**
 * A one-time password link is the recipient's credential (decision 012). Once the mail is 送信済み the
 * administrator has no use for it, so the body shows it masked; before that (no SMTP: the administrator
 * hands the mail on) it is shown as written.
 */
const PASSWORD_LINK = /(\/password\/set\/)\S+/g;
const bodyAsShown = (row: Pick<MailRow, 'status' | 'textBody'>) =>
  row.status === 'sent' ? row.textBody.replace(PASSWORD_LINK, '$1（送信済みのため表示しません）') : row.textBody;

export async function getTenantMail(deps: MailDeps, ctx: Actor, id: string): Promise<TMailDetail> {
  requireMailLog(ctx);
  const row = await deps.db.asTenant(ctx.tenantId, (tx) => findMail(tx, mailOutbox, { tenantId: ctx.tenantId, id }));
  if (!row) throw new AppError('NOT_FOUND');
  return { ...item(row), textBody: bodyAsShown(row), isSmtpConfigured: deps.isSmtpConfigured };
}

/** 【テストメールを送信】: a mail to the administrator's own address, to check the SMTP settings. */
export async function sendTestMail(deps: MailDeps, ctx: Actor): Promise<{ id: string }> {
  requireMailLog(ctx);
  if (ctx.kind !== 'user' || !ctx.email) {
    throw new AppError(
      'VALIDATION_FAILED',
      'ログイン中のアカウントにメールアドレスが登録されていないため、テストメールを送れません',
    );
  }
  const to = ctx.email;
  const data = { tenantName: ctx.tenantName, displayName: ctx.displayName };
  const id = await deps.db.asTenant(ctx.tenantId, async (tx) => {
    const [mailId] = await enqueueHrMails(tx, [{ tenantId: ctx.tenantId, to, template: smtpTestMail, data }]);
    await recordAudit(tx, ctx, {
      action: 'create',
      targetType: 'mail',
      targetId: mailId!,
      after: { template: 'smtp-test' },
    });
    return mailId!;
  });
  await deps.mail.wake();
  return { id };
}

/** 再送: only a 送信失敗 mail; anything else is a conflict (it is waiting or went out). */
export async function retryTenantMail(deps: MailDeps, ctx: Actor, id: string): Promise<TMailDetail> {
  requireMailLog(ctx);
  await deps.db.asTenant(ctx.tenantId, async (tx) => {
    const row = await findMail(tx, mailOutbox, { tenantId: ctx.tenantId, id });
    if (!row) throw new AppError('NOT_FOUND');
    if (!(await retryFailedMail(tx, mailOutbox, { tenantId: ctx.tenantId, id }))) {
      throw new AppError('CONFLICT', '送信失敗のメールだけ再送できます');
    }
    await recordAudit(tx, ctx, {
      action: 'update',
      targetType: 'mail',
      targetId: id,
      before: { mailStatus: row.status, attempts: row.attempts },
      after: { mailStatus: 'pending', attempts: 0 },
    });
  });
  await deps.mail.wake();
  return getTenantMail(deps, ctx, id);
}
