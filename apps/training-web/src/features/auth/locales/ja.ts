export const ja = {
  login: {
    title: 'ログイン',
    organizationCode: '組織コード',
    loginId: 'ログインID',
    password: 'パスワード',
    submit: 'ログイン',
  },
};
