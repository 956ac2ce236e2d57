// 操作ログ (R-EMP-5, SECURITY.md "Audit trail"): who changed or viewed what, when, before → after.
// The label table and auditChanges() are the one way before/after become 項目 / 変更前 / 変更後, for the
// web page and the CSV export alike.
import { z } from 'zod';
import { isRealDate, ZCsvEncoding, zString } from '../common/common';
import { MODE_LABELS } from './code-settings';
import { EMPLOYEE_FIELD_LABELS } from './employee-rules';
import { MAIL_STATUS_LABELS, type TMailStatus } from './mail';
import { MASTER_KIND_INFO, type TMasterKind } from './masters';
import { ROLE_LABELS_JA, type TAdminRole } from './roles';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'view_sensitive', 'export'] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<TAuditAction, string> = {
  create: '登録',
  update: '更新',
  delete: '削除',
  view_sensitive: '要配慮情報の閲覧',
  export: '出力',
};

/** What a role without `employees.sensitive` sees in place of a 要配慮 value. */
export const SENSITIVE_MASK = '（要配慮個人情報のため非表示）';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (label: string) =>
  zString(label)
    .regex(ISO_DATE, { error: `${label}は yyyy-mm-dd の形式で入力してください` })
    .refine(isRealDate, { error: `${label}が正しい日付ではありません` });
/** An empty text box sends `?employee=`: the same as no filter. */
const text = (label: string) =>
  zString(label)
    .trim()
    .max(100, { error: `${label}は100文字以内で入力してください` })
    .transform((v) => (v === '' ? undefined : v))
    .optional();

const ZAuditFilterFields = z.object({
  targetId: z.uuid({ error: '対象の指定が正しくありません' }).optional(),
  /** 社員番号 or 氏名 (本名・かな・ビジネスネーム, partial) of the employee acted on */
  employee: text('対象の従業員'),
  /** 実行者: 表示名 or ログインID (partial) */
  actor: text('実行者'),
  action: z.enum(AUDIT_ACTIONS, { error: '操作を選択してください' }).optional(),
  from: date('期間（開始）').optional(),
  to: date('期間（終了）').optional(),
});
type Range = { from?: string | undefined; to?: string | undefined };
const orderedRange = (v: Range, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: '期間の終了日は開始日以降の日付を入力してください' });
  }
};

export const ZAuditLogQuery = ZAuditFilterFields.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
}).superRefine(orderedRange);
export type TAuditLogQuery = z.infer<typeof ZAuditLogQuery>;
export type TAuditLogFilter = z.infer<typeof ZAuditFilterFields>;

export const ZAuditLogExportQuery = ZAuditFilterFields.extend({
  encoding: ZCsvEncoding.default('utf8'),
}).superRefine(orderedRange);
export type TAuditLogExportQuery = z.infer<typeof ZAuditLogExportQuery>;

/** The CSV export: one line per changed field. */
export const AUDIT_EXPORT_HEADER = ['日時', '実行者', '操作', '対象', '項目', '変更前', '変更後'];

export const ZAuditLogItem = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLoginId: z.string().nullable(),
  /** 表示名 of the account now (null for a job without a user, or a deleted account) */
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** 社員番号 + 氏名, マスタ名, ログインID + 表示名, or the setting's name */
  targetLabel: z.string().nullable(),
  /** before/after hold 要配慮個人情報 */
  isSensitive: z.boolean(),
  /** … and were replaced by SENSITIVE_MASK for this reader */
  isMasked: z.boolean(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TAuditLogItem = z.infer<typeof ZAuditLogItem>;

export const ZAuditLogResponse = z.object({
  items: z.array(ZAuditLogItem),
  /** names of the master rows whose ids appear in this page's before/after */
  names: z.record(z.string(), z.string()),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TAuditLogResponse = z.infer<typeof ZAuditLogResponse>;

// ---- labels ---------------------------------------------------------------------------------------

/**
 * Japanese labels of every key written to before/after. `parent.key` wins over `key` where a key
 * means different things (a contact's name is 氏名, a master's is 名称).
 */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  // 基本情報: the same labels as the form and the import files (one table, employee-rules)
  ...EMPLOYEE_FIELD_LABELS,
  isStartupTarget: 'スタートアップ対象',
  import: '取込ファイル',
  // 所属・契約
  assignment: '所属',
  contract: '契約',
  startDate: '適用日',
  companyId: '会社',
  departmentId: '部署',
  positionId: '役職',
  gradeId: '職位',
  jobTypeId: '職種',
  locationId: '拠点',
  employmentTypeId: '雇用形態',
  workStyleId: '勤務形態',
  hiringCategoryId: '採用区分',
  // 連絡先・経歴
  contacts: '緊急連絡先',
  emergencyContacts: '緊急連絡先',
  'emergencyContacts.name': '氏名',
  relation: '続柄',
  career: '経歴',
  education: '学歴',
  school: '学校名',
  faculty: '学部・学科',
  graduatedOn: '卒業年月日',
  workHistory: '職歴',
  company: '会社名',
  role: '役割',
  fromDate: '開始日',
  toDate: '終了日',
  licenses: '資格・免許',
  licenseId: '資格・免許',
  acquiredOn: '取得日',
  // 要配慮情報
  sensitive: '要配慮情報',
  disabilities: '障がい',
  disabilityTypeId: '障がい種類',
  grade: '等級',
  awards: '賞罰',
  kind: '種別',
  title: '内容',
  awardedOn: '年月日',
  sections: '閲覧した項目',
  screen: '閲覧画面',
  // 応対記録 (title/body under their own keys: `title` is the 内容 of a 賞罰)
  categoryId: 'カテゴリ（大区分）',
  subcategoryId: 'カテゴリ（小区分）',
  recordTitle: 'タイトル',
  recordBody: '内容',
  recordedOn: '記録日',
  dueOn: '対応期限',
  isCompleted: '完了',
  assigneeUserId: '担当者',
  targetIds: '対象者',
  reporterIds: '報告者/情報源',
  reminderSentOn: 'リマインド送信日',
  recordIds: '閲覧した応対記録',
  // 出力
  filter: '検索条件',
  rows: '件数',
  encoding: '形式',
  format: '形式',
  layout: '様式',
  sensitiveRows: '要配慮情報を含む行数',
  q: '氏名・かな',
  employee: '従業員',
  actor: '実行者',
  action: '操作',
  from: '期間（開始）',
  to: '期間（終了）',
  targetId: '対象',
  status: '在籍状況',
  createdFrom: '従業員データ作成日（開始）',
  createdTo: '従業員データ作成日（終了）',
  sort: '並び順',
  order: '昇順・降順',
  // マスタ
  code: 'コード',
  name: '名称',
  sortOrder: '並び順',
  isValid: '有効',
  parentId: '上位',
  // アクセス権限
  roles: 'ロール',
  // コード設定
  loginIdMode: 'ログインIDの付け方',
  loginIdRule: 'ログインIDの生成条件',
  employeeNumberMode: '社員番号の付け方',
  employeeNumberRule: '社員番号の生成条件',
  prefix: '接頭辞',
  includeHireYear: '入社年を含める',
  width: '連番の桁数',
  // 送信メール
  mailStatus: '送信状態',
  template: 'メールの種類',
  attempts: '試行回数',
  // アカウント通知・パスワード設定リンク (decision 012)
  accountNotifiedAt: 'アカウント通知日',
  mailId: 'メールID',
  employeeId: '従業員ID',
  purpose: 'リンクの種類',
  passwordSetBy: 'パスワードの設定',
  // パスワードポリシー
  minLength: '最小文字数',
  minUppercase: '大文字の最小使用数',
  minLowercase: '小文字の最小使用数',
  minDigits: '数値の最小使用数',
  minSymbols: '記号の最小使用数',
  forbidLoginId: 'ログインIDと同じパスワードを禁止',
  expiryDays: '有効期限（日）',
  reuseCount: '再利用禁止の世代数',
};

/** Display-only copies of a master's name next to its id (licenses, disabilities): the id is shown by name. */
const HIDDEN_KEYS = new Set(['licenses.name', 'disabilities.name']);

export function auditFieldLabel(key: string, parent?: string): string | undefined {
  return (parent ? AUDIT_FIELD_LABELS[`${parent}.${key}`] : undefined) ?? AUDIT_FIELD_LABELS[key];
}

const ENCODING_LABELS: Record<string, string> = {
  utf8: 'CSV（UTF-8）',
  cp932: 'CSV（Shift_JIS）',
  xlsx: 'Excel',
};
const STATUS_LABELS: Record<string, string> = { active: '在籍', retired: '退職', upcoming: '入社予定' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value as an auditor reads it: master ids by name, dates as 2026/12/01, flags as はい/いいえ. */
export function formatAuditValue(value: unknown, names: Record<string, string>, key?: string): string {
  if (value === null || value === undefined) return '';
  if (key === 'isValid' && typeof value === 'boolean') return value ? '有効' : '無効';
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (key === 'roles' || key === 'role') return ROLE_LABELS_JA[value as TAdminRole] ?? value;
    if (key === 'loginIdMode' || key === 'employeeNumberMode')
      return MODE_LABELS[value as keyof typeof MODE_LABELS] ?? value;
    if (key === 'kind' && value in MASTER_KIND_INFO) return MASTER_KIND_INFO[value as TMasterKind].label;
    if (key === 'encoding') return ENCODING_LABELS[value] ?? value;
    if (key === 'status') return STATUS_LABELS[value] ?? value;
    if (key === 'mailStatus') return MAIL_STATUS_LABELS[value as TMailStatus] ?? value;
    if (key === 'sections') return auditFieldLabel(value) ?? value;
    if (UUID.test(value)) return names[value] ?? value;
    if (ISO_DATE.test(value)) return value.replaceAll('-', '/');
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => formatAuditValue(v, names, key)).join('\n');
  if (isPlainObject(value)) {
    return Object.entries(value)
      .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !(key && HIDDEN_KEYS.has(`${key}.${k}`)))
      .map(([k, v]) => `${auditFieldLabel(k, key) ?? k}: ${formatAuditValue(v, names, k)}`)
      .join('、');
  }
  return String(value);
}

export type TAuditChange = { key: string; label: string; before: string; after: string };

/**
 * before/after as 項目 / 変更前 / 変更後 rows, one per changed field: nested objects (所属, 生成条件, 検索条件)
 * are opened into 「所属・会社」, lists (緊急連絡先, 障がい) stay one row each.
 */
export function auditChanges(before: unknown, after: unknown, names: Record<string, string>): TAuditChange[] {
  const out: TAuditChange[] = [];
  const walk = (b: unknown, a: unknown, path: string[], labels: string[]) => {
    const keys = [...new Set([...Object.keys(isPlainObject(b) ? b : {}), ...Object.keys(isPlainObject(a) ? a : {})])];
    for (const key of keys) {
      const bv = isPlainObject(b) ? b[key] : undefined;
      const av = isPlainObject(a) ? a[key] : undefined;
      const parent = path.at(-1);
      if (parent && HIDDEN_KEYS.has(`${parent}.${key}`)) continue;
      const label = auditFieldLabel(key, parent) ?? key;
      const isNested = (isPlainObject(bv) || bv == null) && (isPlainObject(av) || av == null) && (bv ?? av) != null;
      if (isNested) walk(bv, av, [...path, key], [...labels, label]);
      else {
        const fb = formatAuditValue(bv, names, key);
        const fa = formatAuditValue(av, names, key);
        if (fb !== fa || fa === SENSITIVE_MASK)
          out.push({ key: [...path, key].join('.'), label: [...labels, label].join('・'), before: fb, after: fa });
      }
    }
  };
  walk(before, after, [], []);
  return out;
}

/** Every key path of before/after without a label (a test keeps this empty for what the app writes). */
export function unlabelledAuditKeys(value: unknown, parent?: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => unlabelledAuditKeys(v, parent));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(auditFieldLabel(k, parent) || HIDDEN_KEYS.has(`${parent}.${k}`) ? [] : [parent ? `${parent}.${k}` : k]),
    ...unlabelledAuditKeys(v, k),
  ]);
}
