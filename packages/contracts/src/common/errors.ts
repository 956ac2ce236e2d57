// One union of error codes shared by servers and web. The server maps each code to an HTTP status
// exhaustively (apps/hr-server/src/lib/app-error.ts); messages are Japanese first.
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
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ZFieldError = z.object({ path: z.string(), message: z.string() });
export type TFieldError = z.infer<typeof ZFieldError>;

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    fields: z.array(ZFieldError).optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
