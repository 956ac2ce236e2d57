// HR's mail templates (decision 010): subject and plain text; the HTML part is derived from the text.
import { defineTextMailTemplate } from '@jinji/mail/template';

/** 【テストメールを送信】 on 送信メール一覧: proves the SMTP settings reach the administrator's own mailbox. */
export const smtpTestMail = defineTextMailTemplate<{ tenantName: string; displayName: string }>('smtp-test', (d) => ({
  subject: `【jinji】テストメール（${d.tenantName}）`,
  text: [
    `${d.displayName} 様`,
    '',
    'jinji（人事管理システム）からのテストメールです。',
    'このメールが届いていれば、メールの送信設定は正しく動作しています。',
    '',
    'このメールに心当たりがない場合は、システム管理者にお問い合わせください。',
    '',
    `― ${d.tenantName} jinji`,
  ].join('\n'),
}));

/** What every mail with a one-time password link says about the account (decision 012). */
export type PasswordLinkMailData = {
  tenantName: string;
  displayName: string;
  loginUrl: string;
  tenantCode: string;
  loginId: string;
  link: string;
  /** 2026/12/04 09:30, Japan time */
  expiresAt: string;
};

const accountLines = (d: PasswordLinkMailData) => [
  `ログインURL：${d.loginUrl}`,
  `企業コード：${d.tenantCode}`,
  `ログインID：${d.loginId}`,
];
const linkLines = (d: PasswordLinkMailData) => [
  '下記のリンクを開き、ご自身でパスワードを設定してください。',
  d.link,
  '',
  `このリンクの有効期限は ${d.expiresAt} です。一度だけ使えます。`,
  '期限が切れた場合は、ログイン画面の「パスワードを忘れた方」から再設定用のメールを受け取ってください。',
];
const footer = (d: PasswordLinkMailData) => [
  '',
  'このメールに心当たりがない場合は、このメールを破棄し、人事担当者にお問い合わせください。',
  'パスワードをメールでお知らせすることはありません。',
  '',
  `― ${d.tenantName} jinji`,
];

/** アカウント通知 (R-AUTH-3): the login details and the link to set one's own password — never a password. */
export const accountNoticeMail = defineTextMailTemplate<PasswordLinkMailData>('account-notice', (d) => ({
  subject: `【jinji】アカウントのお知らせ（${d.tenantName}）`,
  text: [
    `${d.displayName} 様`,
    '',
    `${d.tenantName} の人事管理システム jinji のアカウントをお知らせします。`,
    '',
    ...accountLines(d),
    '',
    ...linkLines(d),
    ...footer(d),
  ].join('\n'),
}));

/** パスワードを忘れた方: the same kind of link, shorter lived. */
export const passwordResetMail = defineTextMailTemplate<PasswordLinkMailData>('password-reset', (d) => ({
  subject: `【jinji】パスワード再設定のご案内（${d.tenantName}）`,
  text: [
    `${d.displayName} 様`,
    '',
    'パスワードの再設定を受け付けました。',
    '',
    ...accountLines(d),
    '',
    ...linkLines(d),
    '',
    '再設定を依頼していない場合は、このメールを破棄してください。パスワードは変わりません。',
    ...footer(d).slice(1),
  ].join('\n'),
}));

/** スタートアップのリマインド: HR asks an employee to finish 従業員スタートアップ. */
export const startupReminderMail = defineTextMailTemplate<{
  tenantName: string;
  displayName: string;
  loginUrl: string;
  tenantCode: string;
  loginId: string;
}>('startup-reminder', (d) => ({
  subject: `【jinji】従業員スタートアップのお願い（${d.tenantName}）`,
  text: [
    `${d.displayName} 様`,
    '',
    '従業員スタートアップ（ご本人による情報の登録）がまだ完了していません。',
    'jinji にログインし、画面の案内に沿って【この内容で登録する】まで進めてください。',
    '途中まで入力した内容は保存されています。続きから再開できます。',
    '',
    `ログインURL：${d.loginUrl}`,
    `企業コード：${d.tenantCode}`,
    `ログインID：${d.loginId}`,
    '',
    'パスワードが分からない場合は、ログイン画面の「パスワードを忘れた方」から再設定してください。',
    '',
    `― ${d.tenantName} jinji`,
  ].join('\n'),
}));
