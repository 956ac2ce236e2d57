import type { ErrorCode, TFieldError } from '@jinji/contracts/common/errors';

// Every error code maps to one HTTP status; the Record type makes the map exhaustive.
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
  PASSWORD_POLICY_VIOLATION: 422,
  CURRENT_PASSWORD_WRONG: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
};

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
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
  PASSWORD_POLICY_VIOLATION: 'パスワードがパスワードポリシーを満たしていません',
  CURRENT_PASSWORD_WRONG: '現在のパスワードが正しくありません',
  TOO_MANY_REQUESTS: 'リクエストが多すぎます。しばらくしてから再度お試しください',
  INTERNAL: 'システムエラーが発生しました。しばらくしてから再度お試しください',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: TFieldError[] | undefined;

  constructor(code: ErrorCode, message?: string, fields?: TFieldError[]) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
