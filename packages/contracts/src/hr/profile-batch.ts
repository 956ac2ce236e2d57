// 個人プロフィール一括出力 (R-PROF-1 batch, decision 021): 従業員一覧's selection (the same one アカウント通知
// sends) and the output-time overrides start a background job; its progress; the finished ZIP of one PDF
// per employee. A job is seen only by the user who started it.
import { z } from 'zod';
import { ZEmployeeSelection } from './account-notice';
import { ZProfileOutputOverrides } from './profile-sheet';

/**
 * At most this many sheets per batch. 1,000 sheets are meant to take ≤ 60 s, so 5,000 keep one worker
 * busy ≤ 5 min and the ZIP (a few tens of KB per sheet with its font subset) a few hundred MB in the
 * database until it expires; a larger batch would hold the worker and the download too long — narrow
 * the search instead.
 */
export const MAX_PROFILE_BATCH = 5000;
/** A finished ZIP can be downloaded for this long, then the cleanup job drops it. */
export const PROFILE_BATCH_TTL_HOURS = 24;

export const ZStartProfileBatchRequest = z.object({
  selection: ZEmployeeSelection,
  overrides: ZProfileOutputOverrides.optional(),
});
export type TStartProfileBatchRequest = z.infer<typeof ZStartProfileBatchRequest>;

export const PROFILE_BATCH_STATUSES = ['processing', 'succeeded', 'failed', 'expired'] as const;
export type TProfileBatchStatus = (typeof PROFILE_BATCH_STATUSES)[number];

export const ZProfileBatch = z.object({
  id: z.string(),
  status: z.enum(PROFILE_BATCH_STATUSES),
  /** employees selected */
  total: z.number().int(),
  /** sheets written so far (into the ZIP) */
  done: z.number().int(),
  /** employees left out: not visible to the starter any more (deleted, access changed) — by 社員番号 */
  skipped: z.object({ count: z.number().int(), employeeNumbers: z.array(z.string()) }),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** when the ZIP stops being offered (null until it is finished) */
  expiresAt: z.string().nullable(),
  /** the ZIP's size in bytes once finished */
  bytes: z.number().int().nullable(),
});
export type TProfileBatch = z.infer<typeof ZProfileBatch>;

export const ZProfileBatchParams = z.object({ id: z.uuid({ error: '一括出力のIDの形式が正しくありません' }) });
