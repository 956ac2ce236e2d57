// 個人プロフィール (R-PROF-1): the tenant's 個人プロフィール出力設定 and the per-output overrides of it.
// The settings are saved per tenant; an output (one sheet or a batch) may override any of them.
import { z } from 'zod';

/** 個人情報 items an output may print; an unchosen one prints as a run of 「*」. */
export const PROFILE_PERSONAL_ITEMS = ['identity', 'address', 'contacts', 'disabilityAwards'] as const;
export type TProfilePersonalItem = (typeof PROFILE_PERSONAL_ITEMS)[number];
export const PROFILE_PERSONAL_ITEM_LABELS: Record<TProfilePersonalItem, string> = {
  identity: '個人情報（本名、生年月日、性別）',
  address: '住所',
  contacts: '連絡先（本人の連絡先、緊急連絡先）',
  disabilityAwards: '障がい、賞罰の有無',
};
export const PROFILE_LIMIT_MIN = 3;
export const PROFILE_LIMIT_MAX = 10;

// The full settings schema (ZProfileSettings, with 応対記録 大区分, 記録日 range, 表示件数 3–10 and the 面談履歴
// range and count) is written by the 個人プロフィール出力設定 slice. The batch output only passes overrides through.
export const ZProfileOutputOverrides = z
  .object({
    personalItems: z
      .array(z.enum(PROFILE_PERSONAL_ITEMS, { error: '出力する個人情報の指定が正しくありません' }))
      .optional(),
  })
  .loose();
export type TProfileOutputOverrides = z.infer<typeof ZProfileOutputOverrides>;
