// 申込's mails (decision 010's outbox, written in the step's own transaction, so a step that rolls back
// sends nothing): 申込申請 to the approver(s); 承認 / キャンセル待ち / 繰り上げ確定 / 却下 / キャンセル / 変更
// to the applicant, with a copy to the approver where the approver should know. Each names the course,
// the session and the application's id, and links to the screen where it is handled.
import { formatDateTimeWeekday } from '@jinji/ja/text';
import { defineTextMailTemplate } from '@jinji/mail/template';

export type ApplicationMailData = {
  recipientName: string;
  applicantName: string;
  courseTitle: string;
  sessionStartsAt: string;
  place: string;
  applicationId: string;
  /** the screen to open */
  url: string;
  reason?: string | null;
};

const FOOTER = ['', '― jinji 研修申込システム'];
const sessionLine = (d: ApplicationMailData) =>
  `講座：${d.courseTitle}\n日程：${formatDateTimeWeekday(d.sessionStartsAt)}\n会場：${d.place}\n申込ID：${d.applicationId}`;

const applicantMail = (name: string, subject: string, lead: (d: ApplicationMailData) => string[]) =>
  defineTextMailTemplate<ApplicationMailData>(name, (d) => ({
    subject: `【研修申込】${subject}：${d.courseTitle}`,
    text: [`${d.recipientName} 様`, '', ...lead(d), '', sessionLine(d), '', `詳細：${d.url}`, ...FOOTER].join('\n'),
  }));

/** to the approver(s): a new 申込申請 waits for 承認決裁 */
export const applicationSubmittedMail = applicantMail('application-submitted', '承認依頼', (d) => [
  `${d.applicantName} さんから研修の申込申請がありました。`,
  '承認待ちから内容をご確認のうえ、承認決裁または却下をしてください。',
]);

export const applicationConfirmedMail = applicantMail('application-confirmed', '申込確定', () => [
  '研修のお申込みが承認され、申込確定となりました。',
]);

export const applicationWaitlistedMail = applicantMail('application-waitlisted', 'キャンセル待ち', () => [
  'お申込みは承認されましたが、定員に達しているためキャンセル待ちとなりました。',
  '空きが出た場合は、順番に自動で申込確定となり、メールでお知らせします。',
]);

export const applicationPromotedMail = applicantMail('application-promoted', '繰り上げ確定', (d) => [
  d.recipientName === d.applicantName
    ? 'キャンセル待ちのお申込みに空きが出たため、申込確定となりました。'
    : `${d.applicantName} さんのキャンセル待ちのお申込みに空きが出たため、申込確定となりました。`,
]);

export const applicationRejectedMail = applicantMail('application-rejected', '却下', (d) => [
  '研修のお申込みは却下されました。',
  `却下理由：${d.reason ?? ''}`,
]);

export const applicationCancelledMail = applicantMail('application-cancelled', 'キャンセル', (d) => [
  d.recipientName === d.applicantName
    ? '研修のお申込みをキャンセルしました。'
    : `${d.applicantName} さんの研修のお申込みがキャンセルされました。`,
  `キャンセル理由：${d.reason ?? ''}`,
]);
