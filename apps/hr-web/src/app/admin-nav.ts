// The admin menu, in the seed's order. Each leaf names the permission (matrix of
// @jinji/contracts/access) that shows it; a group with no visible leaf is hidden.
// Items without a page yet route to the 準備中 page.
import type { Permission } from '@jinji/contracts/hr/access';
import type { TResources } from './i18n';

type TNavKey = keyof TResources['nav'];
export type TNavLeaf = { label: TNavKey; to: string; permission?: Permission };
export type TNavGroup = { label: TNavKey; children: TNavLeaf[] };
export type TNavItem = TNavLeaf | TNavGroup;

export const ADMIN_NAV: TNavItem[] = [
  { label: 'home', to: '/admin' },
  {
    label: 'employees',
    children: [
      { label: 'employeeList', to: '/admin/employees', permission: 'employees.view' },
      { label: 'employeeNew', to: '/admin/employees/new', permission: 'employees.edit' },
      { label: 'employeeImport', to: '/admin/employees/import', permission: 'employees.import' },
      { label: 'employeeGroups', to: '/admin/employees/groups', permission: 'employees.edit' },
      { label: 'profileSettings', to: '/admin/employees/profile-settings', permission: 'employees.view' },
    ],
  },
  { label: 'masters', to: '/admin/masters', permission: 'masters.view' },
  {
    label: 'requests',
    children: [
      // every account sees the requests it approves (a 届出承認者 has only this)
      { label: 'requestList', to: '/admin/requests' },
      { label: 'requestTypes', to: '/admin/requests/types', permission: 'requests.manage' },
    ],
  },
  {
    label: 'system',
    children: [
      { label: 'passwordPolicy', to: '/admin/system/password-policy', permission: 'system.password_policy' },
      { label: 'codeSettings', to: '/admin/system/code-settings', permission: 'system.code_settings' },
      { label: 'accessControl', to: '/admin/system/access', permission: 'system.access_control' },
      { label: 'auditLogs', to: '/admin/system/audit-logs', permission: 'system.audit_log' },
      { label: 'mailLog', to: '/admin/system/mails', permission: 'system.mail_log' },
    ],
  },
  {
    label: 'training',
    children: [
      { label: 'trainingCourses', to: '/admin/training/courses', permission: 'training.view' },
      { label: 'trainingApplications', to: '/admin/training/applications', permission: 'training.view' },
      { label: 'trainingAttendees', to: '/admin/training/attendees', permission: 'training.view' },
    ],
  },
  {
    label: 'records',
    children: [
      { label: 'recordList', to: '/admin/records', permission: 'records.manage' },
      { label: 'recordTasks', to: '/admin/records/tasks', permission: 'records.manage' },
    ],
  },
];

/** The menu as one user sees it: leaves they may open, groups that keep at least one leaf. */
export function visibleNav(permissions: readonly string[]): TNavItem[] {
  const may = (leaf: TNavLeaf) => !leaf.permission || permissions.includes(leaf.permission);
  return ADMIN_NAV.flatMap((item): TNavItem[] => {
    if (!('children' in item)) return may(item) ? [item] : [];
    const children = item.children.filter(may);
    return children.length > 0 ? [{ ...item, children }] : [];
  });
}
