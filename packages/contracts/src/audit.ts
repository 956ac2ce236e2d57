// 操作ログ (R-EMP-5, SECURITY.md "Audit trail"): who changed or viewed what, when, before → after.
import { z } from 'zod';
import { isRealDate, zString } from './common';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'view_sensitive', 'export'] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (label: string) =>
  zString(label)
    .regex(ISO_DATE, { error: `${label}は yyyy-mm-dd の形式で入力してください` })
    .refine(isRealDate, { error: `${label}が正しい日付ではありません` });

export const ZAuditLogQuery = z.object({
  targetId: z.uuid().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: date('開始日').optional(),
  to: date('終了日').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type TAuditLogQuery = z.infer<typeof ZAuditLogQuery>;

export const ZAuditLogResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actorLoginId: z.string().nullable(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TAuditLogResponse = z.infer<typeof ZAuditLogResponse>;
