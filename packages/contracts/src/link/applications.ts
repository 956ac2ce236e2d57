// HR ← training: the applications changed since a cursor (R-TRN-4's read API, issue #12 item 4). HR keeps
// the opaque `nextCursor` of the last page and asks again with it; an application changed again since
// comes again with its new state. Keys are the user's external_id (HR's employee key) and ログインID.
import { z } from 'zod';
import { zString } from '../common/common';
import { APPLICATION_STATUSES, ATTENDANCE_STATUSES } from '../training/applications';

/** GET /api/link/v1/applications?since=<cursor>&limit= */
export const ZApplicationChangesQuery = z.object({
  /** the `nextCursor` of the previous page; absent: from the beginning */
  since: zString('カーソル').max(200, 'カーソルの形式が正しくありません').optional(),
  limit: z.coerce.number({ error: '件数の指定が正しくありません' }).int().min(1).max(1000).default(500),
});
export type TApplicationChangesQuery = z.infer<typeof ZApplicationChangesQuery>;

export const ZApplicationChange = z.object({
  id: z.string(),
  /** HR's employee key; null for a user HR did not provision */
  externalId: z.string().nullable(),
  loginId: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  sessionId: z.string(),
  sessionStartsAt: z.string(),
  sessionEndsAt: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TApplicationChange = z.infer<typeof ZApplicationChange>;

export const ZApplicationChanges = z.object({
  items: z.array(ZApplicationChange),
  /** pass as `since` next time (also when `items` is empty: it is then the same cursor) */
  nextCursor: z.string(),
  /** true: more changes wait, ask again at once */
  hasMore: z.boolean(),
});
export type TApplicationChanges = z.infer<typeof ZApplicationChanges>;
