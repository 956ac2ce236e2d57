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
