// 申込 (R-TRN-3): the rules. The applicant applies from the お申込みフォーム (before the 申込締切, once per
// session, only with someone to approve); the approver — the applicant's 承認者, else any 承認者 / 管理者
// of the organisation, never the applicant — approves or rejects with a reason. Every step that moves a
// seat locks the session's row first, so concurrent approvals on any engine confirm at most `capacity`;
// the rest wait in the queue (キャンセル待ち) and the first in line is promoted in the transaction that
// frees a seat. Each step writes its audit row and its mails in its own transaction.

import type { TCsvEncoding } from '@jinji/contracts/common/enums';
import type { TApplicationChanges, TApplicationChangesQuery } from '@jinji/contracts/link/applications';
import type { TTrainingPermission } from '@jinji/contracts/training/access';
import { isTrainingAllowed } from '@jinji/contracts/training/access';
import type {
  TApplication,
  TApplicationForm,
  TApplicationListQuery,
  TApplicationPage,
  TApplicationStatus,
  TApplyRequest,
  TApprovalListQuery,
  TAttendanceRequest,
  TAttendeeList,
  TAttendeeSessionPage,
  TCancelRequest,
  TChangeRequest,
  TPurchaseHistory,
  TRejectRequest,
  TSessionSummary,
  TUserPickList,
} from '@jinji/contracts/training/applications';
import {
  APPLICATION_STATUS_LABELS,
  ATTENDANCE_LABELS,
  ATTENDEE_CSV_COLUMNS,
} from '@jinji/contracts/training/applications';
import { isUniqueViolation } from '@jinji/db/errors';
import { cp932Unencodable } from '@jinji/ja/cp932';
import { formatDateTime, formatDateTimeWeekday } from '@jinji/ja/text';
import { type EnqueueMail, enqueueMails } from '@jinji/mail/outbox';
import type { MailTemplate } from '@jinji/mail/template';
import type { MailWorker } from '@jinji/mail/worker';
import { encodeCsv } from '@jinji/office-files/csv';
import { AppError } from '@jinji/server-kit/app-error';
import { requireTrainingPermission as requirePermission, type TrainingActor } from '../../access';
import type { TrainingDb, TrainingTx } from '../../db/database';
import { mailOutbox } from '../../db/schema/index';
import { recordAudit, recordAudits, type TrainingAuditEntry } from '../audit/audit.service';
import {
  type ApplicationMailData,
  applicationCancelledMail,
  applicationConfirmedMail,
  applicationPromotedMail,
  applicationRejectedMail,
  applicationSubmittedMail,
  applicationWaitlistedMail,
} from './application-mails';
import * as repo from './applications.repository';

export type ApplicationDeps = { db: TrainingDb; mail: MailWorker; publicUrl: string };

const notFound = () => new AppError('NOT_FOUND', '申込が見つかりません');
const sessionNotFound = () => new AppError('NOT_FOUND', '日程が見つかりません');
const refused = (message: string) => new AppError('CONFLICT', message);

const allowed = (actor: TrainingActor, permission: TTrainingPermission) =>
  isTrainingAllowed(actor.systemRole, permission);
/** the signed-in user: applying, deciding and cancelling are a person's acts */
function requireUser(actor: TrainingActor) {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN');
  return actor.userId;
}

const MESSAGES = {
  applyClosed: (deadline: Date) =>
    `申込締切（${formatDateTimeWeekday(deadline.toISOString())}）を過ぎているため、お申込みできません`,
  noApprover:
    '承認者が設定されておらず、組織に承認者もいないため、お申込みできません。管理者に承認者の設定を依頼してください',
  duplicate: 'この日程には既にお申込み済みです（申請中・申込確定・キャンセル待ち）',
  cancelClosed: (deadline: Date) =>
    `キャンセル締切（${formatDateTimeWeekday(deadline.toISOString())}）を過ぎているため、キャンセル・変更できません。管理者にお問い合わせください`,
  started: 'この日程は既に開催されたため、承認・却下できません',
  notPending: (status: TApplicationStatus) =>
    `この申込は既に「${APPLICATION_STATUS_LABELS[status]}」のため、承認・却下できません`,
  notCancellable: (status: TApplicationStatus) =>
    `この申込は既に「${APPLICATION_STATUS_LABELS[status]}」のため、キャンセル・変更できません`,
  otherCourse: '変更先には同じ講座の別の日程を選んでください',
  notEnded: 'この日程はまだ終了していないため、出欠を記録できません',
} as const;

// ---- the shapes the screens read -----------------------------------------------------------------------
export const sessionOf = (s: repo.SessionRow): TSessionSummary => ({
  ...s,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  applyDeadline: s.applyDeadline.toISOString(),
  cancelDeadline: s.cancelDeadline.toISOString(),
});

/** May the actor 承認決裁 / 却下 this application? Its approver, or any 承認者 when it has none; a 管理者 always; never its applicant. */
function mayDecide(actor: TrainingActor, a: { userId: string; approverId: string | null }): boolean {
  if (actor.kind !== 'user' || actor.userId === a.userId) return false;
  if (actor.systemRole === 'admin') return true;
  if (a.approverId) return a.approverId === actor.userId;
  return allowed(actor, 'applications.approve');
}
const mayCancel = (actor: TrainingActor, a: { userId: string }) =>
  (actor.kind === 'user' && actor.userId === a.userId) || allowed(actor, 'applications.manage');
const mayView = (actor: TrainingActor, a: { userId: string; approverId: string | null }) =>
  mayCancel(actor, a) || mayDecide(actor, a);

function applicationOf(actor: TrainingActor, row: repo.ListedApplication, now = new Date()): TApplication {
  const a = row.application;
  const isLive = a.status === 'pending' || a.status === 'confirmed' || a.status === 'waitlisted';
  return {
    id: a.id,
    status: a.status,
    attendance: a.attendance,
    session: sessionOf(row.session),
    applicant: row.applicant,
    approverName: row.approverName,
    decidedByName: row.decidedByName,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    rejectReason: a.rejectReason,
    cancelReason: a.cancelReason,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
    waitlistPosition: row.waitlistPosition,
    note: a.note,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    canDecide: a.status === 'pending' && row.session.startsAt > now && mayDecide(actor, a),
    canCancel: isLive && row.session.cancelDeadline > now && mayCancel(actor, a),
  };
}

const paging = (q: { page: number; pageSize: number }) => ({ offset: (q.page - 1) * q.pageSize, limit: q.pageSize });

// ---- mails ---------------------------------------------------------------------------------------------
type MailPlan = {
  template: MailTemplate<ApplicationMailData>;
  to: repo.PersonRow;
  path: string;
  reason?: string | null;
};

async function sendMails(
  deps: Pick<ApplicationDeps, 'publicUrl'>,
  tx: TrainingTx,
  actor: TrainingActor,
  application: { id: string; userId: string },
  session: repo.SessionRow,
  plans: MailPlan[],
) {
  const people = await repo.findPeople(tx, [application.userId]);
  const applicantName = people.get(application.userId)?.displayName ?? '';
  const seen = new Set<string>();
  const mails: EnqueueMail<ApplicationMailData>[] = [];
  for (const p of plans) {
    const key = `${p.template.name}:${p.to.id}`;
    if (!p.to.email || p.to.isDisabled || seen.has(key)) continue;
    seen.add(key);
    mails.push({
      tenantId: actor.tenantId,
      to: p.to.email,
      template: p.template,
      data: {
        recipientName: p.to.displayName,
        applicantName,
        courseTitle: session.courseTitle,
        sessionStartsAt: session.startsAt.toISOString(),
        place: session.venueKind === 'online' ? `オンライン（${session.place}）` : session.place,
        applicationId: application.id,
        url: `${deps.publicUrl}${p.path}`,
        reason: p.reason ?? null,
      },
    });
  }
  await enqueueMails(tx, mailOutbox, mails);
  return mails.length;
}
const applicantPath = (id: string) => `/applications?application=${id}`;
const APPROVALS_PATH = '/approvals';

/** Who decides an application without its own 承認者: the organisation's 承認者 and 管理者 (not the applicant). */
async function approversOf(tx: TrainingTx, a: { userId: string; approverId: string | null }) {
  if (a.approverId) {
    const p = (await repo.findPeople(tx, [a.approverId])).get(a.approverId);
    return p ? [p] : [];
  }
  return repo.findOrganisationApprovers(tx, a.userId);
}

// ---- お申込みフォーム and 申込申請 ---------------------------------------------------------------------------
/** The applicant's 承認者 when active; null: the organisation's approvers decide (refusal when there are none). */
async function resolveApprover(
  tx: TrainingTx,
  userId: string,
): Promise<{ approver: repo.PersonRow | null; refusal: string | null }> {
  const me = (await repo.findPeople(tx, [userId])).get(userId);
  if (!me) throw new AppError('UNAUTHENTICATED');
  const own = me.approverId ? (await repo.findPeople(tx, [me.approverId])).get(me.approverId) : undefined;
  if (own && !own.isDisabled && own.id !== userId) return { approver: own, refusal: null };
  const others = await repo.findOrganisationApprovers(tx, userId, 1);
  return { approver: null, refusal: others.length === 0 ? MESSAGES.noApprover : null };
}

export async function getApplicationForm(
  db: TrainingDb,
  actor: TrainingActor,
  sessionId: string,
): Promise<TApplicationForm> {
  requirePermission(actor, 'applications.apply');
  const userId = requireUser(actor);
  return db.asTenant(actor.tenantId, async (tx) => {
    const session = await repo.findSession(tx, sessionId);
    if (!session) throw sessionNotFound();
    const me = (await repo.findPeople(tx, [userId])).get(userId)!;
    const { approver, refusal } = await resolveApprover(tx, userId);
    const existing = await repo.findLiveApplication(tx, sessionId, userId);
    const why =
      session.applyDeadline <= new Date()
        ? MESSAGES.applyClosed(session.applyDeadline)
        : existing
          ? MESSAGES.duplicate
          : refusal;
    return {
      session: sessionOf(session),
      applicant: {
        displayName: me.displayName,
        departmentName: me.departmentName,
        email: me.email,
        approverName: approver?.displayName ?? null,
      },
      refusal: why,
      existingApplicationId: existing,
    };
  });
}

/** Inside a transaction that holds the session's lock: checks and writes one new 申請中 application. */
async function applyInTx(
  deps: ApplicationDeps,
  tx: TrainingTx,
  actor: TrainingActor,
  session: repo.SessionRow,
  input: { userId: string; note: string; changedFromId?: string },
) {
  if (session.applyDeadline <= new Date()) throw refused(MESSAGES.applyClosed(session.applyDeadline));
  const { approver, refusal } = await resolveApprover(tx, input.userId);
  if (refusal) throw refused(refusal);
  if (await repo.findLiveApplication(tx, session.id, input.userId)) throw refused(MESSAGES.duplicate);
  const created = await repo.insertApplication(tx, {
    organisationId: actor.tenantId,
    sessionId: session.id,
    userId: input.userId,
    approverId: approver?.id ?? null,
    note: input.note,
    changedFromId: input.changedFromId ?? null,
  });
  await recordAudit(tx, actor, {
    action: 'apply',
    targetType: 'application',
    targetId: created.id,
    after: { sessionId: session.id, userId: input.userId, approverId: created.approverId, status: 'pending' },
  });
  const approvers = await approversOf(tx, created);
  await sendMails(
    deps,
    tx,
    actor,
    created,
    session,
    approvers.map((to) => ({ template: applicationSubmittedMail, to, path: APPROVALS_PATH })),
  );
  return created;
}

/** The unique index is the last word on 「一度だけ」: two tabs applying at once meet it. */
async function refusingDuplicates<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw refused(MESSAGES.duplicate);
    throw e;
  }
}

export async function applyForSession(
  deps: ApplicationDeps,
  actor: TrainingActor,
  body: TApplyRequest,
): Promise<TApplication> {
  requirePermission(actor, 'applications.apply');
  const userId = requireUser(actor);
  const id = await refusingDuplicates(() =>
    deps.db.asTenant(actor.tenantId, async (tx) => {
      const session = (await repo.findSession(tx, body.sessionId)) ?? null;
      if (!session) throw sessionNotFound();
      return (await applyInTx(deps, tx, actor, session, { userId, note: body.note })).id;
    }),
  );
  await deps.mail.wake();
  return getApplication(deps.db, actor, id);
}

// ---- reading -------------------------------------------------------------------------------------------
export async function getApplication(db: TrainingDb, actor: TrainingActor, id: string): Promise<TApplication> {
  return db.asTenant(actor.tenantId, async (tx) => {
    const row = await repo.getListedApplication(tx, id);
    if (!row || !mayView(actor, row.application)) throw notFound();
    return applicationOf(actor, row);
  });
}

export async function listApplications(
  db: TrainingDb,
  actor: TrainingActor,
  query: TApplicationListQuery,
): Promise<TApplicationPage> {
  requirePermission(actor, 'applications.apply');
  if (query.scope === 'all') requirePermission(actor, 'applications.manage');
  const userId = query.scope === 'all' ? undefined : requireUser(actor);
  return db.asTenant(actor.tenantId, async (tx) => {
    const { total, items } = await repo.listApplications(
      tx,
      { userId, status: query.status, sessionId: query.sessionId, q: query.q },
      { ...paging(query), order: 'newest' },
    );
    return { total, page: query.page, pageSize: query.pageSize, items: items.map((r) => applicationOf(actor, r)) };
  });
}

/** 承認待ち: what the caller may decide, oldest first. */
export async function listApprovals(
  db: TrainingDb,
  actor: TrainingActor,
  query: TApprovalListQuery,
): Promise<TApplicationPage> {
  requirePermission(actor, 'applications.approve');
  const userId = requireUser(actor);
  return db.asTenant(actor.tenantId, async (tx) => {
    const pendingFor = { userId, isAdmin: actor.systemRole === 'admin', isApprover: true };
    const { total, items } = await repo.listApplications(tx, { pendingFor }, { ...paging(query), order: 'oldest' });
    return { total, page: query.page, pageSize: query.pageSize, items: items.map((r) => applicationOf(actor, r)) };
  });
}

// ---- 承認決裁 and 却下 ---------------------------------------------------------------------------------------
/** Loads the application, then locks its session and it (always in that order), and checks the decider. */
async function lockForDecision(tx: TrainingTx, actor: TrainingActor, id: string) {
  const first = await repo.findApplication(tx, id);
  if (!first) throw notFound();
  if (!mayDecide(actor, first)) {
    // its applicant or someone who could see it learns why; anyone else learns nothing
    throw mayView(actor, first) || allowed(actor, 'applications.approve')
      ? new AppError('FORBIDDEN', 'この申込を承認・却下する権限がありません')
      : notFound();
  }
  const sessions = await repo.lockSessions(tx, [first.sessionId]);
  const application = (await repo.findApplication(tx, id, { lock: true }))!;
  const session = sessions.get(first.sessionId)!;
  if (application.status !== 'pending') throw refused(MESSAGES.notPending(application.status));
  if (session.startsAt <= new Date()) throw refused(MESSAGES.started);
  return { application, session };
}

export async function approveApplication(
  deps: ApplicationDeps,
  actor: TrainingActor,
  id: string,
): Promise<TApplication> {
  requirePermission(actor, 'applications.approve');
  const deciderId = requireUser(actor);
  await deps.db.asTenant(actor.tenantId, async (tx) => {
    const { application, session } = await lockForDecision(tx, actor, id);
    const now = new Date();
    const hasSeat = session.seatsTaken < session.capacity;
    const status = hasSeat ? 'confirmed' : 'waitlisted';
    if (hasSeat) await repo.addSeats(tx, session.id, 1);
    await repo.updateApplication(tx, id, {
      status,
      decidedBy: deciderId,
      decidedAt: now,
      waitlistedAt: hasSeat ? null : now,
    });
    await recordAudit(tx, actor, {
      action: 'approve',
      targetType: 'application',
      targetId: id,
      before: { status: 'pending' },
      after: { status, sessionId: session.id, seatsTaken: session.seatsTaken + (hasSeat ? 1 : 0) },
    });
    const applicant = (await repo.findPeople(tx, [application.userId])).get(application.userId);
    if (applicant) {
      await sendMails(deps, tx, actor, application, session, [
        {
          template: hasSeat ? applicationConfirmedMail : applicationWaitlistedMail,
          to: applicant,
          path: applicantPath(id),
        },
      ]);
    }
  });
  await deps.mail.wake();
  return getApplication(deps.db, actor, id);
}

export async function rejectApplication(
  deps: ApplicationDeps,
  actor: TrainingActor,
  id: string,
  body: TRejectRequest,
): Promise<TApplication> {
  requirePermission(actor, 'applications.approve');
  const deciderId = requireUser(actor);
  await deps.db.asTenant(actor.tenantId, async (tx) => {
    const { application, session } = await lockForDecision(tx, actor, id);
    await repo.updateApplication(tx, id, {
      status: 'rejected',
      decidedBy: deciderId,
      decidedAt: new Date(),
      rejectReason: body.reason,
    });
    await recordAudit(tx, actor, {
      action: 'reject',
      targetType: 'application',
      targetId: id,
      before: { status: 'pending' },
      after: { status: 'rejected' },
    });
    const applicant = (await repo.findPeople(tx, [application.userId])).get(application.userId);
    if (applicant) {
      await sendMails(deps, tx, actor, application, session, [
        { template: applicationRejectedMail, to: applicant, path: applicantPath(id), reason: body.reason },
      ]);
    }
  });
  await deps.mail.wake();
  return getApplication(deps.db, actor, id);
}

// ---- キャンセル, 繰り上げ and 変更 --------------------------------------------------------------------------
/**
 * Cancels a live application inside a transaction that holds its session's lock; a confirmed one frees
 * its seat, which goes at once to the first of the queue. Returns the audit entries and mails it planned.
 */
async function cancelInTx(
  deps: ApplicationDeps,
  tx: TrainingTx,
  actor: TrainingActor,
  application: repo.ApplicationRow,
  session: repo.SessionRow,
  reason: string,
) {
  const isLive =
    application.status === 'pending' || application.status === 'confirmed' || application.status === 'waitlisted';
  if (!isLive) throw refused(MESSAGES.notCancellable(application.status));
  if (session.cancelDeadline <= new Date()) throw refused(MESSAGES.cancelClosed(session.cancelDeadline));
  const { userId } = actor.kind === 'user' ? actor : { userId: null };
  await repo.updateApplication(tx, application.id, {
    status: 'cancelled',
    cancelReason: reason,
    cancelledBy: userId,
    cancelledAt: new Date(),
    waitlistedAt: null,
  });
  const audits: TrainingAuditEntry[] = [
    {
      action: 'cancel',
      targetType: 'application',
      targetId: application.id,
      before: { status: application.status },
      after: { status: 'cancelled' },
    },
  ];
  const people = await repo.findPeople(tx, [application.userId, application.approverId, application.decidedBy]);
  const applicant = people.get(application.userId);
  const approver = people.get(application.approverId ?? '') ?? people.get(application.decidedBy ?? '');
  const cancelMails: MailPlan[] = [];
  if (applicant)
    cancelMails.push({
      template: applicationCancelledMail,
      to: applicant,
      path: applicantPath(application.id),
      reason,
    });
  if (approver && approver.id !== applicant?.id) {
    cancelMails.push({ template: applicationCancelledMail, to: approver, path: applicantPath(application.id), reason });
  }
  await sendMails(deps, tx, actor, application, session, cancelMails);

  if (application.status === 'confirmed') {
    // the freed seat goes straight to the first in line (seats_taken ends as it was) or stays free
    await repo.addSeats(tx, session.id, -1);
    audits.push(...(await promoteInTx(deps, tx, actor, session.id, { freedBy: application.id })));
  }
  return audits;
}

/** Sends the seat's 繰り上げ確定 mails of `next` (to its applicant and its approver). */
async function sendPromotedMails(
  deps: Pick<ApplicationDeps, 'publicUrl'>,
  tx: TrainingTx,
  actor: TrainingActor,
  next: repo.ApplicationRow,
  session: repo.SessionRow,
) {
  const people = await repo.findPeople(tx, [next.userId, next.approverId, next.decidedBy]);
  const applicant = people.get(next.userId);
  const approver = people.get(next.approverId ?? '') ?? people.get(next.decidedBy ?? '');
  const plans: MailPlan[] = [];
  if (applicant) plans.push({ template: applicationPromotedMail, to: applicant, path: applicantPath(next.id) });
  if (approver) plans.push({ template: applicationPromotedMail, to: approver, path: applicantPath(next.id) });
  await sendMails(deps, tx, actor, next, session, plans);
}

/**
 * Inside a transaction that holds the session's lock (or takes it here): fills the session's free seats
 * from its waiting list, first in line first, with each one's 繰り上げ確定 mails. Every step that frees a
 * seat calls it — a キャンセル of a confirmed application, a raised 定員 (the 公開講座 slice's session edit).
 * Returns the audit entries of the promotions (`cause` says what freed the seats).
 */
export async function promoteInTx(
  deps: Pick<ApplicationDeps, 'publicUrl'>,
  tx: TrainingTx,
  actor: TrainingActor,
  sessionId: string,
  cause: Record<string, unknown> = {},
): Promise<TrainingAuditEntry[]> {
  const session = (await repo.lockSessions(tx, [sessionId])).get(sessionId);
  if (!session) throw sessionNotFound();
  const audits: TrainingAuditEntry[] = [];
  for (let free = session.capacity - session.seatsTaken; free > 0; free--) {
    const next = await repo.findFirstWaitlisted(tx, sessionId);
    if (!next) break;
    await repo.updateApplication(tx, next.id, { status: 'confirmed', waitlistedAt: null });
    await repo.addSeats(tx, sessionId, 1);
    audits.push({
      action: 'promote',
      targetType: 'application',
      targetId: next.id,
      before: { status: 'waitlisted' },
      after: { status: 'confirmed', ...cause },
    });
    await sendPromotedMails(deps, tx, actor, next, session);
  }
  return audits;
}

/** Fills a session's free seats from its waiting list in a transaction of its own. Returns how many were promoted. */
export async function promoteFromWaitingList(deps: ApplicationDeps, actor: TrainingActor, sessionId: string) {
  requirePermission(actor, 'courses.manage');
  const promoted = await deps.db.asTenant(actor.tenantId, async (tx) => {
    const audits = await promoteInTx(deps, tx, actor, sessionId);
    await recordAudits(tx, actor, audits);
    return audits.length;
  });
  if (promoted > 0) await deps.mail.wake();
  return promoted;
}

async function lockForCancel(tx: TrainingTx, actor: TrainingActor, id: string, extraSessionId?: string) {
  const first = await repo.findApplication(tx, id);
  if (!first || !mayView(actor, first)) throw notFound();
  if (!mayCancel(actor, first)) throw new AppError('FORBIDDEN', 'この申込をキャンセルする権限がありません');
  const sessions = await repo.lockSessions(tx, extraSessionId ? [first.sessionId, extraSessionId] : [first.sessionId]);
  const application = (await repo.findApplication(tx, id, { lock: true }))!;
  return { application, session: sessions.get(first.sessionId)!, sessions };
}

export async function cancelApplication(
  deps: ApplicationDeps,
  actor: TrainingActor,
  id: string,
  body: TCancelRequest,
): Promise<TApplication> {
  requirePermission(actor, 'applications.apply');
  await deps.db.asTenant(actor.tenantId, async (tx) => {
    const { application, session } = await lockForCancel(tx, actor, id);
    await recordAudits(tx, actor, await cancelInTx(deps, tx, actor, application, session, body.reason));
  });
  await deps.mail.wake();
  return getApplication(deps.db, actor, id);
}

/** 変更: the old application is cancelled (its seat promoted) and a new 申請中 one made, in one transaction. */
export async function changeApplication(
  deps: ApplicationDeps,
  actor: TrainingActor,
  id: string,
  body: TChangeRequest,
): Promise<TApplication> {
  requirePermission(actor, 'applications.apply');
  const userId = requireUser(actor);
  const newId = await refusingDuplicates(() =>
    deps.db.asTenant(actor.tenantId, async (tx) => {
      const target = await repo.findSession(tx, body.sessionId);
      if (!target) throw sessionNotFound();
      const { application, session, sessions } = await lockForCancel(tx, actor, id, body.sessionId);
      if (application.userId !== userId) throw new AppError('FORBIDDEN', 'ご自身の申込のみ変更できます');
      const next = sessions.get(body.sessionId)!;
      if (next.courseId !== session.courseId || next.id === session.id) throw refused(MESSAGES.otherCourse);
      const audits = await cancelInTx(deps, tx, actor, application, session, `日程変更：${body.reason}`);
      const created = await applyInTx(deps, tx, actor, next, {
        userId,
        note: application.note,
        changedFromId: application.id,
      });
      await recordAudits(tx, actor, [
        ...audits,
        { action: 'change', targetType: 'application', targetId: created.id, after: { changedFromId: application.id } },
      ]);
      return created.id;
    }),
  );
  await deps.mail.wake();
  return getApplication(deps.db, actor, newId);
}

// ---- 研修・サービス購入履歴 -----------------------------------------------------------------------------------
export async function getPurchaseHistory(
  db: TrainingDb,
  actor: TrainingActor,
  query: { userId?: string; page: number; pageSize: number },
): Promise<TPurchaseHistory> {
  requirePermission(actor, 'applications.apply');
  const self = requireUser(actor);
  const canChooseUser = allowed(actor, 'applications.manage');
  const userId = query.userId ?? self;
  if (userId !== self && !canChooseUser) throw new AppError('FORBIDDEN');
  return db.asTenant(actor.tenantId, async (tx) => {
    const user = (await repo.findPeople(tx, [userId])).get(userId);
    if (!user) throw new AppError('NOT_FOUND', '利用者が見つかりません');
    const { total, items } = await repo.listApplications(tx, { userId }, { ...paging(query), order: 'newest' });
    return {
      user: { id: user.id, loginId: user.loginId, displayName: user.displayName, departmentName: user.departmentName },
      canChooseUser,
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: items.map((r) => applicationOf(actor, r)),
    };
  });
}

export async function pickApplicationUsers(db: TrainingDb, actor: TrainingActor, q: string): Promise<TUserPickList> {
  requirePermission(actor, 'applications.manage');
  return db.asTenant(actor.tenantId, async (tx) => ({ items: await repo.pickUsers(tx, q) }));
}

// ---- 受講者詳細 -----------------------------------------------------------------------------------------------
export async function listAttendeeSessions(
  db: TrainingDb,
  actor: TrainingActor,
  query: { q: string; page: number; pageSize: number },
): Promise<TAttendeeSessionPage> {
  requirePermission(actor, 'applications.manage');
  return db.asTenant(actor.tenantId, async (tx) => {
    const { total, items } = await repo.listSessionsWithCounts(tx, query.q, paging(query));
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: items.map((s) => ({ ...sessionOf(s), pendingCount: s.pendingCount, waitlistedCount: s.waitlistedCount })),
    };
  });
}

export async function listAttendees(db: TrainingDb, actor: TrainingActor, sessionId: string): Promise<TAttendeeList> {
  requirePermission(actor, 'applications.manage');
  return db.asTenant(actor.tenantId, async (tx) => {
    const session = await repo.findSession(tx, sessionId);
    if (!session) throw sessionNotFound();
    const rows = await repo.listSessionApplications(tx, sessionId);
    return {
      session: sessionOf(session),
      canRecordAttendance: session.endsAt <= new Date(),
      items: rows.map((r) => applicationOf(actor, r)),
    };
  });
}

/** 出席 / 欠席 / 修了 of many attendees at once: every entry a confirmed application of this session, or nothing. */
export async function recordAttendance(
  deps: ApplicationDeps,
  actor: TrainingActor,
  sessionId: string,
  body: TAttendanceRequest,
): Promise<{ updated: number }> {
  requirePermission(actor, 'applications.manage');
  return deps.db.asTenant(actor.tenantId, async (tx) => {
    const session = await repo.findSession(tx, sessionId);
    if (!session) throw sessionNotFound();
    if (session.endsAt > new Date()) throw refused(MESSAGES.notEnded);
    const ids = [...new Set(body.entries.map((e) => e.applicationId))];
    const found = new Map((await repo.findApplicationsOfSession(tx, sessionId, ids)).map((r) => [r.id, r]));
    const fields = body.entries.flatMap((e, i) => {
      const row = found.get(e.applicationId);
      if (!row) return [{ path: `entries.${i}.applicationId`, message: 'この日程の申込ではありません' }];
      if (row.status !== 'confirmed') {
        return [
          {
            path: `entries.${i}.attendance`,
            message: `「${APPLICATION_STATUS_LABELS[row.status]}」の申込には出欠を記録できません`,
          },
        ];
      }
      return [];
    });
    if (fields.length > 0) throw new AppError('VALIDATION_FAILED', '出欠を記録できない申込が含まれています', fields);
    const changed = body.entries.filter((e) => found.get(e.applicationId)!.attendance !== e.attendance);
    const updated = await repo.setAttendance(tx, sessionId, changed);
    await recordAudits(
      tx,
      actor,
      changed.map((e) => ({
        action: 'record_attendance',
        targetType: 'application',
        targetId: e.applicationId,
        before: { attendance: found.get(e.applicationId)!.attendance },
        after: { attendance: e.attendance },
      })),
    );
    return { updated };
  });
}

export async function exportAttendeesCsv(
  db: TrainingDb,
  actor: TrainingActor,
  sessionId: string,
  encoding: TCsvEncoding,
): Promise<{ file: Buffer; name: string }> {
  const list = await listAttendees(db, actor, sessionId);
  const s = list.session;
  const place = s.venueKind === 'online' ? `オンライン（${s.place}）` : [s.city, s.place].filter(Boolean).join(' ');
  const rows = list.items.map((a) => [
    a.id,
    a.applicant.loginId,
    a.applicant.displayName,
    a.applicant.departmentName,
    s.courseCode,
    s.courseTitle,
    formatDateTimeWeekday(s.startsAt),
    formatDateTimeWeekday(s.endsAt),
    place,
    s.fee,
    APPLICATION_STATUS_LABELS[a.status],
    a.waitlistPosition,
    a.attendance ? ATTENDANCE_LABELS[a.attendance] : '',
    formatDateTime(a.createdAt),
    a.decidedAt ? formatDateTime(a.decidedAt) : '',
    a.rejectReason,
    a.cancelReason,
    a.note,
  ]);
  await db.asTenant(actor.tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'export',
      targetType: 'course_session',
      targetId: sessionId,
      after: { kind: 'attendees_csv', rows: rows.length, encoding },
    }),
  );
  if (encoding === 'cp932') {
    const lost = cp932Unencodable(rows.flat().join('\n'));
    if (lost)
      throw new AppError(
        'CP932_UNENCODABLE',
        `Shift_JISで保存できない文字（${lost}）があります。UTF-8で出力してください`,
      );
  }
  return { file: encodeCsv([[...ATTENDEE_CSV_COLUMNS], ...rows], encoding), name: `受講者詳細_${s.courseCode}` };
}

// ---- HR's read API -------------------------------------------------------------------------------------
const encodeCursor = (c: { updatedAt: string; id: string }) =>
  Buffer.from(JSON.stringify([c.updatedAt, c.id])).toString('base64url');
const CURSOR_STAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function decodeCursor(text: string): { updatedAt: string; id: string } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof updatedAt === 'string' && CURSOR_STAMP.test(updatedAt) && typeof id === 'string' && UUID.test(id)) {
      return { updatedAt, id };
    }
  } catch {
    // falls through to the refusal
  }
  throw new AppError('VALIDATION_FAILED', 'カーソルの形式が正しくありません', [
    { path: 'since', message: 'カーソルの形式が正しくありません' },
  ]);
}

export async function listApplicationChanges(
  db: TrainingDb,
  actor: TrainingActor,
  query: TApplicationChangesQuery,
): Promise<TApplicationChanges> {
  // HR reads with the organisation's token (the link API); anyone else needs the 管理者's permission
  if (actor.kind !== 'service') requirePermission(actor, 'applications.manage');
  const after = query.since ? decodeCursor(query.since) : null;
  return db.asTenant(actor.tenantId, async (tx) => {
    const rows = await repo.listChangesSince(tx, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(({ cursorStamp: _, ...r }) => ({
        ...r,
        sessionStartsAt: r.sessionStartsAt.toISOString(),
        sessionEndsAt: r.sessionEndsAt.toISOString(),
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
      nextCursor: last
        ? encodeCursor({ updatedAt: last.cursorStamp, id: last.id })
        : (query.since ??
          encodeCursor({ updatedAt: '1970-01-01T00:00:00.000000Z', id: '00000000-0000-0000-0000-000000000000' })),
      hasMore: rows.length > query.limit,
    };
  });
}
