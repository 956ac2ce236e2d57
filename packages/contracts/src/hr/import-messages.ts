// Every message an import writes to 取込履歴 (the job's log) and 取込エラー一覧, as a code with parameters.
// They are stored so (import_jobs.log_code, import_errors.code) and rendered when read: Japanese by the
// API (`message`, `log`, the CSV error report), the user's language in the web (i18next, these same
// templates). Dates and unreadable files have their own catalogues where their readers live.
import { DATE_MESSAGES_EN, DATE_MESSAGES_JA } from '@jinji/ja/dates';
import { renderMessage, type TMessage, type TMessageParam } from '@jinji/ja/messages';
import { FILE_READ_MESSAGES_EN, FILE_READ_MESSAGES_JA } from '@jinji/office-files/file-read-error';
import { z } from 'zod';

const OWN_JA = {
  // the job's log (取込履歴 ログ内容)
  logCreated: '{{count}}件を登録しました',
  logUpdated: '{{count}}件を更新しました',
  logUpdatedWithUnchanged: '{{count}}件を更新しました（変更のない行 {{unchanged}}件）',
  logAttendance: '{{count}}件の勤怠実績を取り込みました',
  logErrorsNew: 'エラー {{count}}件（登録は行っていません）',
  logErrorsUpdate: 'エラー {{count}}件（更新は行っていません）',
  logErrorsAttendance: 'エラー {{count}}件（取込は行っていません）',
  logBadHeader: '1行目の項目名が正しくありません',
  logDuplicateWhileWriting: '登録中に社員番号またはログインIDの重複が見つかりました（登録は行っていません）',
  logMastersChanged: '取込中にマスタが変更されました',
  logEmployeesChanged: '取込中に従業員データが変更されました',
  // the header row
  headerMissing: '必須の項目「{{column}}」の列がありません',
  headerUnknown: '不明な項目名です「{{column}}」',
  headerDuplicate: '項目名が重複しています「{{column}}」',
  noDataRows: 'データ行がありません',
  // cells (the field rules are employee-rules', the same words as the form)
  required: '{{field}}を入力してください',
  kana: '{{field}}はひらがな・カタカナで入力してください',
  emailFormat: '{{field}}の形式が正しくありません',
  codeFormat: '{{field}}は半角英数字記号で入力してください',
  postalFormat: '{{field}}は 123-4567 の形式で入力してください',
  phoneFormat: '{{field}}は数字・ハイフン・括弧・+ で入力してください（例: 03-1234-5678）',
  tooLong: '{{field}}は{{max}}文字以内で入力してください',
  /** a format problem with the cell quoted after it */
  quoted: '{{problem}}「{{value}}」',
  gender: '性別は 男性・女性・その他・回答しない のいずれかを入力してください「{{value}}」',
  flag: '{{field}}は 1 または 0 を入力してください「{{value}}」',
  birthInFuture: '生年月日に未来の日付は入力できません',
  hireBeforeBirth: '入社日は生年月日より後の日付を入力してください',
  retirementBeforeHire: '退職日は入社日以降の日付を入力してください',
  emailForSystemUse: 'システムを利用する場合はメールアドレスを入力してください',
  masterInvalid: '無効になっているマスタです「{{value}}」',
  masterNotFound: 'マスタに見つかりません「{{value}}」',
  masterAmbiguous: '同じ名称が複数あります。コードで指定してください「{{value}}」',
  duplicateInFile: 'ファイル内で重複しています（行 {{line}}）「{{value}}」',
  duplicateMonthInFile: 'ファイル内で重複しています（行 {{line}}）',
  alreadyRegistered: '既に登録されています「{{value}}」',
  // 更新用ファイル
  notRegistered: '登録されていない社員番号です「{{value}}」',
  cannotClear: '{{field}}は削除できません（{{marker}}）',
  notOfCompany: '会社「{{company}}」に属していません',
  assignmentNeedsDate: '所属を変更する場合は{{field}}を入力してください',
  contractNeedsDate: '契約を変更する場合は{{field}}を入力してください',
  notBeforeHire: '入社日以降の日付を入力してください',
  afterLatestAssignment: '最新の所属（{{date}}〜）より後の日付を入力してください',
  afterLatestContract: '最新の契約（{{date}}〜）より後の日付を入力してください',
  // 勤怠実績
  timeFormat: '時間は 160:30 の形式で入力してください「{{value}}」',
  timeTooLarge: '1か月の時間としては大きすぎます（744:00まで）「{{value}}」',
  countFormat: '0以上の整数で入力してください「{{value}}」',
  countTooLarge: '{{max}}回以内で入力してください「{{value}}」',
  daysFormat: '0以上の数値を0.5単位で入力してください「{{value}}」',
  daysTooLarge: '{{max}}日以内で入力してください「{{value}}」',
  futureMonth: '未来の年月は入力できません「{{value}}」',
} as const;

const OWN_EN: Record<keyof typeof OWN_JA, string> = {
  logCreated: 'Registered {{count}} employees',
  logUpdated: 'Updated {{count}} employees',
  logUpdatedWithUnchanged: 'Updated {{count}} employees ({{unchanged}} rows without changes)',
  logAttendance: 'Imported {{count}} attendance records',
  logErrorsNew: '{{count}} errors (nothing was registered)',
  logErrorsUpdate: '{{count}} errors (nothing was updated)',
  logErrorsAttendance: '{{count}} errors (nothing was imported)',
  logBadHeader: 'The column names in row 1 are not correct',
  logDuplicateWhileWriting: 'A duplicate 社員番号 or ログインID was found while registering (nothing was registered)',
  logMastersChanged: 'The masters changed during the import',
  logEmployeesChanged: 'Employee data changed during the import',
  headerMissing: 'The required column "{{column}}" is missing',
  headerUnknown: 'Unknown column name "{{column}}"',
  headerDuplicate: 'The column name "{{column}}" appears twice',
  noDataRows: 'The file has no data rows',
  required: 'Enter {{field}}',
  kana: 'Enter {{field}} in hiragana or katakana',
  emailFormat: '{{field}} is not a valid email address',
  codeFormat: 'Enter {{field}} in half-width letters, digits and symbols',
  postalFormat: 'Enter {{field}} as 123-4567',
  phoneFormat: 'Enter {{field}} with digits, hyphens, parentheses and + (e.g. 03-1234-5678)',
  tooLong: '{{field}} can be at most {{max}} characters',
  quoted: '{{problem}}: "{{value}}"',
  gender: 'Gender must be one of 男性, 女性, その他, 回答しない: "{{value}}"',
  flag: 'Enter 1 or 0 for {{field}}: "{{value}}"',
  birthInFuture: 'The date of birth cannot be in the future',
  hireBeforeBirth: 'The hire date must be after the date of birth',
  retirementBeforeHire: 'The retirement date must be on or after the hire date',
  emailForSystemUse: 'An email address is required to use the system',
  masterInvalid: 'This master entry is disabled: "{{value}}"',
  masterNotFound: 'Not found in the masters: "{{value}}"',
  masterAmbiguous: 'Several master entries have this name; give the code: "{{value}}"',
  duplicateInFile: 'Duplicate in the file (row {{line}}): "{{value}}"',
  duplicateMonthInFile: 'Duplicate in the file (row {{line}})',
  alreadyRegistered: 'Already registered: "{{value}}"',
  notRegistered: 'No employee has this 社員番号: "{{value}}"',
  cannotClear: '{{field}} cannot be cleared ({{marker}})',
  notOfCompany: 'Does not belong to the company "{{company}}"',
  assignmentNeedsDate: 'Enter {{field}} to change the assignment',
  contractNeedsDate: 'Enter {{field}} to change the contract',
  notBeforeHire: 'Enter a date on or after the hire date',
  afterLatestAssignment: 'Enter a date after the latest assignment (from {{date}})',
  afterLatestContract: 'Enter a date after the latest contract (from {{date}})',
  timeFormat: 'Enter the time as 160:30: "{{value}}"',
  timeTooLarge: 'Too long for one month (at most 744:00): "{{value}}"',
  countFormat: 'Enter a whole number of 0 or more: "{{value}}"',
  countTooLarge: 'At most {{max}} times: "{{value}}"',
  daysFormat: 'Enter a number of 0 or more in steps of 0.5: "{{value}}"',
  daysTooLarge: 'At most {{max}} days: "{{value}}"',
  futureMonth: 'A future month cannot be entered: "{{value}}"',
};

export const IMPORT_MESSAGES_JA = { ...OWN_JA, ...DATE_MESSAGES_JA, ...FILE_READ_MESSAGES_JA } as const;
export type ImportMessageCode = keyof typeof IMPORT_MESSAGES_JA;
export const IMPORT_MESSAGES_EN: Record<ImportMessageCode, string> = {
  ...OWN_EN,
  ...DATE_MESSAGES_EN,
  ...FILE_READ_MESSAGES_EN,
};
export const IMPORT_MESSAGE_CODES = Object.keys(IMPORT_MESSAGES_JA) as ImportMessageCode[];

/** A stored message: a code of this catalogue (nested ones too) and its parameters. */
export type TImportMessage = { code: ImportMessageCode; params?: Record<string, TMessageParam> };
export const importMessage = (code: ImportMessageCode, params?: TImportMessage['params']): TImportMessage => ({
  code,
  params,
});
/** The Japanese of a stored message (the API's `message` and `log`, the CSV error report). */
export const importMessageJa = (m: TMessage): string => renderMessage(IMPORT_MESSAGES_JA, m);

const ZMessageParam: z.ZodType<TMessageParam> = z.union([z.string(), z.number(), z.lazy(() => ZMessage)]);
const ZMessage: z.ZodType<TMessage> = z.object({
  code: z.string(),
  params: z.record(z.string(), ZMessageParam).optional(),
});
/** code + params as the API returns them (null on rows written before codes were stored: then only the text). */
export const ZImportMessageCode = z.string().nullable();
export const ZImportMessageParams = z.record(z.string(), ZMessageParam).nullable();
