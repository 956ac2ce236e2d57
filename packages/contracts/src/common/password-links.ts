// The public routes of a one-time password link (decisions 010, 012), the same in every app: what the
// link is for (whose account, the policy to meet) and setting the password with it. The tenant is the
// app's (企業 in HR, 契約組織 in training); the token travels in bodies only.
import { z } from 'zod';
import { zString } from './common';
import { ZPasswordPolicy } from './password-policy';

/** the token travels in bodies only (never in an API path), so no request log can hold it */
const ZToken = zString('リンク')
  .min(1, { error: 'リンクが正しくありません' })
  .max(200, { error: 'リンクが正しくありません' });

export const ZPasswordLinkRequest = z.object({ token: ZToken });
export type TPasswordLinkRequest = z.infer<typeof ZPasswordLinkRequest>;

export const ZPasswordLinkResponse = z.object({
  purpose: z.enum(['notice', 'reset']),
  tenantCode: z.string(),
  tenantName: z.string(),
  loginId: z.string(),
  expiresAt: z.string(),
  policy: ZPasswordPolicy,
});
export type TPasswordLinkResponse = z.infer<typeof ZPasswordLinkResponse>;

export const ZSetPasswordByLinkRequest = z.object({
  token: ZToken,
  newPassword: zString('新しいパスワード').min(1, { error: '新しいパスワードを入力してください' }).max(1024),
});
export type TSetPasswordByLinkRequest = z.infer<typeof ZSetPasswordByLinkRequest>;

export const ZSetPasswordByLinkResponse = z.object({ tenantCode: z.string(), loginId: z.string() });
export type TSetPasswordByLinkResponse = z.infer<typeof ZSetPasswordByLinkResponse>;
