// 従業員 (R-EMP-1…5): registration, list/search, detail with effective-dated histories, audit trail.

import { todayInJapan } from '@jinji/ja/text';
import { z } from 'zod';
import { zString } from '../common/common';
import { ZCodeSettings } from './code-settings';
import { checkEmployeeDates, checkEmployeeText, EMPLOYEE_TEXT_RULES, type EmployeeTextField } from './employee-rules';
import { EMPLOYEE_SORTS, EMPLOYMENT_STATUSES, type TEmploymentStatus } from './enums';
import { ZMasterItem } from './masters';

export { EMPLOYEE_SORTS, EMPLOYMENT_STATUSES, type TEmploymentStatus };

export const GENDERS = ['男性', '女性', 'その他', '回答しない'] as const;
export const STATUS_LABELS = { active: '在籍', retired: '退職', upcoming: '入社予定' } as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const date = (label: string) =>
  zString(label, { error: `${label}を入力してください` })
    .regex(ISO_DATE, { error: `${label}は yyyy-mm-dd の形式で入力してください` })
    .refine(isRealDate, { error: `${label}が正しい日付ではありません` });
const optionalDate = (label: string) => date(label).nullable().default(null);
const text = (label: string, max: number) =>
  zString(label)
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);
const required = (label: string, max = 50) =>
  zString(label, { error: `${label}を入力してください` })
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .max(max, { error: `${label}は${max}文字以内で入力してください` });
/** A text field checked and normalised by employee-rules (the import calls the same function). */
const ruleText = (key: EmployeeTextField) =>
  zString(EMPLOYEE_TEXT_RULES[key].label)
    .nullish()
    .transform((v, ctx) => {
      const r = checkEmployeeText(key, v ?? '');
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.message });
      return z.NEVER;
    });
const ruleRequired = (key: EmployeeTextField) => ruleText(key).transform((v) => v as string);
const uuidOrNull = (label: string) =>
  z
    .uuid({ error: `${label}の指定が正しくありません` })
    .nullable()
    .default(null);

export const ZAssignmentInput = z.object({
  startDate: date('適用日'),
  companyId: uuidOrNull('会社'),
  departmentId: uuidOrNull('部署'),
  positionId: uuidOrNull('役職'),
  gradeId: uuidOrNull('職位'),
  jobTypeId: uuidOrNull('職種'),
  locationId: uuidOrNull('勤務地'),
});
export type TAssignmentInput = z.infer<typeof ZAssignmentInput>;

export const ZContractInput = z.object({
  startDate: date('適用日'),
  employmentTypeId: uuidOrNull('雇用形態'),
  workStyleId: uuidOrNull('勤務形態'),
  hiringCategoryId: uuidOrNull('採用区分'),
});
export type TContractInput = z.infer<typeof ZContractInput>;

/** 基本情報: what the detail page's first section edits. */
export const ZEmployeeBasic = z.object({
  lastName: ruleRequired('lastName'),
  firstName: ruleRequired('firstName'),
  lastNameKana: ruleRequired('lastNameKana'),
  firstNameKana: ruleRequired('firstNameKana'),
  businessLastName: ruleText('businessLastName'),
  businessFirstName: ruleText('businessFirstName'),
  birthDate: date('生年月日'),
  gender: z.enum(GENDERS, { error: '性別を選択してください' }),
  hireDate: date('入社日'),
  retirementDate: optionalDate('退職日'),
  email: ruleText('email'),
  systemUseStartDate: optionalDate('システム利用開始日'),
  postalCode: ruleText('postalCode'),
  prefecture: ruleText('prefecture'),
  city: ruleText('city'),
  street: ruleText('street'),
  building: ruleText('building'),
  phone: ruleText('phone'),
  mobilePhone: ruleText('mobilePhone'),
  isStartupTarget: z.boolean().default(false),
});

type BasicOut = { birthDate: string; hireDate: string; retirementDate: string | null };
const dateOrNull = (v: unknown) => (typeof v === 'string' && ISO_DATE.test(v) ? v : null);
/**
 * The cross-field date rules run even when another field is wrong (a kana error must not hide
 * 「退職日は入社日以降…」: the person fixes everything in one go), on whatever dates are well-formed.
 */
const basicRules = <T extends z.ZodType<BasicOut>>(schema: T) =>
  schema.check(
    z.superRefine(
      (v: BasicOut, ctx) => {
        const dates = {
          birthDate: dateOrNull(v.birthDate),
          hireDate: dateOrNull(v.hireDate),
          retirementDate: dateOrNull(v.retirementDate),
        };
        for (const issue of checkEmployeeDates(dates, todayInJapan()))
          ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
      },
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    ),
  );

export const ZEmployeeBasicInput = basicRules(ZEmployeeBasic);
export type TEmployeeBasicInput = z.infer<typeof ZEmployeeBasicInput>;

/**
 * 基本情報 edit. System use can start after registration (decision 006): a ログインID (直接入力) or
 * `isSystemUse` (社員番号 / ユーザー設定 make it) gives an employee without one an account; with
 * 直接入力 a given ログインID also changes the current one. An account is never removed here.
 */
export const ZUpdateBasicRequest = basicRules(
  ZEmployeeBasic.extend({
    loginId: ruleText('loginId'),
    isSystemUse: z.boolean().default(false),
  }),
);
export type TUpdateBasicRequest = z.infer<typeof ZUpdateBasicRequest>;

/** 従業員 新規登録: 社員番号/ログインID are filled by コード設定 when it says so. */
export const ZCreateEmployeeRequest = basicRules(
  ZEmployeeBasic.extend({
    employeeNumber: ruleText('employeeNumber'),
    loginId: ruleText('loginId'),
    /** 社員番号 / ユーザー設定 modes: 「システムを利用する」 — whether the ログインID is made (直接入力: a ログインID is given) */
    isSystemUse: z.boolean().default(true),
    assignment: ZAssignmentInput.omit({ startDate: true }).nullable().default(null),
    contract: ZContractInput.omit({ startDate: true }).nullable().default(null),
  }),
);
export type TCreateEmployeeRequest = z.infer<typeof ZCreateEmployeeRequest>;

export const CREATED_RANGE_REVERSED =
  '従業員データ作成日（終了）は従業員データ作成日（開始）以降の日付を入力してください';
/** 従業員データ作成日 from > to: a range that can match nothing, refused (web form and API alike). */
export const isCreatedRangeReversed = (q: { createdFrom?: string; createdTo?: string }) =>
  !!q.createdFrom && !!q.createdTo && q.createdFrom > q.createdTo;
/** The list query's refine, for the list and every query built on its shape (exports). */
export const refineCreatedRange = <T extends z.ZodType<{ createdFrom?: string; createdTo?: string }>>(schema: T) =>
  schema.refine((q) => !isCreatedRangeReversed(q), { error: CREATED_RANGE_REVERSED, path: ['createdTo'] });

/** The list query's fields; `ZEmployeeListQuery` adds the range check (an object with it cannot be extended). */
export const ZEmployeeListQueryFields = z.object({
  q: zString('キーワード').trim().max(100).optional(),
  employeeNumber: zString('社員番号').trim().max(30).optional(),
  loginId: zString('ログインID').trim().max(128).optional(),
  companyId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  status: z.enum(EMPLOYMENT_STATUSES).optional(),
  /** 従業員スタートアップ: pending = the flag is 1 (not finished), done = completed */
  startup: z.enum(['pending', 'done'], { error: 'スタートアップの状態の指定が正しくありません' }).optional(),
  createdFrom: date('従業員データ作成日（開始）').optional(),
  createdTo: date('従業員データ作成日（終了）').optional(),
  sort: z.enum(EMPLOYEE_SORTS).default('employeeNumber'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const ZEmployeeListQuery = refineCreatedRange(ZEmployeeListQueryFields);
export type TEmployeeListQuery = z.infer<typeof ZEmployeeListQuery>;

export const ZEmployeeListItem = z.object({
  id: z.string(),
  employeeNumber: z.string().nullable(),
  lastName: z.string(),
  firstName: z.string(),
  lastNameKana: z.string(),
  firstNameKana: z.string(),
  hireDate: z.string(),
  retirementDate: z.string().nullable(),
  status: z.enum(EMPLOYMENT_STATUSES),
  loginId: z.string().nullable(),
  companyName: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** 「会社 上位部署 … 部署」; null without a current department */
  departmentPath: z.string().nullable(),
  createdAt: z.string(),
  /** 従業員スタートアップ対象 and not finished yet */
  isStartupTarget: z.boolean(),
  /** 「スタートアップ完了」's date (yyyy-mm-dd, Japan), null when not completed */
  startupCompletedAt: z.string().nullable(),
  /** アカウント通知日 (yyyy-mm-dd, Japan): the last アカウント通知; null when never sent */
  accountNotifiedAt: z.string().nullable(),
});
export const ZEmployeeListResponse = z.object({
  items: z.array(ZEmployeeListItem),
  /** capped at 10,000 (isTotalCapped): counting a whole large tenant costs more than the page */
  total: z.number().int(),
  isTotalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TEmployeeListResponse = z.infer<typeof ZEmployeeListResponse>;

const ZMasterRef = z.object({ id: z.string(), code: z.string(), name: z.string(), isValid: z.boolean() }).nullable();

export const ZAssignment = z.object({
  id: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  isCurrent: z.boolean(),
  /** 適用日 is after today: shown as 「予定」 */
  isPlanned: z.boolean(),
  company: ZMasterRef,
  department: ZMasterRef,
  position: ZMasterRef,
  grade: ZMasterRef,
  jobType: ZMasterRef,
  location: ZMasterRef,
  /** 「会社 上位部署 … 部署」 of this period; null without a department */
  departmentPath: z.string().nullable(),
});
export const ZContract = z.object({
  id: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  isCurrent: z.boolean(),
  /** 適用日 is after today: shown as 「予定」 */
  isPlanned: z.boolean(),
  employmentType: ZMasterRef,
  workStyle: ZMasterRef,
  hiringCategory: ZMasterRef,
});

export const ZEmergencyContact = z.object({
  name: ruleRequired('emergencyName'),
  relation: ruleText('emergencyRelation'),
  phone: ruleRequired('emergencyPhone'),
});
export const ZEducation = z.object({
  school: required('学校名', 100),
  faculty: text('学部・学科', 100),
  graduatedOn: optionalDate('卒業年月日'),
});
export const ZWorkHistory = z.object({
  company: required('会社名', 100),
  role: text('職務内容', 200),
  fromDate: optionalDate('在籍期間（開始）'),
  toDate: optionalDate('在籍期間（終了）'),
});
export const ZLicense = z.object({
  licenseId: z.uuid({ error: '資格・免許を選択してください' }),
  acquiredOn: optionalDate('取得日'),
});
export const ZDisability = z.object({
  disabilityTypeId: z.uuid({ error: '障がい種類を選択してください' }),
  grade: text('等級', 20),
});
export const ZAward = z.object({
  kind: z.enum(['賞', '罰'], { error: '賞罰の区分を選択してください' }),
  title: required('賞罰の内容', 200),
  awardedOn: optionalDate('賞罰の日付'),
});

export const ZContactsSection = z.object({
  emergencyContacts: z.array(ZEmergencyContact).max(3, { error: '緊急連絡先は3件まで登録できます' }),
});
export const ZCareerSection = z.object({
  education: z.array(ZEducation).max(20),
  workHistory: z.array(ZWorkHistory).max(30),
  licenses: z.array(ZLicense.extend({ name: zString('資格・免許の名称').optional() })).max(50),
});
export const ZSensitiveSection = z.object({
  disabilities: z.array(ZDisability.extend({ name: zString('障がい種類の名称').optional() })).max(10),
  awards: z.array(ZAward).max(50),
});

// Response shapes: plain types (input schemas above transform, and responses are encoded, not parsed).
const str = z.string();
const strOrNull = z.string().nullable();
export const ZEmployeeBasicView = z.object({
  lastName: str,
  firstName: str,
  lastNameKana: str,
  firstNameKana: str,
  businessLastName: strOrNull,
  businessFirstName: strOrNull,
  birthDate: str,
  gender: z.enum(GENDERS),
  hireDate: str,
  retirementDate: strOrNull,
  email: strOrNull,
  systemUseStartDate: strOrNull,
  postalCode: strOrNull,
  prefecture: strOrNull,
  city: strOrNull,
  street: strOrNull,
  building: strOrNull,
  phone: strOrNull,
  mobilePhone: strOrNull,
  isStartupTarget: z.boolean(),
  /** 「スタートアップ完了」: when the employee pressed 【この内容で登録する】 (ISO), null before */
  startupCompletedAt: strOrNull,
});

export const ZEmployeeDetail = z.object({
  id: str,
  employeeNumber: strOrNull,
  loginId: strOrNull,
  /** アカウント通知日: when the last アカウント通知 was written (ISO), null when never */
  accountNotifiedAt: strOrNull,
  status: z.enum(EMPLOYMENT_STATUSES),
  basic: ZEmployeeBasicView,
  createdAt: str,
  updatedAt: str,
  assignments: z.array(ZAssignment),
  contracts: z.array(ZContract),
  contacts: z.object({
    emergencyContacts: z.array(z.object({ name: str, relation: strOrNull, phone: str })),
  }),
  career: z.object({
    education: z.array(z.object({ school: str, faculty: strOrNull, graduatedOn: strOrNull })),
    workHistory: z.array(z.object({ company: str, role: strOrNull, fromDate: strOrNull, toDate: strOrNull })),
    licenses: z.array(z.object({ licenseId: str, acquiredOn: strOrNull, name: z.string().optional() })),
  }),
  /** null when the caller's roles may not see 要配慮情報 (decided on the server) */
  sensitive: z
    .object({
      disabilities: z.array(z.object({ disabilityTypeId: str, grade: strOrNull, name: z.string().optional() })),
      awards: z.array(z.object({ kind: z.enum(['賞', '罰']), title: str, awardedOn: strOrNull })),
    })
    .nullable(),
  canEdit: z.boolean(),
  canEditSensitive: z.boolean(),
});
export type TEmployeeDetail = z.infer<typeof ZEmployeeDetail>;

/**
 * Cells a Shift_JIS (CP932) export cannot hold: `row` is the file's line (header = 1), `column` its
 * header, `characters` what would become 「?」. At most 200 listed; `total` counts all.
 */
export const ZCp932CheckResponse = z.object({
  cells: z.array(z.object({ row: z.number(), column: z.string(), employeeNumber: z.string(), characters: z.string() })),
  total: z.number(),
});
export type TCp932CheckResponse = z.infer<typeof ZCp932CheckResponse>;

export const ZCreateEmployeeResponse = z.object({ id: z.string() });
export type TCreateEmployeeResponse = z.infer<typeof ZCreateEmployeeResponse>;

/** The masters the registration and edit forms offer (valid rows only). */
export const EMPLOYEE_FORM_MASTER_KINDS = [
  'company',
  'department',
  'location',
  'position',
  'grade',
  'job_type',
  'employment_type',
  'work_style',
  'hiring_category',
  'license',
  'disability_type',
] as const;
export type TEmployeeFormMasterKind = (typeof EMPLOYEE_FORM_MASTER_KINDS)[number];

/** What the employee forms offer: valid master rows by kind, and how 社員番号/ログインID are made. */
export const ZEmployeeFormOptionsResponse = z.object({
  masters: z.partialRecord(z.enum(EMPLOYEE_FORM_MASTER_KINDS), z.array(ZMasterItem)),
  codeSettings: ZCodeSettings,
});
export type TEmployeeFormOptionsResponse = z.infer<typeof ZEmployeeFormOptionsResponse>;
