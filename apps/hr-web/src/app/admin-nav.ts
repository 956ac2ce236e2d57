// The admin menu, in the seed's order. Items without a page yet route to the 準備中 page.
import type { TResources } from './locales/ja';

type TNavKey = keyof TResources['nav'];
export type TNavLeaf = { label: TNavKey; to: string };
export type TNavGroup = { label: TNavKey; children: TNavLeaf[] };

export const ADMIN_NAV: (TNavLeaf | TNavGroup)[] = [
  { label: 'home', to: '/admin' },
  {
    label: 'employees',
    children: [
      { label: 'employeeList', to: '/admin/employees' },
      { label: 'employeeNew', to: '/admin/employees/new' },
      { label: 'employeeImport', to: '/admin/employees/import' },
      { label: 'employeeGroups', to: '/admin/employees/groups' },
    ],
  },
  { label: 'masters', to: '/admin/masters' },
  {
    label: 'system',
    children: [
      { label: 'passwordPolicy', to: '/admin/system/password-policy' },
      { label: 'codeSettings', to: '/admin/system/codes' },
      { label: 'accessControl', to: '/admin/system/access-control' },
    ],
  },
  {
    label: 'training',
    children: [
      { label: 'trainingCourses', to: '/admin/training/courses' },
      { label: 'trainingApplications', to: '/admin/training/applications' },
      { label: 'trainingAttendees', to: '/admin/training/attendees' },
    ],
  },
  {
    label: 'records',
    children: [
      { label: 'recordList', to: '/admin/records' },
      { label: 'recordTasks', to: '/admin/records/tasks' },
    ],
  },
];
