// 届出's mails (decision 010's outbox, written in the step's own transaction): one to the approvers of a
// step that now waits for them, one to the applicant when their request moves. No values of the request
// (addresses, names) go into a mail: it names the type, the applicant and the 適用日, and where to look.
import { formatDate } from '@jinji/ja/text';
import { defineTextMailTemplate } from '@jinji/mail/template';

type Common = {
  tenantName: string;
  recipientName: string;
  typeName: string;
  applicantName: string;
  effectiveDate: string;
};

export const requestApprovalMail = defineTextMailTemplate<Common & { stepNo: number }>('request-approval', (d) => ({
  subject: `【jinji】届出の承認依頼：${d.typeName}（${d.applicantName}）`,
  text: [
    `${d.recipientName} 様`,
    '',
    `${d.applicantName} さんの「${d.typeName}」（適用日 ${formatDate(d.effectiveDate)}）が、`,
    `第${d.stepNo}段階の承認をお待ちしています。`,
    '',
    'jinji にログインし、届出一覧から内容をご確認のうえ、承認または差戻しをしてください。',
    '',
    `― ${d.tenantName} jinji`,
  ].join('\n'),
}));

export const REQUEST_PROGRESS_TEXT = {
  approved_step: (stepNo: number) => `第${stepNo}段階で承認され、次の承認者に回りました。`,
  approved: () => '最終承認されました。',
  scheduled: () => '最終承認されました。適用日に従業員情報へ反映されます。',
  applied: () => '承認された内容が従業員情報に反映されました。',
  returned: () => '差戻しされました。コメントをご確認のうえ、必要であれば改めて届出をしてください。',
} as const;

export const requestProgressMail = defineTextMailTemplate<Common & { message: string; comment: string | null }>(
  'request-progress',
  (d) => ({
    subject: `【jinji】届出の状況：${d.typeName}`,
    text: [
      `${d.recipientName} 様`,
      '',
      `「${d.typeName}」（適用日 ${formatDate(d.effectiveDate)}）は${d.message}`,
      ...(d.comment ? ['', `コメント：${d.comment}`] : []),
      '',
      'jinji にログインし、My STORY の届出から内容をご確認ください。',
      '',
      `― ${d.tenantName} jinji`,
    ].join('\n'),
  }),
);

export const requestWithdrawnMail = defineTextMailTemplate<Common>('request-withdrawn', (d) => ({
  subject: `【jinji】届出の取下げ：${d.typeName}（${d.applicantName}）`,
  text: [
    `${d.recipientName} 様`,
    '',
    `${d.applicantName} さんが「${d.typeName}」（適用日 ${formatDate(d.effectiveDate)}）を取下げました。`,
    '承認の必要はなくなりました。',
    '',
    `― ${d.tenantName} jinji`,
  ].join('\n'),
}));
