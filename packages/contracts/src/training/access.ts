// The training system's システム権限 (一般 / 承認者 / 管理者) × permission matrix. Deny by default: a
// permission not listed here is refused to everyone. Features add their rows here.
import { z } from 'zod';

export const SYSTEM_ROLES = ['general', 'approver', 'admin'] as const;
export const ZSystemRole = z.enum(SYSTEM_ROLES);
export type TSystemRole = z.infer<typeof ZSystemRole>;

export const SYSTEM_ROLE_LABELS: Record<TSystemRole, string> = {
  general: '一般',
  approver: '承認者',
  admin: '管理者',
};

const ALL = SYSTEM_ROLES;
const APPROVERS = ['approver', 'admin'] as const;
const ADMIN = ['admin'] as const;

export const TRAINING_PERMISSIONS = {
  /** 利用者情報 list, detail, CSV出力 */
  'users.view': ADMIN,
  /** 利用者情報 edit, ログイン情報送付 */
  'users.manage': ADMIN,
  /** 公開講座 search and detail */
  'courses.view': ALL,
  /** 公開講座 and its sessions: create, edit, delete */
  'courses.manage': ADMIN,
  /** お申込みフォーム, own applications, cancel and change */
  'applications.apply': ALL,
  /** 承認待ち, 承認決裁, 却下 */
  'applications.approve': APPROVERS,
  /** 申込一覧 of everyone, 受講者詳細, 出席 / 欠席 / 修了 */
  'applications.manage': ADMIN,
  /** SCIM tokens and the HR link settings */
  'integration.manage': ADMIN,
} as const satisfies Record<string, readonly TSystemRole[]>;

export type TTrainingPermission = keyof typeof TRAINING_PERMISSIONS;
export const ZTrainingPermission = z.enum(
  Object.keys(TRAINING_PERMISSIONS) as [TTrainingPermission, ...TTrainingPermission[]],
);

export const isTrainingAllowed = (role: TSystemRole, permission: string): boolean =>
  Object.hasOwn(TRAINING_PERMISSIONS, permission) &&
  (TRAINING_PERMISSIONS[permission as TTrainingPermission] as readonly TSystemRole[]).includes(role);

/** Every permission a システム権限 holds, in the matrix's order: what /auth/me hands the screens. */
export const trainingPermissionsOf = (role: TSystemRole): TTrainingPermission[] =>
  (Object.keys(TRAINING_PERMISSIONS) as TTrainingPermission[]).filter((p) => isTrainingAllowed(role, p));

/** A route's access for one permission: `{ config: can('users.view') }`. */
export const can = <P extends TTrainingPermission>(permission: P) => ({
  access: { kind: 'permission' as const, permission },
});
