// One union of error codes shared by servers and web, with each code's HTTP status and default
// Japanese message beside it: the Record types make both maps exhaustive, so a new code without a
// status or a message is a type error. The server kit's AppError and error handler read them.
import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'NOT_FOUND',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'TOO_MANY_REQUESTS',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_POLICY_VIOLATION',
  'CURRENT_PASSWORD_WRONG',
  'SETUP_ALREADY_DONE',
  'TENANT_CODE_TAKEN',
  'CONFLICT',
  'DUPLICATE_CODE',
  'MASTER_IN_USE',
  'DEPARTMENT_CYCLE',
  'LAST_SYSTEM_ADMIN',
  'CSV_INVALID',
  'CP932_UNENCODABLE',
  'NO_LINKED_EMPLOYEE',
  'PASSWORD_LINK_INVALID',
  'SERVICE_UNAVAILABLE',
  'USER_FIELD_LOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  SETUP_ALREADY_DONE: 409,
  TENANT_CODE_TAKEN: 409,
  CONFLICT: 409,
  DUPLICATE_CODE: 409,
  MASTER_IN_USE: 409,
  DEPARTMENT_CYCLE: 422,
  LAST_SYSTEM_ADMIN: 409,
  CSV_INVALID: 422,
  CP932_UNENCODABLE: 422,
  NO_LINKED_EMPLOYEE: 409,
  PASSWORD_LINK_INVALID: 410,
  USER_FIELD_LOCKED: 409,
  PASSWORD_POLICY_VIOLATION: 422,
  CURRENT_PASSWORD_WRONG: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '入力内容に誤りがあります',
  UNAUTHENTICATED: 'ログインしてください',
  // Also the answer while locked out: naming the lock would tell that the account exists (decision 004).
  INVALID_CREDENTIALS:
    '企業コード、ログインIDまたはパスワードが正しくありません。続けて失敗すると一定時間ログインできなくなります',
  FORBIDDEN: 'この操作を行う権限がありません',
  CSRF_FAILED: '画面の有効期限が切れました。もう一度操作してください',
  ACCOUNT_DISABLED: 'このアカウントは利用停止されています',
  PASSWORD_CHANGE_REQUIRED: 'パスワードの変更が必要です',
  NOT_FOUND: '対象が見つかりません',
  SETUP_ALREADY_DONE: '初期設定は完了しています',
  TENANT_CODE_TAKEN: 'この企業コードは既に使われています',
  CONFLICT: '他の操作と競合しました。もう一度操作してください',
  DUPLICATE_CODE: 'このコードは既に使われています',
  MASTER_IN_USE: '使用中のため削除できません。無効にしてください',
  DEPARTMENT_CYCLE: '上位部署に自分自身または配下の部署は指定できません',
  LAST_SYSTEM_ADMIN: 'システム管理者を0人にすることはできません',
  CSV_INVALID: 'ファイルにエラーがあるため、取り込みませんでした',
  CP932_UNENCODABLE: 'Shift_JISで保存できない文字があります。UTF-8またはExcelで出力してください',
  NO_LINKED_EMPLOYEE:
    'このアカウントには従業員情報が登録されていないため、マイページを表示できません。人事担当者にお問い合わせください',
  PASSWORD_LINK_INVALID:
    'このリンクは使用できません（有効期限切れ、または使用済みです）。「パスワードを忘れた方」から再設定用のメールを受け取ってください',
  // training: a linked user's ログインID, 氏名, 氏名カナ, メールアドレス are HR's (R-LINK-2); the message names the field
  USER_FIELD_LOCKED: '人事管理システムと連携中の項目は変更できません',
  PASSWORD_POLICY_VIOLATION: 'パスワードがパスワードポリシーを満たしていません',
  CURRENT_PASSWORD_WRONG: '現在のパスワードが正しくありません',
  TOO_MANY_REQUESTS: 'リクエストが多すぎます。しばらくしてから再度お試しください',
  SERVICE_UNAVAILABLE: 'ただいま処理を受け付けられません。しばらくしてから再度お試しください',
  INTERNAL: 'システムエラーが発生しました。しばらくしてから再度お試しください',
};

export const ZFieldError = z.object({ path: z.string(), message: z.string() });
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(ZFieldError).optional(),
    /**
     * お問い合わせ番号: the server's id of this request, in its log line too, so support can find what
     * happened from what the user reads off the screen (decision 024). Random, never sequential.
     */
    requestId: z.string(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** What a client accepts: an answer from an older server (during a rolling update) may lack the id. */
export const ZErrorResponseReceived = z.object({ error: ZErrorResponse.shape.error.partial({ requestId: true }) });
