import { z } from 'zod';
import { sessionResponseOf, ZLoginId, ZLoginPassword, ZSessionUser, zTenantCode } from '../common/auth';
import { ZAdminRole } from './roles';

export const ZLoginRequest = z.object({
  tenantCode: zTenantCode('企業コード'),
  loginId: ZLoginId,
  password: ZLoginPassword,
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMeResponse = z.object({
  user: ZSessionUser,
  tenant: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  roles: z.array(ZAdminRole),
  /** what the roles allow (the matrix of @jinji/contracts/access): menus are built from this */
  permissions: z.array(z.string()),
  /** true: パスワードの有効期限切れ等で変更が必要。変更するまで他のAPIは使えない */
  mustChangePassword: z.boolean(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;

/** GET /auth/session: who is signed in, or null. */
export const ZSessionResponse = sessionResponseOf(ZMeResponse);
export type TSessionResponse = z.infer<typeof ZSessionResponse>;
