import { z } from 'zod';

// 一般 is implicit for every account (My STORY only) and is not stored as a membership.
export const ADMIN_ROLES = ['system_admin', 'full_admin', 'hr_admin', 'employee_admin', 'human_capital_admin'] as const;
export const ZAdminRole = z.enum(ADMIN_ROLES);
export type TAdminRole = z.infer<typeof ZAdminRole>;

export const ROLE_LABELS_JA: Record<TAdminRole, string> = {
  system_admin: 'システム管理者',
  full_admin: '全権管理者',
  hr_admin: '人事管理者',
  employee_admin: '従業員管理者',
  human_capital_admin: '人的資本管理者',
};
