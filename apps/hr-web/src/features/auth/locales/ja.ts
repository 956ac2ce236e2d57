export const ja = {
  login: {
    title: 'ログイン',
    tenantCode: '企業コード',
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
  },
};
