export const ja = {
  login: {
    title: 'ログイン',
    tenantCode: '企業コード',
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
  },
  forgot: {
    link: 'パスワードを忘れた方',
    title: 'パスワードを忘れた方',
    lead: '企業コードと、ログインIDまたはメールアドレスを入力してください。登録されているメールアドレスに、パスワード再設定用のリンク（有効期限1時間）を送信します。',
    loginIdOrEmail: 'ログインIDまたはメールアドレス',
    submit: '再設定用のメールを送信',
    back: 'ログイン画面へ戻る',
  },
  passwordLink: {
    title: 'パスワードの設定',
  },
};
