// 期限付きタスク's mails (decision 010's outbox, in the record's own transaction): to the 担当者 when a task
// is assigned to them, and on the day before its 対応期限. A 要配慮 record's title never goes into a mail
// (送信メール一覧 is read by the システム管理者, who may not see 要配慮情報): the mail says where to look.
import { formatDateWithWeekday } from '@jinji/ja/text';
import { defineTextMailTemplate } from '@jinji/mail/template';

type TaskMail = {
  tenantName: string;
  recipientName: string;
  /** null for a 要配慮 record */
  title: string | null;
  categoryName: string;
  targetNames: string;
  dueOn: string;
};

const taskLines = (d: TaskMail) => [
  `タイトル：${d.title ?? '（要配慮情報のため表示しません）'}`,
  `カテゴリ：${d.categoryName}`,
  `対象者：${d.title === null ? '（要配慮情報のため表示しません）' : d.targetNames}`,
  `対応期限：${formatDateWithWeekday(d.dueOn)}`,
];

export const recordTaskAssignedMail = defineTextMailTemplate<TaskMail & { assignedBy: string }>(
  'record-task-assigned',
  (d) => ({
    subject: `【jinji】期限付きタスクの担当になりました（対応期限 ${formatDateWithWeekday(d.dueOn)}）`,
    text: [
      `${d.recipientName} 様`,
      '',
      `${d.assignedBy} さんが、応対記録のタスクの担当者にあなたを指定しました。`,
      '',
      ...taskLines(d),
      '',
      'jinji にログインし、期限付きタスクから内容をご確認ください。',
      '',
      `― ${d.tenantName} jinji`,
    ].join('\n'),
  }),
);

export const recordTaskReminderMail = defineTextMailTemplate<TaskMail>('record-task-reminder', (d) => ({
  subject: `【jinji】明日が対応期限のタスクがあります（${formatDateWithWeekday(d.dueOn)}）`,
  text: [
    `${d.recipientName} 様`,
    '',
    'あなたが担当の期限付きタスクの対応期限は明日です。',
    '',
    ...taskLines(d),
    '',
    'jinji にログインし、期限付きタスクから対応状況をご確認ください。対応が済んだら「完了」にしてください。',
    '',
    `― ${d.tenantName} jinji`,
  ].join('\n'),
}));
