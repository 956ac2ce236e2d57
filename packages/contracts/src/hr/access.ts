// アクセス権限管理: the feature × role matrix (R-ROLE-1). Rows the seed's 権限一覧イメージ shows keep its
// ○/- exactly; the others are jinji's defaults, documented in docs/access-matrix.md. Deny by default.
import { z } from 'zod';
import { zPageOf, zString } from '../common/common';
import { type TAdminRole, ZAdminRole } from './roles';

type Row = {
  /** 大区分 / 小区分 / 機能 as the seed's table shows them */
  group: string;
  subgroup: string;
  feature: string;
  roles: readonly TAdminRole[];
};

const MASTER_ROLES = ['system_admin', 'full_admin', 'hr_admin'] as const;

export const PERMISSIONS = {
  'masters.view': {
    group: 'マスタメンテナンス',
    subgroup: 'マスタメンテナンス',
    feature: 'マスタメンテナンス一覧',
    roles: MASTER_ROLES,
  },
  'masters.company': { group: 'マスタメンテナンス', subgroup: '会社一覧', feature: '会社', roles: MASTER_ROLES },
  'masters.department': { group: 'マスタメンテナンス', subgroup: '部署一覧', feature: '部署', roles: MASTER_ROLES },
  'masters.location': { group: 'マスタメンテナンス', subgroup: '拠点一覧', feature: '拠点', roles: MASTER_ROLES },
  'masters.contract': {
    group: 'マスタメンテナンス',
    subgroup: '契約条件設定',
    feature: '契約条件設定',
    roles: MASTER_ROLES,
  },
  'masters.position': {
    group: 'マスタメンテナンス',
    subgroup: '役職・職位設定',
    feature: '役職・職位設定',
    roles: MASTER_ROLES,
  },
  'masters.job_type': { group: 'マスタメンテナンス', subgroup: '職種設定', feature: '職種設定', roles: MASTER_ROLES },
  'masters.license': {
    group: 'マスタメンテナンス',
    subgroup: '資格・免許設定',
    feature: '資格・免許設定',
    roles: MASTER_ROLES,
  },
  'masters.disability_type': {
    group: 'マスタメンテナンス',
    subgroup: '障がい種類',
    feature: '障がい種類設定',
    roles: MASTER_ROLES,
  },
  'masters.record_category': {
    group: 'マスタメンテナンス',
    subgroup: '応対記録カテゴリ',
    feature: '応対記録カテゴリ設定',
    roles: MASTER_ROLES,
  },
  'system.password_policy': {
    group: 'システム管理',
    subgroup: 'システム管理',
    feature: 'パスワードポリシー設定',
    roles: ['system_admin'],
  },
  'system.code_settings': {
    group: 'システム管理',
    subgroup: 'システム管理',
    feature: 'コード設定',
    roles: ['system_admin'],
  },
  'system.access_control': {
    group: 'システム管理',
    subgroup: 'システム管理',
    feature: 'アクセス権限管理',
    roles: ['system_admin'],
  },
  'system.audit_log': { group: 'システム管理', subgroup: 'システム管理', feature: '操作ログ', roles: ['system_admin'] },
  'system.mail_log': {
    group: 'システム管理',
    subgroup: 'システム管理',
    feature: '送信メール一覧',
    roles: ['system_admin'],
  },
  'employees.view': {
    group: '従業員',
    subgroup: '従業員',
    feature: '従業員一覧・詳細（閲覧）',
    roles: ['system_admin', 'full_admin', 'hr_admin', 'employee_admin'],
  },
  'employees.edit': {
    group: '従業員',
    subgroup: '従業員',
    feature: '従業員 新規登録・編集',
    roles: ['full_admin', 'hr_admin', 'employee_admin'],
  },
  'employees.sensitive': {
    group: '従業員',
    subgroup: '要配慮情報',
    feature: '健康状態・障がい・賞罰・プライベート情報',
    roles: ['full_admin', 'hr_admin'],
  },
  'employees.import': {
    group: '従業員',
    subgroup: '一括登録・更新',
    feature: '一括登録・更新',
    roles: ['full_admin', 'hr_admin'],
  },
  'employees.profile_settings': {
    group: '従業員',
    subgroup: '個人プロフィール',
    feature: '個人プロフィール出力設定の変更',
    roles: ['full_admin', 'hr_admin'],
  },
  'training.view': {
    group: '研修メニュー',
    subgroup: '研修メニュー',
    feature: '研修一覧・申込履歴一覧・受講者詳細',
    roles: ['full_admin', 'hr_admin', 'employee_admin'],
  },
  'records.manage': {
    group: '応対記録',
    subgroup: '応対記録',
    feature: '対応記録一覧・期限付きタスク',
    roles: ['full_admin', 'hr_admin'],
  },
  // approve-only: 届出承認者 decides the steps routed to it without any right on the employee master
  'requests.approve': {
    group: '届出',
    subgroup: '届出',
    feature: '届出の承認（承認ルートで指定されたもの）',
    roles: ['full_admin', 'hr_admin', 'request_approver'],
  },
  'requests.manage': {
    group: '届出',
    subgroup: '届出種類設定',
    feature: '届出種類・承認ルート・所属長の設定',
    roles: ['system_admin', 'full_admin', 'hr_admin'],
  },
  'human_capital.view': {
    group: '人的資本',
    subgroup: '人的資本',
    feature: '人的資本ダッシュボード',
    roles: ['full_admin', 'human_capital_admin'],
  },
} as const satisfies Record<string, Row>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

export const isPermission = (key: string): key is Permission => Object.hasOwn(PERMISSIONS, key);

export function isAllowed(roles: readonly TAdminRole[], permission: Permission): boolean {
  const allowed: readonly TAdminRole[] = PERMISSIONS[permission].roles;
  return roles.some((r) => allowed.includes(r));
}

export const ZMatrixRow = z.object({
  permission: z.string(),
  group: z.string(),
  subgroup: z.string(),
  feature: z.string(),
  allowed: z.record(ZAdminRole, z.boolean()),
});
export const ZMatrixResponse = z.object({
  roles: z.array(z.object({ role: ZAdminRole, label: z.string(), memberCount: z.number().int() })),
  rows: z.array(ZMatrixRow),
});
export type TMatrixResponse = z.infer<typeof ZMatrixResponse>;

export const ZRoleMember = z.object({
  userId: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  addedAt: z.string(),
});
export type TRoleMember = z.infer<typeof ZRoleMember>;
export const ZRoleMembersResponse = zPageOf(ZRoleMember).extend({ role: ZAdminRole, label: z.string() });
export type TRoleMembersResponse = z.infer<typeof ZRoleMembersResponse>;
export const ZRoleMembersQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** 【適用】 collects additions and 削除 checks; 【更新】 sends them in one request (all or nothing). */
export const ZUpdateRoleMembersRequest = z.object({
  add: z
    .array(z.uuid({ error: '対象者の指定が正しくありません' }))
    .max(1000)
    .default([]),
  remove: z
    .array(z.uuid({ error: '対象者の指定が正しくありません' }))
    .max(1000)
    .default([]),
});
export type TUpdateRoleMembersRequest = z.infer<typeof ZUpdateRoleMembersRequest>;

export const ZAccountSearchQuery = z.object({
  q: zString('キーワード').trim().max(100).default(''),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZAccountSearchResponse = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      loginId: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
      roles: z.array(ZAdminRole),
      /** ISO time the login lock ends; null = not locked (decision 004 "Lockout") */
      lockedUntil: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export type TAccountSearchResponse = z.infer<typeof ZAccountSearchResponse>;
/** One account of the search: what the member pickers show and keep. */
export type TAccount = TAccountSearchResponse['items'][number];

/** 【ロック解除】 */
export const ZAccountParams = z.object({ userId: z.uuid({ error: '対象者の指定が正しくありません' }) });
