// 申込 (R-TRN-3): one row per application of a 利用者 to a 公開講座's session, its approval, the waiting
// list and the attendance recorded after the session. One live application (申請中 / 申込確定 /
// キャンセル待ち) per user and session; 却下 and キャンセル rows stay as history. `approver_id` is the
// 承認者 who may decide (the applicant's approver when they applied), null: any 承認者 / 管理者.
import { APPLICATION_STATUSES, ATTENDANCE_STATUSES } from '@jinji/contracts/training/applications';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { courseSessions } from './courses';
import { organisationId, stamp, training } from './organisations';
import { users } from './users';

export const applications = training.table(
  'applications',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    sessionId: uuid('session_id').notNull(),
    userId: uuid('user_id').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('pending'),
    approverId: uuid('approver_id'),
    decidedBy: uuid('decided_by'),
    decidedAt: stamp('decided_at'),
    rejectReason: text('reject_reason'),
    cancelReason: text('cancel_reason'),
    cancelledBy: uuid('cancelled_by'),
    cancelledAt: stamp('cancelled_at'),
    /** the place in the キャンセル待ち queue: first in, first promoted */
    waitlistedAt: stamp('waitlisted_at'),
    attendance: text('attendance', { enum: ATTENDANCE_STATUSES }),
    /** the applicant's 備考 */
    note: text('note').notNull().default(''),
    /** the application this one replaced by a 変更 (the old one is キャンセル) */
    changedFromId: uuid('changed_from_id'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'applications_session_fk',
      columns: [t.organisationId, t.sessionId],
      foreignColumns: [courseSessions.organisationId, courseSessions.id],
    }),
    foreignKey({
      name: 'applications_user_fk',
      columns: [t.organisationId, t.userId],
      foreignColumns: [users.organisationId, users.id],
    }),
    foreignKey({
      name: 'applications_approver_fk',
      columns: [t.organisationId, t.approverId],
      foreignColumns: [users.organisationId, users.id],
    }),
    foreignKey({
      name: 'applications_decided_by_fk',
      columns: [t.organisationId, t.decidedBy],
      foreignColumns: [users.organisationId, users.id],
    }),
    foreignKey({
      name: 'applications_cancelled_by_fk',
      columns: [t.organisationId, t.cancelledBy],
      foreignColumns: [users.organisationId, users.id],
    }),
    /** one live application per user and session (a rejected or cancelled one may be followed by a new one) */
    uniqueIndex('applications_live_uq')
      .on(t.organisationId, t.sessionId, t.userId)
      .where(sql`status in ('pending', 'confirmed', 'waitlisted')`),
    /** 承認待ち of one approver (and of the organisation's, approver_id null) */
    index('applications_pending_idx').on(t.organisationId, t.approverId, t.createdAt).where(sql`status = 'pending'`),
    /** 受講者詳細 and the waiting list of a session */
    index('applications_session_idx').on(t.organisationId, t.sessionId, t.status, t.waitlistedAt),
    /** 申込一覧 / 研修・サービス購入履歴 of one user */
    index('applications_user_idx').on(t.organisationId, t.userId, t.createdAt),
    /** the HR read API's cursor (updated_at, id) */
    index('applications_changes_idx').on(t.organisationId, t.updatedAt, t.id),
    /** 申込一覧 of everyone, newest first */
    index('applications_created_idx').on(t.organisationId, t.createdAt),
    check('applications_reject_reason_ck', sql`${t.status} <> 'rejected' or ${t.rejectReason} is not null`),
    check('applications_cancel_reason_ck', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
    check('applications_waitlist_ck', sql`${t.status} <> 'waitlisted' or ${t.waitlistedAt} is not null`),
    check('applications_attendance_ck', sql`${t.attendance} is null or ${t.status} = 'confirmed'`),
  ],
);
