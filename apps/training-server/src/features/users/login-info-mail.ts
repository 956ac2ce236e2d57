// 【ログイン情報送付】's mail: the login URL, 組織コード, ログインID and the one-time link to set one's own
// password — never a password. Plain text; the kit derives the HTML part.
import { defineTextMailTemplate } from '@jinji/mail/template';

export type LoginInfoMailData = {
  organisationName: string;
  organisationCode: string;
  displayName: string;
  loginId: string;
  loginUrl: string;
  link: string;
  /** 2026/12/04 09:30, Japan time */
  expiresAt: string;
};

export const loginInfoMail = defineTextMailTemplate<LoginInfoMailData>('login-info', (d) => ({
  subject: `【研修申込システム】ログイン情報のお知らせ（${d.organisationName}）`,
  text: [
    `${d.displayName} 様`,
    '',
    `${d.organisationName} の研修申込システムのログイン情報をお知らせします。`,
    '',
    `ログインURL：${d.loginUrl}`,
    `組織コード：${d.organisationCode}`,
    `ログインID：${d.loginId}`,
    '',
    '下記のリンクを開き、ご自身でパスワードを設定してください。',
    d.link,
    '',
    `このリンクの有効期限は ${d.expiresAt} です。一度だけ使えます。`,
    '期限が切れた場合は、研修の管理者にログイン情報の再送付を依頼してください。',
    '',
    '※人事管理システム（jinji）とはパスワードが別です。システムごとに設定してください。',
    'このメールに心当たりがない場合は、このメールを破棄してください。パスワードをメールでお知らせすることはありません。',
  ].join('\n'),
}));
