// 届出 (R-REQ-1): request types and their approval routes, the employee's requests under /api/v1/me,
// the approvers' 届出一覧 under /api/v1/requests, 届出種類設定 and 所属長 under /api/v1/request-types.
// The built-in types' values are the employee master's own field schemas, so a 住所 asked for is checked
// exactly as HR's 基本情報 edit checks it.
import { z } from 'zod';
import { isRealDate, zPageOf, zString } from '../common/common';
import { PERMISSIONS } from './access';
import { ZEmployeeBasic } from './employees';
import { type TAdminRole, ZAdminRole } from './roles';

/** The roles a 届出 step may name: those with the approve permission (届出承認者 has only that one). */
export const REQUEST_APPROVER_ROLES: readonly TAdminRole[] = PERMISSIONS['requests.approve'].roles;

export const BUILTIN_REQUEST_TYPES = ['address', 'name', 'birth_date'] as const;
export type TBuiltinRequestType = (typeof BUILTIN_REQUEST_TYPES)[number];
export const BUILTIN_REQUEST_LABELS: Record<TBuiltinRequestType, string> = {
  address: '住所変更',
  name: '氏名変更',
  birth_date: '生年月日の訂正',
};

export const REQUEST_STATUSES = ['pending', 'returned', 'withdrawn', 'scheduled', 'applied', 'approved'] as const;
export type TRequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<TRequestStatus, string> = {
  pending: '承認待ち',
  returned: '差戻し',
  withdrawn: '取下げ',
  scheduled: '承認済み・適用待ち',
  applied: '承認済み・適用済み',
  approved: '承認済み',
};

export const REQUEST_FIELD_KINDS = ['text', 'date', 'choice', 'attachment'] as const;
export type TRequestFieldKind = (typeof REQUEST_FIELD_KINDS)[number];

/** Attachments: at most 3 per request, 2 MB each, PDF / PNG / JPEG (checked by their first bytes too). */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;
export const ATTACHMENT_MAX_COUNT = 3;
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

const dateText = (label: string) =>
  zString(label, { error: `${label}を入力してください` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}は yyyy-mm-dd の形式で入力してください` })
    .refine(isRealDate, { error: `${label}が正しい日付ではありません` });
const uuid = (label: string) => z.uuid({ error: `${label}の指定が正しくありません` });

// ---- 届出種類設定 -----------------------------------------------------------------------------------

export const ZRequestField = z.object({
  key: zString('項目キー').regex(/^[a-z][a-z0-9_]{0,29}$/, {
    error: '項目キーは英小文字で始まる半角英数字・_（30文字以内）で入力してください',
  }),
  label: zString('項目名', { error: '項目名を入力してください' })
    .trim()
    .min(1, { error: '項目名を入力してください' })
    .max(50, { error: '項目名は50文字以内で入力してください' }),
  kind: z.enum(REQUEST_FIELD_KINDS, { error: '項目の種類を選択してください' }),
  isRequired: z.boolean().default(false),
  choices: z
    .array(zString('選択肢').trim().min(1, { error: '選択肢を入力してください' }).max(50))
    .max(30, { error: '選択肢は30個までです' })
    .default([]),
});
export type TRequestField = z.infer<typeof ZRequestField>;

export const ZRouteStep = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('supervisor') }),
    z.object({
      kind: z.literal('role'),
      role: ZAdminRole.refine((r) => REQUEST_APPROVER_ROLES.includes(r), {
        error: '承認者のロールは届出を承認できるロールから選択してください',
      }),
    }),
  ],
  { error: '承認者の種類を選択してください' },
);
export type TRouteStep = z.infer<typeof ZRouteStep>;

const ZRoute = z
  .array(ZRouteStep)
  .min(1, { error: '承認ルートは1〜3段階で設定してください' })
  .max(3, { error: '承認ルートは1〜3段階で設定してください' });

export const ZRequestTypeInput = z
  .object({
    name: zString('届出名', { error: '届出名を入力してください' })
      .trim()
      .min(1, { error: '届出名を入力してください' })
      .max(50, { error: '届出名は50文字以内で入力してください' }),
    description: zString('説明')
      .trim()
      .max(500, { error: '説明は500文字以内で入力してください' })
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    fields: z.array(ZRequestField).max(20, { error: '項目は20個までです' }).default([]),
    route: ZRoute,
    isActive: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    const keys = new Set<string>();
    v.fields.forEach((f, i) => {
      if (keys.has(f.key))
        ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `項目キー「${f.key}」が重複しています` });
      keys.add(f.key);
      if (f.kind === 'choice' && f.choices.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'choices'],
          message: `「${f.label}」の選択肢を入力してください`,
        });
    });
  });
export type TRequestTypeInput = z.infer<typeof ZRequestTypeInput>;

export const ZRequestType = z.object({
  id: z.string(),
  builtin: z.enum(BUILTIN_REQUEST_TYPES).nullable(),
  name: z.string(),
  description: z.string().nullable(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(REQUEST_FIELD_KINDS),
      isRequired: z.boolean(),
      choices: z.array(z.string()),
    }),
  ),
  route: z.array(
    z.union([z.object({ kind: z.literal('supervisor') }), z.object({ kind: z.literal('role'), role: ZAdminRole })]),
  ),
  isActive: z.boolean(),
});
export type TRequestType = z.infer<typeof ZRequestType>;
export const ZRequestTypeList = z.object({ items: z.array(ZRequestType) });
export const ZRequestTypeParams = z.object({ id: uuid('届出種類') });

/** 所属長: the head of each department (whose members' 上長 steps they approve). */
export const ZDepartmentHead = z.object({
  departmentId: z.string(),
  departmentName: z.string(),
  employeeId: z.string().nullable(),
  employeeNumber: z.string().nullable(),
  employeeName: z.string().nullable(),
});
export const ZDepartmentHeadList = z.object({ items: z.array(ZDepartmentHead) });
export type TDepartmentHead = z.infer<typeof ZDepartmentHead>;
export const ZDepartmentParams = z.object({ departmentId: uuid('部署') });
export const ZDepartmentHeadRequest = z.object({
  /** the head's 社員番号; empty = no head */
  employeeNumber: zString('所属長の社員番号')
    .trim()
    .max(30)
    .transform((v) => (v === '' ? null : v.normalize('NFKC')))
    .nullable()
    .default(null),
});

// ---- filing -------------------------------------------------------------------------------------

/** 住所変更: the master's address fields, and 通勤経路 (a note for 通勤手当, not a master field). */
export const ZAddressChange = ZEmployeeBasic.pick({
  postalCode: true,
  prefecture: true,
  city: true,
  street: true,
  building: true,
}).extend({
  commuteNote: zString('通勤経路')
    .trim()
    .max(500, { error: '通勤経路は500文字以内で入力してください' })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
});
export const ZNameChange = ZEmployeeBasic.pick({
  lastName: true,
  firstName: true,
  lastNameKana: true,
  firstNameKana: true,
});
export const ZBirthDateChange = ZEmployeeBasic.pick({ birthDate: true });
export const BUILTIN_VALUE_SCHEMAS = { address: ZAddressChange, name: ZNameChange, birth_date: ZBirthDateChange };

export const ZAttachmentInput = z.object({
  /** the admin-defined attachment field it answers; absent: an attachment of the request */
  fieldKey: zString('添付項目').max(30).nullable().default(null),
  fileName: zString('ファイル名', { error: 'ファイル名を指定してください' })
    .trim()
    .min(1, { error: 'ファイル名を指定してください' })
    .max(200, { error: 'ファイル名は200文字以内にしてください' }),
  contentType: zString('ファイルの種類').max(100),
  /** the file, base64 */
  data: z.base64({ error: '添付ファイルの内容が正しくありません' }).max(3_000_000, {
    error: '添付ファイルは1件2MBまでです',
  }),
});

export const ZFileRequest = z.object({
  typeId: uuid('届出の種類'),
  effectiveDate: dateText('適用日'),
  /** the built-in type's fields (checked by its schema), or the admin-defined fields' answers by key */
  values: z.record(zString('項目キー').max(30), zString('入力値').max(2000).nullable()).default({}),
  note: zString('備考')
    .trim()
    .max(1000, { error: '備考は1000文字以内で入力してください' })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  attachments: z.array(ZAttachmentInput).max(ATTACHMENT_MAX_COUNT, { error: '添付ファイルは3件までです' }).default([]),
});
export type TFileRequest = z.infer<typeof ZFileRequest>;

export const ZDecisionRequest = z.object({
  comment: zString('コメント').trim().max(1000, { error: 'コメントは1000文字以内で入力してください' }).default(''),
});
export type TDecisionRequest = z.infer<typeof ZDecisionRequest>;

// ---- lists and details --------------------------------------------------------------------------

export const ZRequestListQuery = z.object({
  status: z.enum(REQUEST_STATUSES, { error: '状態の指定が正しくありません' }).optional(),
  typeId: uuid('届出の種類').optional(),
  /** 申請者: 氏名・かな・社員番号 */
  q: zString('申請者').trim().max(100).default(''),
  effectiveFrom: dateText('適用日（から）').optional(),
  effectiveTo: dateText('適用日（まで）').optional(),
  /** waiting: only those at a step the caller may decide now */
  isWaitingOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TRequestListQuery = z.infer<typeof ZRequestListQuery>;
export const ZMyRequestListQuery = ZRequestListQuery.pick({ page: true, pageSize: true });

export const ZRequestSummary = z.object({
  id: z.string(),
  typeName: z.string(),
  builtin: z.enum(BUILTIN_REQUEST_TYPES).nullable(),
  employeeNumber: z.string().nullable(),
  applicantName: z.string(),
  effectiveDate: z.string(),
  status: z.enum(REQUEST_STATUSES),
  currentStep: z.number().int(),
  stepCount: z.number().int(),
  createdAt: z.string(),
  /** the caller may approve or 差戻し it now */
  canDecide: z.boolean(),
});
export type TRequestSummary = z.infer<typeof ZRequestSummary>;
export const ZRequestPage = zPageOf(ZRequestSummary);
export type TRequestPage = z.infer<typeof ZRequestPage>;

export const ZRequestDetail = ZRequestSummary.extend({
  note: z.string().nullable(),
  /** 項目 / 変更前 / 変更後 (admin-defined types: 変更前 is null) */
  changes: z.array(z.object({ label: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  steps: z.array(
    z.object({
      stepNo: z.number().int(),
      label: z.string(),
      decision: z.enum(['approved', 'returned']).nullable(),
      decidedByName: z.string().nullable(),
      decidedAt: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      fieldLabel: z.string().nullable(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().int(),
    }),
  ),
  canWithdraw: z.boolean(),
  decidedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
});
export type TRequestDetail = z.infer<typeof ZRequestDetail>;

export const ZRequestParams = z.object({ id: uuid('届出') });
export const ZMyRequestParams = z.object({ requestId: uuid('届出') });
export const ZAttachmentParams = ZRequestParams.extend({ attachmentId: uuid('添付ファイル') });
export const ZMyAttachmentParams = ZMyRequestParams.extend({ attachmentId: uuid('添付ファイル') });

// ---- notices ------------------------------------------------------------------------------------

export const REQUEST_NOTICE_KINDS = [
  'submitted',
  'approved_step',
  'approved',
  'returned',
  'withdrawn',
  'applied',
] as const;
export type TRequestNoticeKind = (typeof REQUEST_NOTICE_KINDS)[number];
export const ZRequestNotices = z.object({
  /** requests at a step the caller may decide now */
  waitingCount: z.number().int(),
  unreadCount: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      requestId: z.string(),
      kind: z.enum(REQUEST_NOTICE_KINDS),
      typeName: z.string(),
      applicantName: z.string(),
      /** true: the caller is the applicant (link to マイページ's 届出), else an approver */
      isOwn: z.boolean(),
      createdAt: z.string(),
      isRead: z.boolean(),
    }),
  ),
});
export type TRequestNotices = z.infer<typeof ZRequestNotices>;
