// The plain value lists the schemas are built from, and their labels: no zod here, so a module that
// only needs a list (the web's route guards, in its first download) does not pull zod in.
import type { Permission } from './access';

export const EMPLOYMENT_STATUSES = ['active', 'retired', 'upcoming'] as const;
export type TEmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export const EMPLOYEE_SORTS = ['employeeNumber', 'kana', 'hireDate', 'createdAt'] as const;

// 一般 is implicit for every account (My STORY only) and is not stored as a membership.
export const ADMIN_ROLES = [
  'system_admin',
  'full_admin',
  'hr_admin',
  'employee_admin',
  'human_capital_admin',
  'request_approver',
] as const;
export type TAdminRole = (typeof ADMIN_ROLES)[number];

export const IMPORT_KINDS = ['employees_new', 'employees_update', 'attendance'] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<TImportKind, string> = {
  employees_new: '新規登録',
  employees_update: '更新',
  attendance: '勤怠実績',
};

export const MASTER_KINDS = [
  'company',
  'department',
  'location',
  'employment_type',
  'work_style',
  'hiring_category',
  'position',
  'grade',
  'job_type',
  'license',
  'disability_type',
  'record_category',
  'record_subcategory',
] as const;
export type TMasterKind = (typeof MASTER_KINDS)[number];

export type MasterKindInfo = {
  label: string;
  /** the group shown on マスタメンテナンス一覧 */
  group: string;
  permission: Permission;
  /** 部署, 拠点: belong to a 会社 */
  hasCompany: boolean;
  /** the kind a parent must be (部署 → 部署, 小区分 → 大区分) */
  parentKind: TMasterKind | null;
  parentLabel: string | null;
  parentRequired: boolean;
};

export const MASTER_KIND_INFO: Record<TMasterKind, MasterKindInfo> = {
  company: {
    label: '会社',
    group: '会社',
    permission: 'masters.company',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  department: {
    label: '部署',
    group: '部署',
    permission: 'masters.department',
    hasCompany: true,
    parentKind: 'department',
    parentLabel: '上位部署',
    parentRequired: false,
  },
  location: {
    label: '拠点',
    group: '拠点',
    permission: 'masters.location',
    hasCompany: true,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  employment_type: {
    label: '雇用形態',
    group: '契約条件',
    permission: 'masters.contract',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  work_style: {
    label: '勤務形態',
    group: '契約条件',
    permission: 'masters.contract',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  hiring_category: {
    label: '採用区分',
    group: '契約条件',
    permission: 'masters.contract',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  position: {
    label: '役職',
    group: '役職・職位',
    permission: 'masters.position',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  grade: {
    label: '職位',
    group: '役職・職位',
    permission: 'masters.position',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  job_type: {
    label: '職種',
    group: '職種',
    permission: 'masters.job_type',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  license: {
    label: '資格・免許',
    group: '資格・免許',
    permission: 'masters.license',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  disability_type: {
    label: '障がい種類',
    group: '障がい種類',
    permission: 'masters.disability_type',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  record_category: {
    label: '応対記録カテゴリ（大区分）',
    group: '応対記録カテゴリ',
    permission: 'masters.record_category',
    hasCompany: false,
    parentKind: null,
    parentLabel: null,
    parentRequired: false,
  },
  record_subcategory: {
    label: '応対記録カテゴリ（小区分）',
    group: '応対記録カテゴリ',
    permission: 'masters.record_category',
    hasCompany: false,
    parentKind: 'record_category',
    parentLabel: '大区分',
    parentRequired: true,
  },
};
