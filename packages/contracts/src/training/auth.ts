// The course-application system's session routes, the same as HR's (GET /auth/csrf, POST /auth/login,
// POST /auth/logout, GET /auth/me, GET /auth/session), with its tenant, the 契約組織, in place of the company.
import { z } from 'zod';
import { sessionResponseOf, ZLoginId, ZLoginPassword, ZSessionUser, zTenantCode } from '../common/auth';
import { ZSystemRole, ZTrainingPermission } from './access';

/** POST /api/v1/auth/login */
export const ZTrainingLoginRequest = z.object({
  organizationCode: zTenantCode('組織コード'),
  loginId: ZLoginId,
  password: ZLoginPassword,
});
export type TTrainingLoginRequest = z.infer<typeof ZTrainingLoginRequest>;

/** POST /api/v1/auth/login (200) and GET /api/v1/auth/me */
export const ZTrainingMeResponse = z.object({
  user: ZSessionUser,
  organization: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  /** システム権限: which menus and actions the screens offer (the server decides again on every call) */
  systemRole: ZSystemRole,
  /** the permissions of that システム権限 (contracts/training/access.ts): the menu shows only these screens */
  permissions: z.array(ZTrainingPermission),
  /** true: the password must be changed before any other API answers */
  mustChangePassword: z.boolean(),
});
export type TTrainingMeResponse = z.infer<typeof ZTrainingMeResponse>;

/** GET /api/v1/auth/session */
export const ZTrainingSessionResponse = sessionResponseOf(ZTrainingMeResponse);
export type TTrainingSessionResponse = z.infer<typeof ZTrainingSessionResponse>;
