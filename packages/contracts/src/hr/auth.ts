import { z } from 'zod';
import { zString } from '../common/common';
import { ZAdminRole } from './roles';

export const ZCsrfResponse = z.object({ csrfToken: z.string() });

export const ZLoginRequest = z.object({
  tenantCode: zString('企業コード')
    .trim()
    .min(1, { error: '企業コードを入力してください' })
    .max(32, { error: '企業コードは32文字以内で入力してください' }),
  loginId: zString('ログインID')
    .trim()
    .min(1, { error: 'ログインIDを入力してください' })
    .max(128, { error: 'ログインIDは128文字以内で入力してください' }),
  password: zString('パスワード')
    .min(1, { error: 'パスワードを入力してください' })
    .max(1024, { error: 'パスワードが長すぎます' }),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMeResponse = z.object({
  user: z.object({
    id: z.string(),
    loginId: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
  }),
  tenant: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  roles: z.array(ZAdminRole),
  /** what the roles allow (the matrix of @jinji/contracts/access): menus are built from this */
  permissions: z.array(z.string()),
  /** true: パスワードの有効期限切れ等で変更が必要。変更するまで他のAPIは使えない */
  mustChangePassword: z.boolean(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;

/** GET /auth/session: who is signed in, or null — a 200 either way, so a signed-out page logs no failed request. */
export const ZSessionResponse = z.object({ me: ZMeResponse.nullable() });
export type TSessionResponse = z.infer<typeof ZSessionResponse>;
