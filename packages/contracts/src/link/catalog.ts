// The course catalog for HR (R-TRN-4, R-LINK-3): courses whose data or whose sessions changed since a
// cursor, oldest change first. The cursor is opaque (base64url of the last row's updated_at and id): pass
// the answer's `nextCursor` back to get what follows; the same cursor always answers the same rows plus
// whatever changed since (idempotent reads, no duplicates across pages).
import { z } from 'zod';
import { zString } from '../common/common';
import { ZCourseDetail } from '../training/courses';

export const ZCatalogQuery = z.object({
  cursor: zString('cursor')
    .max(200, { error: 'cursor が正しくありません' })
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'cursor が正しくありません' })
    .optional(),
  limit: z.coerce.number({ error: 'limit が正しくありません' }).int().min(1).max(200).default(50),
});
export type TCatalogQuery = z.input<typeof ZCatalogQuery>;

export const ZCatalogResponse = z.object({
  /** each course with all its sessions (past ones included) and isPublished: HR hides 非公開 ones */
  items: z.array(ZCourseDetail),
  /** pass back as `cursor`; equal to the request's when nothing changed */
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type TCatalogResponse = z.infer<typeof ZCatalogResponse>;
