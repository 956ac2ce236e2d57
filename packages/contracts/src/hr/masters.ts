// マスタメンテナンス (R-MST-1/2): every master shares code, name, sort order and the valid flag;
// 部署 and 拠点 belong to a 会社, 部署 and 応対記録カテゴリ(小区分) have a parent, 契約条件 has a 区分.
import { z } from 'zod';
import { zPageOf, zString } from '../common/common';
import { MASTER_KIND_INFO, MASTER_KINDS, type MasterKindInfo, type TMasterKind } from './enums';

export { MASTER_KIND_INFO, MASTER_KINDS, type MasterKindInfo, type TMasterKind };
export const ZMasterKind = z.enum(MASTER_KINDS);

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

/** マスタメンテナンス一覧: the number of rows of each kind (a kind with no rows is absent). */
export const ZMasterCountsResponse = z.object({ counts: z.record(z.string(), z.number().int()) });
export type TMasterCountsResponse = z.infer<typeof ZMasterCountsResponse>;

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
/** A list row; `depth` is its level in the 部署 tree (0 = top, and always 0 for kinds without a tree). */
export const ZMasterListItem = ZMasterItem.extend({ depth: z.number().int() });
export type TMasterListItem = z.infer<typeof ZMasterListItem>;
export const ZMasterListResponse = zPageOf(ZMasterListItem);
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
