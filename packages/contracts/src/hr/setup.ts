import { z } from 'zod';
import { zString } from '../common/common';

export const TENANT_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{1,31}$/;
export const LOGIN_ID_PATTERN = /^[\x21-\x7e]{1,128}$/;

export const ZSetupStatus = z.object({ needsSetup: z.boolean() });

// The same operation as `npm run jinji -- tenant:create`.
export const ZCreateTenantRequest = z.object({
  tenantCode: zString('企業コード')
    .trim()
    .regex(TENANT_CODE_PATTERN, { error: '企業コードは半角英小文字・数字・-_ の2〜32文字で入力してください' }),
  tenantName: zString('企業名')
    .trim()
    .min(1, { error: '企業名を入力してください' })
    .max(100, { error: '企業名は100文字以内で入力してください' }),
  adminLoginId: zString('ログインID')
    .trim()
    .regex(LOGIN_ID_PATTERN, { error: 'ログインIDは半角英数字記号の128文字以内で入力してください' }),
  adminPassword: zString('パスワード').min(1, { error: 'パスワードを入力してください' }).max(1024),
  adminEmail: z.email({ error: 'メールアドレスの形式が正しくありません' }).max(254),
});
export type TCreateTenantRequest = z.infer<typeof ZCreateTenantRequest>;
export const ZCreateTenantResponse = z.object({ tenantCode: z.string() });
export type TCreateTenantResponse = z.infer<typeof ZCreateTenantResponse>;
