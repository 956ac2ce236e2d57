export const ja = {
  setup: {
    title: '初期設定',
    lead: '組織（テナント）と、そのシステム管理者アカウントを作成します。',
    tenantCode: '企業コード',
    tenantCodeHint: '半角英小文字・数字・-_ の2〜32文字（ログイン時に使用します）',
    tenantName: '企業名',
    adminLoginId: '管理者ログインID',
    adminEmail: '管理者メールアドレス',
    password: 'パスワード',
    passwordConfirm: 'パスワード（確認）',
    passwordMismatch: 'パスワードが一致しません',
    submit: '登録する',
    done: '初期設定が完了しました。作成した管理者でログインしてください。',
  },
};
