import { ERROR_MESSAGES, ERROR_STATUS, type ErrorCode, type TFieldError } from '@jinji/contracts/common/errors';

// Services throw AppError(code); the error handler answers with the code's status from the one map in
// contracts. Generic so that a caller that narrowed the code keeps it narrowed.
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly fields: TFieldError[] | undefined;

  constructor(code: C, message?: string, fields?: TFieldError[]) {
    super(message ?? ERROR_MESSAGES[code]);
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
