import { z } from 'zod';

import { ADMIN_ROLES, type TAdminRole } from './enums';

export { ADMIN_ROLES, type TAdminRole };
export const ZAdminRole = z.enum(ADMIN_ROLES);

export const ROLE_LABELS_JA: Record<TAdminRole, string> = {
  system_admin: 'システム管理者',
  full_admin: '全権管理者',
  hr_admin: '人事管理者',
  employee_admin: '従業員管理者',
  human_capital_admin: '人的資本管理者',
  request_approver: '届出承認者',
};
