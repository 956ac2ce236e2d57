// アカウント通知 (R-AUTH-3) and スタートアップのリマインド (R-SELF-1) from 従業員一覧: a mail to each selected
// employee — picked ones, or every match of the search (resolved again here, not the page the browser
// showed). The links, the mails, アカウント通知日 and the audit rows are written in one transaction;
// the worker is woken after it. Who could not be sent to is answered (count and 社員番号).
import { isAllowed } from '@jinji/contracts/hr/access';
import type { TEmployeeMailRequest, TEmployeeMailResponse } from '@jinji/contracts/hr/account-notice';
import type { MailWorker } from '@jinji/mail/worker';
import { AppError } from '@jinji/server-kit/app-error';
import type { Config } from '../../config';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { recordAudits } from '../audit/audit.service';
import { issuePasswordLinksIn, linkMailData, loginUrlOf } from '../auth/password-links.service';
import { enqueueHrMails } from '../mail/mail.service';
import { accountNoticeMail, startupReminderMail } from '../mail/mail-templates';
import { getCurrentTenant } from '../tenants/tenants.service';
import { type MailTargetRow, setAccountNotifiedAt } from './employees.repository';
import { findSelectedEmployeesIn } from './employees.service';

export type EmployeeMailDeps = { db: Database; config: Config; mail: MailWorker };

/** One request writes at most this many mails (one transaction); more: narrow the search. */
export const MAX_MAILS_PER_REQUEST = 10_000;

const labelOf = (e: MailTargetRow) => e.employeeNumber ?? `${e.lastName} ${e.firstName}`;
const skipped = (rows: MailTargetRow[]) => ({ count: rows.length, employeeNumbers: rows.map(labelOf) });

const findTargets = (tx: Tx, request: TEmployeeMailRequest): Promise<MailTargetRow[]> =>
  findSelectedEmployeesIn(
    tx,
    request.selection,
    MAX_MAILS_PER_REQUEST,
    `一度に送信できるのは${MAX_MAILS_PER_REQUEST.toLocaleString('ja-JP')}人までです。検索条件で絞り込んでください`,
  );

type Sendable = MailTargetRow & { userId: string; loginId: string; email: string; displayName: string };
const hasAccount = (e: MailTargetRow) => e.userId !== null;
const isSendable = (e: MailTargetRow): e is Sendable => hasAccount(e) && !!e.email;

type Tenant = { code: string; name: string };

/**
 * The steps both mails share: the permission, the selection resolved in one tenant transaction with
 * the tenant's names, the kind's own writes, and the worker woken after the commit.
 */
async function mailSelection(
  deps: EmployeeMailDeps,
  ctx: Actor,
  request: TEmployeeMailRequest,
  write: (tx: Tx, rows: MailTargetRow[], tenant: Tenant) => Promise<TEmployeeMailResponse>,
): Promise<TEmployeeMailResponse> {
  if (!isAllowed(ctx.roles, 'employees.edit')) throw new AppError('FORBIDDEN');
  const result = await deps.db.asTenant(ctx.tenantId, async (tx) => {
    const rows = await findTargets(tx, request);
    const tenant = await getCurrentTenant(tx);
    if (!tenant) throw new AppError('NOT_FOUND');
    return write(tx, rows, tenant);
  });
  if (result.sentCount > 0) await deps.mail.wake();
  return result;
}

/** Who of `rows` gets the mail, and the report of the others. */
function splitTargets(rows: MailTargetRow[], pending: MailTargetRow[] = rows) {
  return {
    targets: pending.filter(isSendable),
    report: {
      noAccount: skipped(pending.filter((e) => !hasAccount(e))),
      noEmail: skipped(pending.filter((e) => hasAccount(e) && !e.email)),
      notPending: skipped(rows.filter((e) => !pending.includes(e))),
    },
  };
}

/**
 * アカウント通知: each employee with a login account and a mail address gets the login URL, 企業コード,
 * ログインID and a one-time link (72 h) to set their own password; アカウント通知日 is stamped.
 */
export const sendAccountNotices = (deps: EmployeeMailDeps, ctx: Actor, request: TEmployeeMailRequest) =>
  mailSelection(deps, ctx, request, async (tx, rows, tenant) => {
    const { targets, report } = splitTargets(rows);
    const now = new Date();
    const links = await issuePasswordLinksIn(
      tx,
      deps.config,
      ctx.tenantId,
      'notice',
      targets.map((e) => e.userId),
      now,
    );
    const mailIds = await enqueueHrMails(
      tx,
      targets.map((e) => ({
        tenantId: ctx.tenantId,
        to: e.email,
        template: accountNoticeMail,
        data: linkMailData(deps.config, tenant, e, links.get(e.userId)!),
      })),
    );
    await setAccountNotifiedAt(
      tx,
      targets.map((e) => e.id),
      now,
    );
    await recordAudits(
      tx,
      ctx,
      targets.map((e, i) => ({
        action: 'update' as const,
        targetType: 'employee',
        targetId: e.id,
        before: { accountNotifiedAt: e.accountNotifiedAt?.toISOString() ?? null },
        after: { accountNotifiedAt: now.toISOString(), loginId: e.loginId, mailId: mailIds[i] },
      })),
      now,
    );
    return { sentCount: targets.length, ...report };
  });

/** スタートアップのリマインド: only employees still to finish 従業員スタートアップ get it. */
export const sendStartupReminders = (deps: EmployeeMailDeps, ctx: Actor, request: TEmployeeMailRequest) =>
  mailSelection(deps, ctx, request, async (tx, rows, tenant) => {
    const { targets, report } = splitTargets(
      rows,
      rows.filter((e) => e.isStartupTarget),
    );
    const mailIds = await enqueueHrMails(
      tx,
      targets.map((e) => ({
        tenantId: ctx.tenantId,
        to: e.email,
        template: startupReminderMail,
        data: {
          tenantName: tenant.name,
          tenantCode: tenant.code,
          displayName: e.displayName,
          loginId: e.loginId,
          loginUrl: loginUrlOf(deps.config, tenant.code),
        },
      })),
    );
    await recordAudits(
      tx,
      ctx,
      targets.map((e, i) => ({
        action: 'create' as const,
        targetType: 'mail',
        targetId: mailIds[i]!,
        after: { template: startupReminderMail.name, employeeId: e.id, loginId: e.loginId },
      })),
    );
    return { sentCount: targets.length, ...report };
  });
