// マスタメンテナンス (R-MST-1/2): every master shares code, name, sort order and the valid flag;
// 部署 and 拠点 belong to a 会社, 部署 and 応対記録カテゴリ(小区分) have a parent, 契約条件 has a 区分.
import { z } from 'zod';
import type { Permission } from './access';
import { zString } from './common';

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
export const ZMasterKind = z.enum(MASTER_KINDS);
export type TMasterKind = z.infer<typeof ZMasterKind>;

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

/** 大区分 seeded for every tenant (SPEC R-REC-1). 面談 forms the interview history. */
export const RECORD_CATEGORIES_SEED = [
  ['01', '契約・労働'],
  ['02', 'プライベート情報'],
  ['03', '採用異動・職務資格'],
  ['04', '健康状態'],
  ['05', '休業休暇'],
  ['06', '評価情報'],
  ['07', 'その他'],
  ['08', '特記事項'],
  ['09', '面談'],
] as const;

// Codes: half-width letters, digits, - and _ (leading zeros kept: always a string).
export const MASTER_CODE_PATTERN = /^[0-9A-Za-z_-]{1,20}$/;

export const ZMasterItem = z.object({
  id: z.string(),
  kind: ZMasterKind,
  code: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  isValid: z.boolean(),
  companyId: z.string().nullable(),
  parentId: z.string().nullable(),
  isInUse: z.boolean(),
  updatedAt: z.string(),
});
export type TMasterItem = z.infer<typeof ZMasterItem>;

export const ZMasterListQuery = z.object({
  companyId: z.uuid().optional(),
  includeInvalid: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  q: zString('キーワード').trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export const ZMasterListResponse = z.object({
  items: z.array(ZMasterItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TMasterListResponse = z.infer<typeof ZMasterListResponse>;

export const ZMasterInput = z.object({
  code: zString('コード', { error: 'コードを入力してください' })
    .trim()
    .min(1, { error: 'コードを入力してください' })
    .regex(MASTER_CODE_PATTERN, { error: 'コードは半角英数字・-_ の20文字以内で入力してください' }),
  name: zString('名称', { error: '名称を入力してください' })
    .trim()
    .min(1, { error: '名称を入力してください' })
    .max(100, { error: '名称は100文字以内で入力してください' }),
  sortOrder: z
    .number({ error: '並び順は半角数字で入力してください' })
    .int({ error: '並び順は整数で入力してください' })
    .min(0, { error: '並び順は0以上で入力してください' })
    .max(999_999, { error: '並び順は999999以下で入力してください' })
    .default(0),
  isValid: z.boolean().default(true),
  companyId: z.uuid({ error: '会社の指定が正しくありません' }).nullable().default(null),
  parentId: z.uuid({ error: '上位の指定が正しくありません' }).nullable().default(null),
});
export type TMasterInput = z.infer<typeof ZMasterInput>;

export const ZReorderRequest = z.object({
  ids: z.array(z.uuid()).min(1).max(5000),
});

export const ZCsvImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
});
