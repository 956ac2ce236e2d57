// 送信メール一覧 (システム管理, R-AUTH-3): the tenant's outbox as the system administrator reads it.
import { z } from 'zod';
import { zPageOf } from '../common/common';

export const MAIL_STATUS_VALUES = ['pending', 'sending', 'sent', 'failed'] as const;
export type TMailStatus = (typeof MAIL_STATUS_VALUES)[number];

/** pending without an SMTP server is 未送信: nothing will send it until one is configured */
export const MAIL_STATUS_LABELS: Record<TMailStatus | 'unsent', string> = {
  pending: '送信待ち',
  sending: '送信中',
  sent: '送信済み',
  failed: '送信失敗',
  unsent: '未送信',
};

export const MAIL_TEMPLATE_LABELS: Record<string, string> = {
  'account-notice': 'アカウント通知',
  'password-reset': 'パスワード再設定',
  'smtp-test': 'テストメール',
  'request-approval': '届出の承認依頼',
  'request-progress': '届出の状況',
  'request-withdrawn': '届出の取下げ',
};

export const ZMailCreated = z.object({ id: z.string() });

export const ZMailListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type TMailListQuery = z.infer<typeof ZMailListQuery>;

export const ZMailParams = z.object({ id: z.uuid({ error: 'メールの指定が正しくありません' }) });

export const ZMailListItem = z.object({
  id: z.string(),
  /** 日時: when the mail was written (ISO) */
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  status: z.enum(MAIL_STATUS_VALUES),
  attempts: z.number().int(),
  /** nodemailer's code and the SMTP reply code (EMESSAGE:451), never the server's text */
  lastErrorCode: z.string().nullable(),
});
export type TMailListItem = z.infer<typeof ZMailListItem>;

export const ZMailListResponse = zPageOf(ZMailListItem).extend({
  /** false: no SMTP_URL, so 送信待ち mails are 未送信 and stay here */
  isSmtpConfigured: z.boolean(),
});
export type TMailListResponse = z.infer<typeof ZMailListResponse>;

export const ZMailDetail = ZMailListItem.extend({
  /** the plain-text part as sent */
  textBody: z.string(),
  isSmtpConfigured: z.boolean(),
});
export type TMailDetail = z.infer<typeof ZMailDetail>;
