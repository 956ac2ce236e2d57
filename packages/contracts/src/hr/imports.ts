// 一括登録・更新 (R-IMP-1…3): the columns of 「新規登録用ファイル」 with their input rules, and the job.
import { z } from 'zod';
import { zPageOf } from '../common/common';
import { FILE_FORMATS } from '../common/enums';

import { GENDERS } from './employees';
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type TImportKind } from './enums';
import { type TImportMessage, ZImportMessageCode, ZImportMessageParams } from './import-messages';

/**
 * A 部署 or 勤務地 as the Excel drop-down offers it, with its company: 営業部（株式会社アクメ）. Two companies
 * may both have an 営業部; the import reads this label back as well as a code or a plain name.
 */
const COMPANY_SCOPED_MASTERS: readonly string[] = ['department', 'location'];
type TLabelled = { id: string; kind: string; name: string; companyId: string | null };

/** The labeller of a tenant's masters: 営業部（株式会社アクメ） for a 部署 or 勤務地 of a known company, else null. */
export function companyScopedLabeller(masters: TLabelled[]): (m: TLabelled) => string | null {
  const companyName = new Map(masters.filter((m) => m.kind === 'company').map((m) => [m.id, m.name]));
  return (m) => {
    const company = m.companyId ? companyName.get(m.companyId) : undefined;
    return company && COMPANY_SCOPED_MASTERS.includes(m.kind) ? `${m.name}（${company}）` : null;
  };
}

export { IMPORT_KIND_LABELS, IMPORT_KINDS, type TImportKind };
export const ZImportKind = z.enum(IMPORT_KINDS);

/** The file a template or an export is downloaded as: CSV in UTF-8 (BOM) or Shift_JIS, or Excel. */
export const ZFileFormat = z.enum(FILE_FORMATS);

export const ZImportColumn = z.object({
  key: z.string(),
  header: z.string(),
  required: z.boolean(),
  format: z.string(),
  example: z.string(),
  /** a master whose code or name the cell may give */
  master: z.string().optional(),
  /** the fixed values the cell takes (the Excel file offers them as a drop-down) */
  choices: z.array(z.string()).optional(),
});
export type ImportColumn = z.infer<typeof ZImportColumn>;
/** 入力規則: the columns of a kind's file. */
export const ZImportColumnsResponse = z.object({ columns: z.array(ZImportColumn) });
export type TImportColumnsResponse = z.infer<typeof ZImportColumnsResponse>;

const DATE_RULE = '日付（2025/04/01, 2025-04-01, 20250401, 和暦 昭和60年4月1日・S60.4.1, Excelの日付）';

export const IMPORT_COLUMNS_NEW: ImportColumn[] = [
  {
    key: 'employeeNumber',
    header: '社員番号',
    required: false,
    format: '半角英数字記号30文字以内（コード設定が「ユーザー設定」の場合は自動採番）',
    example: '000123',
  },
  {
    key: 'loginId',
    header: 'ログインID',
    required: false,
    format: '半角英数字記号128文字以内（システムを利用する場合）',
    example: 'yamada.hanako',
  },
  { key: 'lastName', header: '本名(姓)', required: true, format: '50文字以内', example: '山田' },
  { key: 'firstName', header: '本名(名)', required: true, format: '50文字以内', example: '花子' },
  {
    key: 'lastNameKana',
    header: '本名(かな)(せい)',
    required: true,
    format: 'ひらがな・カタカナ（半角カナ可）',
    example: 'やまだ',
  },
  {
    key: 'firstNameKana',
    header: '本名(かな)(めい)',
    required: true,
    format: 'ひらがな・カタカナ（半角カナ可）',
    example: 'はなこ',
  },
  { key: 'businessLastName', header: 'ビジネスネーム(姓)', required: false, format: '50文字以内', example: '' },
  { key: 'businessFirstName', header: 'ビジネスネーム(名)', required: false, format: '50文字以内', example: '' },
  { key: 'birthDate', header: '生年月日', required: true, format: DATE_RULE, example: '1990/04/01' },
  {
    key: 'gender',
    header: '性別',
    required: true,
    format: GENDERS.join(' / '),
    example: '女性',
    choices: [...GENDERS],
  },
  { key: 'hireDate', header: '入社日', required: true, format: DATE_RULE, example: '2022/02/20' },
  { key: 'retirementDate', header: '退職日', required: false, format: `${DATE_RULE}、入社日以降`, example: '' },
  {
    key: 'email',
    header: 'メールアドレス',
    required: false,
    format: 'メールアドレス（ログインIDがある場合は必須）',
    example: 'yamada@example.co.jp',
  },
  {
    key: 'systemUseStartDate',
    header: 'システム利用開始日',
    required: false,
    format: DATE_RULE,
    example: '2022/04/01',
  },
  {
    key: 'isSystemUse',
    header: 'システム利用',
    required: false,
    format:
      '1（利用する）または 0（利用しない）。空欄は1。コード設定が「社員番号」「ユーザー設定」のとき、ログインIDを作るかを決めます',
    example: '1',
  },
  {
    key: 'postalCode',
    header: '郵便番号',
    required: false,
    format: '123-4567（ハイフンなし・全角・〒付きも可。123-4567 で登録）',
    example: '130-0012',
  },
  { key: 'prefecture', header: '都道府県', required: false, format: '10文字以内', example: '東京都' },
  { key: 'city', header: '市区町村', required: false, format: '100文字以内', example: '墨田区' },
  { key: 'street', header: '番地', required: false, format: '100文字以内', example: '太平1-1-1' },
  { key: 'building', header: '建物', required: false, format: '100文字以内', example: '' },
  {
    key: 'phone',
    header: '電話番号',
    required: false,
    format: '数字・ハイフン・括弧・+ の20文字以内',
    example: '03-1234-5678',
  },
  {
    key: 'mobilePhone',
    header: '携帯電話番号',
    required: false,
    format: '数字・ハイフン・括弧・+ の20文字以内',
    example: '090-1234-5678',
  },
  {
    key: 'companyId',
    header: '会社',
    required: false,
    format: 'マスタのコードまたは名称',
    example: '001',
    master: 'company',
  },
  {
    key: 'departmentId',
    header: '部署',
    required: false,
    format: 'マスタのコードまたは名称（会社の部署）',
    example: '',
    master: 'department',
  },
  {
    key: 'positionId',
    header: '役職',
    required: false,
    format: 'マスタのコードまたは名称',
    example: '',
    master: 'position',
  },
  { key: 'gradeId', header: '職位', required: false, format: 'マスタのコードまたは名称', example: '', master: 'grade' },
  {
    key: 'jobTypeId',
    header: '職種',
    required: false,
    format: 'マスタのコードまたは名称',
    example: '',
    master: 'job_type',
  },
  {
    key: 'locationId',
    header: '勤務地',
    required: false,
    format: 'マスタのコードまたは名称（会社の拠点）',
    example: '',
    master: 'location',
  },
  {
    key: 'employmentTypeId',
    header: '雇用形態',
    required: false,
    format: 'マスタのコードまたは名称',
    example: '',
    master: 'employment_type',
  },
  {
    key: 'workStyleId',
    header: '勤務形態',
    required: false,
    format: 'マスタのコードまたは名称',
    example: '',
    master: 'work_style',
  },
  {
    key: 'hiringCategoryId',
    header: '採用区分',
    required: false,
    format: 'マスタのコードまたは名称',
    example: '',
    master: 'hiring_category',
  },
  {
    key: 'isStartupTarget',
    header: '従業員スタートアップ対象フラグ',
    required: false,
    format: '1（対象）または 0・空欄（対象外）',
    example: '0',
  },
];

/** In an update file, a cell holding only this clears the value; an empty cell leaves it unchanged. */
export const CLEAR_MARKER = '#削除';

export const ASSIGNMENT_COLUMN_KEYS = ['companyId', 'departmentId', 'positionId', 'gradeId', 'jobTypeId', 'locationId'];
export const CONTRACT_COLUMN_KEYS = ['employmentTypeId', 'workStyleId', 'hiringCategoryId'];

const updateColumn = (c: ImportColumn): ImportColumn => ({
  ...c,
  required: false,
  format: c.required ? `${c.format}（空欄は変更なし）` : `${c.format}（空欄は変更なし、${CLEAR_MARKER} で削除）`,
  example: c.master ? '' : c.example,
});

/** 「更新用ファイル」 (R-IMP-4): employees are found by 社員番号; only the columns present change. */
export const IMPORT_COLUMNS_UPDATE: ImportColumn[] = [
  {
    key: 'employeeNumber',
    header: '社員番号',
    required: true,
    format: '登録済みの社員番号（更新する従業員を特定します。変更はできません）',
    example: '000123',
  },
  ...IMPORT_COLUMNS_NEW.filter((c) => c.key !== 'employeeNumber' && c.key !== 'isSystemUse').flatMap((c) => {
    if (c.key === 'loginId')
      return [
        {
          ...c,
          format:
            '半角英数字記号128文字以内。入力するとログインIDを設定・変更します（なければアカウントを作成。空欄は変更なし、削除はできません）',
        },
      ];
    const col = updateColumn(c);
    if (c.key === 'locationId')
      return [
        col,
        {
          key: 'assignmentStartDate',
          header: '所属適用日',
          required: false,
          format: `${DATE_RULE}。会社〜勤務地を変更する場合は必須（この日から新しい所属になります）`,
          example: '',
        },
      ];
    if (c.key === 'hiringCategoryId')
      return [
        col,
        {
          key: 'contractStartDate',
          header: '契約適用日',
          required: false,
          format: `${DATE_RULE}。雇用形態〜採用区分を変更する場合は必須`,
          example: '',
        },
      ];
    return [col];
  }),
];

export const IMPORT_STATUSES = ['processing', 'succeeded', 'failed'] as const;
export const IMPORT_STATUS_LABELS = { processing: '処理中', succeeded: '正常終了', failed: 'エラー終了' } as const;

export const ZImportJob = z.object({
  id: z.string(),
  kind: ZImportKind,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  actorLoginId: z.string().nullable(),
  actorName: z.string().nullable(),
  rowsTotal: z.number().int(),
  rowsValidated: z.number().int(),
  rowsWritten: z.number().int(),
  /** ログ内容 in Japanese; `logCode` + `logParams` say the same for the web to show in the user's language */
  log: z.string(),
  logCode: ZImportMessageCode,
  logParams: ZImportMessageParams,
  errorCount: z.number().int(),
});
export type TImportJob = z.infer<typeof ZImportJob>;

/** One problem of an import; 社員番号 and 氏名 say whose row it is (null for header and file errors). */
export const ZImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  /** 内容 in Japanese (as the CSV report); `code` + `params` (import-messages) for other languages */
  message: z.string(),
  code: ZImportMessageCode,
  params: ZImportMessageParams,
  employeeNumber: z.string().nullable(),
  employeeName: z.string().nullable(),
});
export type TImportError = z.infer<typeof ZImportError>;
/** What a handler reports (a code of import-messages, never free text); the pipeline adds whose row it is. */
export type TImportProblem = Pick<TImportError, 'row' | 'column'> & { problem: TImportMessage };

/** 取込履歴, newest first. */
export const ZImportJobListResponse = zPageOf(ZImportJob);
export type TImportJobListResponse = z.infer<typeof ZImportJobListResponse>;

/** 取込エラー一覧, a page of one job's problems. */
export const ZImportErrorListResponse = zPageOf(ZImportError);
export type TImportErrorListResponse = z.infer<typeof ZImportErrorListResponse>;
