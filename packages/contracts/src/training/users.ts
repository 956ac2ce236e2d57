// 利用者情報 (R-TRN-1): the list and its search, the detail and its edit, 【ログイン情報送付】 one by one and
// in bulk from the 「利用者情報CSV出力」 file with its 送付 column (docs/training-user-csv.md is the layout).
// A user HR provisions is linked: its ログインID, 氏名, 氏名カナ and メールアドレス are HR's (LINKED_FIELDS).
import { isKana, toFullWidthKana, toKatakana } from '@jinji/ja/text';
import { z } from 'zod';
import { ZLoginId } from '../common/auth';
import { zPageOf, zString } from '../common/common';
import { CSV_ENCODINGS } from '../common/enums';
import { SYSTEM_ROLE_LABELS, SYSTEM_ROLES, ZSystemRole } from './access';

/** 性別 (the stored codes; GENDER_LABELS are what screens and the CSV show) */
export const USER_GENDERS = ['male', 'female', 'other', 'unanswered'] as const;
export const ZUserGender = z.enum(USER_GENDERS, { error: '性別を選択してください' });
export type TUserGender = z.infer<typeof ZUserGender>;
export const GENDER_LABELS: Record<TUserGender, string> = {
  male: '男性',
  female: '女性',
  other: 'その他',
  unanswered: '回答しない',
};

export { SYSTEM_ROLE_LABELS, SYSTEM_ROLES };

/** The fields HR owns for a linked user (R-LINK-2), with their names as screens and messages say them. */
export const LINKED_FIELDS = {
  loginId: 'ログインID',
  displayName: '氏名',
  nameKana: '氏名カナ',
  email: 'メールアドレス',
} as const;
export type TLinkedField = keyof typeof LINKED_FIELDS;
export const LINKED_FIELD_REASON = '人事管理システムと連携中のため変更できません';
export const linkedFieldMessage = (field: TLinkedField) => `${LINKED_FIELDS[field]}は${LINKED_FIELD_REASON}`;

export const USER_STATUSES = ['active', 'disabled', 'all'] as const;

export const ZUserListQuery = z.object({
  /** ログインID, 氏名, 氏名カナ or メールアドレス, partial; width and hiragana/katakana do not matter */
  q: zString('キーワード').trim().max(100, { error: 'キーワードは100文字以内で入力してください' }).optional(),
  systemRole: z.enum(SYSTEM_ROLES, { error: 'システム権限の指定が正しくありません' }).optional(),
  status: z.enum(USER_STATUSES, { error: '状態の指定が正しくありません' }).default('active'),
  page: z.coerce.number({ error: 'ページの指定が正しくありません' }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number({ error: '件数の指定が正しくありません' }).int().min(1).max(100).default(50),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

const ZUserRef = z.object({ id: z.string(), loginId: z.string(), displayName: z.string() });
export type TUserRef = z.infer<typeof ZUserRef>;

export const ZUserListItem = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  nameKana: z.string().nullable(),
  email: z.string().nullable(),
  systemRole: ZSystemRole,
  departmentName: z.string().nullable(),
  isLinked: z.boolean(),
  isDisabled: z.boolean(),
});
export type TUserListItem = z.infer<typeof ZUserListItem>;
export const ZUserListResponse = zPageOf(ZUserListItem);
export type TUserListResponse = z.infer<typeof ZUserListResponse>;

export const ZUserDetail = ZUserListItem.extend({
  gender: ZUserGender,
  approver: ZUserRef.nullable(),
  /** when HR linked the user (null: not linked) */
  linkedAt: z.string().nullable(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TUserDetail = z.infer<typeof ZUserDetail>;

export const ZUserIdParams = z.object({ userId: z.uuid({ error: '利用者IDの形式が正しくありません' }) });

/** 承認者 to choose from: enabled users of the organisation who are 承認者 or 管理者. */
export const ZApproverOptionsQuery = z.object({
  q: zString('キーワード').trim().max(100, { error: 'キーワードは100文字以内で入力してください' }).optional(),
});
export const ZApproverOptionsResponse = z.object({ items: z.array(ZUserRef) });
export type TApproverOptionsResponse = z.infer<typeof ZApproverOptionsResponse>;

const optionalText = (label: string, max: number) =>
  zString(label)
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` })
    .transform((v) => (v === '' ? null : v))
    .nullable();

/** 氏名カナ: full-width katakana as stored (hiragana and half-width kana are accepted and converted). */
const ZNameKana = zString('氏名カナ')
  .trim()
  .max(100, { error: '氏名カナは100文字以内で入力してください' })
  .refine((v) => v === '' || isKana(v), { error: '氏名カナはカタカナで入力してください' })
  .transform((v) => (v === '' ? null : toKatakana(toFullWidthKana(v)).replace(/\s+/g, ' ')))
  .nullable();

const ZEmail = zString('メールアドレス')
  .trim()
  .max(254, { error: 'メールアドレスは254文字以内で入力してください' })
  .refine((v) => v === '' || z.regexes.email.test(v), { error: 'メールアドレスの形式が正しくありません' })
  .transform((v) => (v === '' ? null : v))
  .nullable();

const userFields = {
  loginId: ZLoginId.refine((v) => /^[\x21-\x7e]+$/.test(v), {
    error: 'ログインIDは半角英数字記号で入力してください',
  }),
  displayName: zString('氏名')
    .trim()
    .min(1, { error: '氏名を入力してください' })
    .max(100, { error: '氏名は100文字以内で入力してください' }),
  nameKana: ZNameKana,
  email: ZEmail,
  systemRole: z.enum(SYSTEM_ROLES, { error: 'システム権限を選択してください' }),
  departmentName: optionalText('部署名', 100),
  gender: ZUserGender,
  approverId: z.uuid({ error: '承認者の指定が正しくありません' }).nullable(),
};

export const ZCreateUserRequest = z.object({
  ...userFields,
  nameKana: userFields.nameKana.default(null),
  email: userFields.email.default(null),
  systemRole: userFields.systemRole.default('general'),
  departmentName: userFields.departmentName.default(null),
  gender: userFields.gender.default('unanswered'),
  approverId: userFields.approverId.default(null),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

/** Only the fields sent change. A linked user's LINKED_FIELDS may be sent unchanged, never changed. */
export const ZUpdateUserRequest = z.object(userFields).partial();
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

// ---- 【ログイン情報送付】 -----------------------------------------------------------------------------

export const ZSendLoginInfoResponse = z.object({ mailId: z.string(), email: z.string(), expiresAt: z.string() });
export type TSendLoginInfoResponse = z.infer<typeof ZSendLoginInfoResponse>;

/** at most this large a file (the CSV of 10,000 users is about 1.5 MB) */
export const MAX_BULK_FILE_BYTES = 5 * 1024 * 1024;
/** the file travels base64 in the JSON body (one schema; the fuzz and matrix tests cover it) */
export const ZBulkLoginInfoRequest = z.object({
  fileName: zString('ファイル名').max(255, { error: 'ファイル名は255文字以内にしてください' }).default(''),
  contentBase64: zString('ファイル')
    .min(1, { error: 'ファイルを選択してください' })
    .max(Math.ceil((MAX_BULK_FILE_BYTES * 4) / 3) + 4, { error: 'ファイルは5MB以内にしてください' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'ファイルの内容が正しくありません' }),
});
export type TBulkLoginInfoRequest = z.infer<typeof ZBulkLoginInfoRequest>;

export const ZBulkLoginInfoRow = z.object({
  /** the file's row (the header is row 1) */
  row: z.number().int(),
  loginId: z.string(),
  status: z.enum(['sent', 'refused']),
  /** why a row was refused, in Japanese */
  reason: z.string().nullable(),
});
export type TBulkLoginInfoRow = z.infer<typeof ZBulkLoginInfoRow>;

export const ZBulkLoginInfoResponse = z.object({
  encoding: z.enum(CSV_ENCODINGS),
  sentCount: z.number().int(),
  refusedCount: z.number().int(),
  /** the marked rows, in file order; unmarked rows are not listed */
  rows: z.array(ZBulkLoginInfoRow),
});
export type TBulkLoginInfoResponse = z.infer<typeof ZBulkLoginInfoResponse>;

/** 送付 marks that mean "send" (any other non-empty value is refused with a reason). */
export const SEND_MARKS = ['1', '○', '〇', '◯', '✓', '✔', 'レ'] as const;

export const ZUserExportQuery = ZUserListQuery.omit({ page: true, pageSize: true }).extend({
  encoding: z.enum(CSV_ENCODINGS, { error: '文字コードの指定が正しくありません' }).default('utf8'),
});
export type TUserExportQuery = z.infer<typeof ZUserExportQuery>;
