// 応対記録 (R-REC-1): records about employees, the open tasks among them (a 対応期限, not completed) and the
// 面談 history. Requests and responses of /api/v1/records and /api/v1/employees/:id/records.
import { todayInJapan } from '@jinji/ja/text';
import { z } from 'zod';
import { isRealDate, ZCsvEncoding, zPageOf, zString } from '../common/common';

/** 大区分 codes whose records are 要配慮個人情報 (プライベート情報, 健康状態): only roles with employees.sensitive. */
export const SENSITIVE_RECORD_CATEGORY_CODES: readonly string[] = ['02', '04'];
/** 大区分 面談: its records are the interview history. */
export const INTERVIEW_CATEGORY_CODE = '09';
export const RECORD_TITLE_MAX = 200;
export const RECORD_BODY_MAX = 10_000;
/** at most this many 対象者 and 報告者 each */
export const RECORD_PEOPLE_MAX = 50;

export const RECORD_STATUSES = ['open', 'done'] as const;
export type TRecordStatus = (typeof RECORD_STATUSES)[number];
export const RECORD_STATUS_LABELS: Record<TRecordStatus, string> = { open: '未完了', done: '完了' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (label: string) =>
  zString(label, { error: `${label}を入力してください` })
    .regex(ISO_DATE, { error: `${label}は yyyy-mm-dd の形式で入力してください` })
    .refine(isRealDate, { error: `${label}が正しい日付ではありません` });
/** An empty box of a filter form sends `?x=`: the same as no filter. */
const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);
const people = (label: string, min: number) =>
  z
    .array(z.uuid({ error: `${label}の指定が正しくありません` }), { error: `${label}を選択してください` })
    .min(min, { error: `${label}を1人以上選択してください` })
    .max(RECORD_PEOPLE_MAX, { error: `${label}は${RECORD_PEOPLE_MAX}人までです` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `${label}に同じ人が重複しています` });

export const ZRecordInput = z
  .object({
    targetIds: people('対象者', 1),
    reporterIds: people('報告者/情報源', 0).default([]),
    categoryId: z.uuid({ error: 'カテゴリ（大区分）を選択してください' }),
    subcategoryId: z.uuid({ error: 'カテゴリ（小区分）の指定が正しくありません' }).nullable().default(null),
    title: zString('タイトル', { error: 'タイトルを入力してください' })
      .trim()
      .min(1, { error: 'タイトルを入力してください' })
      .max(RECORD_TITLE_MAX, { error: `タイトルは${RECORD_TITLE_MAX}文字以内で入力してください` }),
    body: zString('内容', { error: '内容は文字で入力してください' })
      .max(RECORD_BODY_MAX, { error: `内容は${RECORD_BODY_MAX.toLocaleString('ja-JP')}文字以内で入力してください` })
      .default(''),
    recordedOn: date('記録日').default(() => todayInJapan()),
    dueOn: date('対応期限').nullable().default(null),
    /** 「このタスクを完了にする」: checked = a record only (or a task done) */
    isCompleted: z.boolean({ error: '「このタスクを完了にする」の指定が正しくありません' }).default(true),
    /** 担当者: an account holding records.manage */
    assigneeUserId: z.uuid({ error: '担当者の指定が正しくありません' }).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.dueOn && v.recordedOn && v.dueOn < v.recordedOn)
      ctx.addIssue({ code: 'custom', path: ['dueOn'], message: '対応期限は記録日以降の日付を入力してください' });
  });
export type TRecordInput = z.input<typeof ZRecordInput>;
export type TRecordValues = z.output<typeof ZRecordInput>;

export const ZRecordParams = z.object({ recordId: z.uuid({ error: '応対記録の指定が正しくありません' }) });
export const ZEmployeeRecordsParams = z.object({ id: z.uuid({ error: '従業員の指定が正しくありません' }) });

const ZRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const ZRecordPerson = z.object({
  employeeId: z.string(),
  employeeNumber: z.string().nullable(),
  /** ビジネスネーム, else 本名 */
  name: z.string(),
});
export type TRecordPerson = z.infer<typeof ZRecordPerson>;
const ZUserRef = z.object({ userId: z.string(), displayName: z.string() });

export const ZRecord = z.object({
  id: z.string(),
  category: ZRef,
  subcategory: ZRef.nullable(),
  title: z.string(),
  body: z.string(),
  recordedOn: z.string(),
  dueOn: z.string().nullable(),
  status: z.enum(RECORD_STATUSES),
  completedAt: z.string().nullable(),
  completedBy: ZUserRef.nullable(),
  assignee: ZUserRef.nullable(),
  targets: z.array(ZRecordPerson),
  reporters: z.array(ZRecordPerson),
  isSensitive: z.boolean(),
  /** open, with a 対応期限 before today (Japan) */
  isOverdue: z.boolean(),
  createdBy: ZUserRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TRecord = z.infer<typeof ZRecord>;

const ZRecordFilterFields = z.object({
  categoryId: z.preprocess(blankAsMissing, z.uuid({ error: 'カテゴリの指定が正しくありません' }).optional()),
  from: z.preprocess(blankAsMissing, date('記録日（開始）').optional()),
  to: z.preprocess(blankAsMissing, date('記録日（終了）').optional()),
  status: z.preprocess(
    blankAsMissing,
    z.enum(RECORD_STATUSES, { error: '状態は「完了」か「未完了」を選択してください' }).optional(),
  ),
  employeeId: z.preprocess(blankAsMissing, z.uuid({ error: '対象者の指定が正しくありません' }).optional()),
  q: z.preprocess(blankAsMissing, zString('キーワード').trim().max(100).optional()),
});
const orderedRange = (v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to)
    ctx.addIssue({ code: 'custom', path: ['to'], message: '記録日の終了日は開始日以降の日付を入力してください' });
};
export const ZRecordFilter = ZRecordFilterFields.superRefine(orderedRange);
export type TRecordFilter = z.infer<typeof ZRecordFilter>;
export const ZRecordListQuery = ZRecordFilterFields.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
}).superRefine(orderedRange);
export type TRecordListQuery = z.infer<typeof ZRecordListQuery>;
export const ZRecordExportQuery = ZRecordFilterFields.extend({ encoding: ZCsvEncoding.default('utf8') }).superRefine(
  orderedRange,
);
export const ZRecordPage = zPageOf(ZRecord);
export type TRecordPage = z.infer<typeof ZRecordPage>;

/** 期限付きタスク: open tasks with a 対応期限, overdue first, then by 対応期限. */
export const TASK_DUE_FILTERS = ['all', 'overdue', 'week'] as const;
export const ZTaskListQuery = z.object({
  due: z.enum(TASK_DUE_FILTERS, { error: '期限の絞り込みの指定が正しくありません' }).default('all'),
  /** 「自分の担当のみ」 */
  isMine: z
    .enum(['true', 'false'], { error: '「自分の担当のみ」の指定が正しくありません' })
    .default('false')
    .transform((v) => v === 'true'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;
export const ZTaskPage = zPageOf(ZRecord.extend({ isDueThisWeek: z.boolean() })).extend({
  /** open tasks of the same scope (全員 / 自分の担当) past their 対応期限, and due from today to Sunday */
  overdueCount: z.number().int(),
  thisWeekCount: z.number().int(),
  today: z.string(),
});
export type TTaskPage = z.infer<typeof ZTaskPage>;

/** 面談履歴: 面談日 = 記録日, 面談者 = the 報告者 when given, else the recording user. */
export const ZInterview = z.object({
  recordId: z.string(),
  interviewedOn: z.string(),
  interviewer: z.string(),
  title: z.string(),
  body: z.string(),
});
export type TInterview = z.infer<typeof ZInterview>;
export const ZEmployeeRecordsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZEmployeeRecords = ZRecordPage.extend({
  interviews: z.array(ZInterview),
  interviewTotal: z.number().int(),
});
export type TEmployeeRecords = z.infer<typeof ZEmployeeRecords>;

export const ZRecordFormOptions = z.object({
  categories: z.array(
    ZRef.extend({
      isValid: z.boolean(),
      isSensitive: z.boolean(),
      subcategories: z.array(ZRef.extend({ isValid: z.boolean() })),
    }),
  ),
  /** accounts holding records.manage */
  assignees: z.array(ZUserRef),
});
export type TRecordFormOptions = z.infer<typeof ZRecordFormOptions>;

export const RECORD_EXPORT_HEADER = [
  '記録日',
  '大区分',
  '小区分',
  'タイトル',
  '内容',
  '対象者',
  '報告者/情報源',
  '対応期限',
  '状態',
  '担当者',
  '記録者',
];
