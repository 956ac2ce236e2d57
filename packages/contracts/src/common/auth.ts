// The session routes every app serves the same way (HR and training alike): the CSRF token, and the
// login fields that are not the tenant's. Each app adds its tenant field and its own "me" shape.
import { z } from 'zod';
import { zString } from './common';

/** GET /api/v1/auth/csrf */
export const ZCsrfResponse = z.object({ csrfToken: z.string() });
export type TCsrfResponse = z.infer<typeof ZCsrfResponse>;

export const ZLoginId = zString('ログインID')
  .trim()
  .min(1, { error: 'ログインIDを入力してください' })
  .max(128, { error: 'ログインIDは128文字以内で入力してください' });

/** Any length the policy allows; the cap only keeps a hostile body from reaching argon2. */
export const ZLoginPassword = zString('パスワード')
  .min(1, { error: 'パスワードを入力してください' })
  .max(1024, { error: 'パスワードが長すぎます' });

/** The tenant's code on a login form, named as the app calls its tenant (企業コード, 組織コード). */
export const zTenantCode = (label: string) =>
  zString(label)
    .trim()
    .min(1, { error: `${label}を入力してください` })
    .max(32, { error: `${label}は32文字以内で入力してください` });

/** The signed-in user as every app describes them. */
export const ZSessionUser = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

/** GET /api/v1/auth/session: who is signed in, or null — a 200 either way, so a signed-out page logs no failed request. */
export const sessionResponseOf = <TMe extends z.ZodType>(me: TMe) => z.object({ me: me.nullable() });
