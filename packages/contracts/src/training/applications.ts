// 申込 (R-TRN-3): お申込みフォーム → 申込申請 → 承認決裁 / 却下, キャンセル待ち and 繰り上げ, キャンセル and
// 変更, and 出席 / 欠席 / 修了 after the session. The request and response schemas of every route of the
// applications slice; the labels are the screens' words.
import { z } from 'zod';
import { ZCsvEncoding, zPageOf, zString } from '../common/common';
import { ZSystemRole } from './access';

/** 申請中 / 申込確定 / 却下 / キャンセル待ち / キャンセル */
export const APPLICATION_STATUSES = ['pending', 'confirmed', 'rejected', 'waitlisted', 'cancelled'] as const;
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES, { error: '申込状況の指定が正しくありません' });
export type TApplicationStatus = z.infer<typeof ZApplicationStatus>;
/** the statuses that hold (or wait for) a place: one of them per user and session */
export const LIVE_APPLICATION_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const satisfies TApplicationStatus[];

export const APPLICATION_STATUS_LABELS: Record<TApplicationStatus, string> = {
  pending: '申請中',
  confirmed: '申込確定',
  rejected: '却下',
  waitlisted: 'キャンセル待ち',
  cancelled: 'キャンセル',
};

/** 出席 / 欠席 / 修了 */
export const ATTENDANCE_STATUSES = ['attended', 'absent', 'completed'] as const;
export const ZAttendance = z.enum(ATTENDANCE_STATUSES, { error: '出欠の指定が正しくありません' });
export type TAttendance = z.infer<typeof ZAttendance>;
export const ATTENDANCE_LABELS: Record<TAttendance, string> = { attended: '出席', absent: '欠席', completed: '修了' };

export const REASON_MAX = 500;
const uuid = (label: string) => z.uuid({ error: `${label}の形式が正しくありません` });
const reason = (label: string) =>
  zString(label, { error: `${label}を入力してください` })
    .trim()
    .min(1, `${label}を入力してください`)
    .max(REASON_MAX, `${label}は${REASON_MAX}文字以内で入力してください`);
const page = {
  page: z.coerce.number({ error: 'ページの指定が正しくありません' }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number({ error: '件数の指定が正しくありません' }).int().min(1).max(100).default(20),
};

export const ZApplicationParams = z.object({ id: uuid('申込ID') });
export const ZSessionParams = z.object({ sessionId: uuid('日程ID') });

/** A session as the screens show it: the course, when and where, the fee and the seats. */
export const ZSessionSummary = z.object({
  id: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  fee: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueKind: z.enum(['venue', 'online']),
  city: z.string().nullable(),
  place: z.string(),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  applyDeadline: z.string(),
  cancelDeadline: z.string(),
});
export type TSessionSummary = z.infer<typeof ZSessionSummary>;

// ---- お申込みフォーム ----------------------------------------------------------------------------------
/** GET /api/v1/applications/form?sessionId= */
export const ZApplicationFormQuery = z.object({ sessionId: uuid('日程') });
export const ZApplicationForm = z.object({
  session: ZSessionSummary,
  /** the applicant's own details to confirm (利用者情報) */
  applicant: z.object({
    displayName: z.string(),
    departmentName: z.string().nullable(),
    email: z.string().nullable(),
    /** 承認者: the applicant's own, or null when any 承認者 of the organisation decides */
    approverName: z.string().nullable(),
  }),
  /** null: 申込申請 is possible; else why not (締切, 承認者なし, 申込済み), in Japanese */
  refusal: z.string().nullable(),
  /** the caller's live application to this session, when there is one */
  existingApplicationId: z.string().nullable(),
});
export type TApplicationForm = z.infer<typeof ZApplicationForm>;

/** POST /api/v1/applications (申込申請) */
export const ZApplyRequest = z.object({
  sessionId: uuid('日程'),
  note: zString('備考').trim().max(REASON_MAX, `備考は${REASON_MAX}文字以内で入力してください`).default(''),
});
export type TApplyRequest = z.infer<typeof ZApplyRequest>;

/** POST /api/v1/applications/:id/reject (却下) and …/cancel (キャンセル) */
export const ZRejectRequest = z.object({ reason: reason('却下理由') });
export type TRejectRequest = z.infer<typeof ZRejectRequest>;
export const ZCancelRequest = z.object({ reason: reason('キャンセル理由') });
export type TCancelRequest = z.infer<typeof ZCancelRequest>;
/** POST /api/v1/applications/:id/change (変更): to another session of the same course */
export const ZChangeRequest = z.object({ sessionId: uuid('変更先の日程'), reason: reason('変更理由') });
export type TChangeRequest = z.infer<typeof ZChangeRequest>;

export const ZApplication = z.object({
  id: z.string(),
  status: ZApplicationStatus,
  attendance: ZAttendance.nullable(),
  session: ZSessionSummary,
  applicant: z.object({
    id: z.string(),
    loginId: z.string(),
    displayName: z.string(),
    departmentName: z.string().nullable(),
  }),
  approverName: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /** 1 = the next to be promoted; null unless キャンセル待ち */
  waitlistPosition: z.number().int().nullable(),
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** what the caller may do now */
  canDecide: z.boolean(),
  canCancel: z.boolean(),
});
export type TApplication = z.infer<typeof ZApplication>;
export const ZApplicationPage = zPageOf(ZApplication);
export type TApplicationPage = z.infer<typeof ZApplicationPage>;

/** GET /api/v1/applications (申込一覧): own ones; scope=all for 管理者 */
export const ZApplicationListQuery = z.object({
  scope: z.enum(['mine', 'all'], { error: '表示範囲の指定が正しくありません' }).default('mine'),
  status: ZApplicationStatus.optional(),
  sessionId: uuid('日程').optional(),
  /** 申込者: 氏名・ログインID, or 講座名 */
  q: zString('キーワード').trim().max(100, 'キーワードは100文字以内で入力してください').default(''),
  ...page,
});
export type TApplicationListQuery = z.infer<typeof ZApplicationListQuery>;

/** GET /api/v1/approvals (承認待ち) */
export const ZApprovalListQuery = z.object({ ...page });
export type TApprovalListQuery = z.infer<typeof ZApprovalListQuery>;

// ---- 研修・サービス購入履歴 -----------------------------------------------------------------------------
/** GET /api/v1/purchase-history?userId= (another user's: 管理者) */
export const ZPurchaseHistoryQuery = z.object({ userId: uuid('利用者').optional(), ...page });
export const ZPurchaseHistory = ZApplicationPage.extend({
  user: z.object({
    id: z.string(),
    loginId: z.string(),
    displayName: z.string(),
    departmentName: z.string().nullable(),
  }),
  /** the caller may choose another user (管理者) */
  canChooseUser: z.boolean(),
});
export type TPurchaseHistory = z.infer<typeof ZPurchaseHistory>;

/** GET /api/v1/application-users?q= : the 管理者's user picker of 研修・サービス購入履歴 */
export const ZUserPickQuery = z.object({
  q: zString('利用者').trim().max(100, '利用者は100文字以内で入力してください').default(''),
});
export const ZUserPickList = z.object({
  items: z.array(z.object({ id: z.string(), loginId: z.string(), displayName: z.string(), systemRole: ZSystemRole })),
});
export type TUserPickList = z.infer<typeof ZUserPickList>;

// ---- 受講者詳細 ----------------------------------------------------------------------------------------
/** GET /api/v1/attendee-sessions : the sessions to choose from, newest first, with their counts */
export const ZAttendeeSessionQuery = z.object({
  q: zString('講座名').trim().max(100, '講座名は100文字以内で入力してください').default(''),
  ...page,
});
export const ZAttendeeSession = ZSessionSummary.extend({
  pendingCount: z.number().int(),
  waitlistedCount: z.number().int(),
});
export const ZAttendeeSessionPage = zPageOf(ZAttendeeSession);
export type TAttendeeSessionPage = z.infer<typeof ZAttendeeSessionPage>;

/** GET /api/v1/course-sessions/:sessionId/attendees : every application of the session, waiting list in order */
export const ZAttendeeList = z.object({
  session: ZSessionSummary,
  /** true once the session has ended: 出席 / 欠席 / 修了 can be recorded */
  canRecordAttendance: z.boolean(),
  items: z.array(ZApplication),
});
export type TAttendeeList = z.infer<typeof ZAttendeeList>;

/** PUT /api/v1/course-sessions/:sessionId/attendance : bulk, all or nothing */
export const ZAttendanceRequest = z.object({
  entries: z
    .array(z.object({ applicationId: uuid('申込ID'), attendance: ZAttendance.nullable() }), {
      error: '出欠の一覧を送信してください',
    })
    .min(1, '出欠を1件以上指定してください')
    .max(1000, '出欠は一度に1,000件までです'),
});
export type TAttendanceRequest = z.infer<typeof ZAttendanceRequest>;
export const ZAttendanceResult = z.object({ updated: z.number().int() });

/** GET /api/v1/course-sessions/:sessionId/attendees.csv?encoding=utf8|cp932 */
export const ZAttendeeCsvQuery = z.object({ encoding: ZCsvEncoding.default('utf8') });
/** the columns of the 受講者詳細 CSV, in order */
export const ATTENDEE_CSV_COLUMNS = [
  '申込ID',
  'ログインID',
  '氏名',
  '部署名',
  '講座コード',
  '講座名',
  '開始日時',
  '終了日時',
  '会場',
  '受講料',
  '申込状況',
  'キャンセル待ち順',
  '出欠',
  '申込日時',
  '決裁日時',
  '却下理由',
  'キャンセル理由',
  '備考',
] as const;
