export const ja = {
  app: { productName: 'jinji 研修申込システム' },
  common: { userMenu: 'ユーザーメニュー' },
  nav: {
    main: 'メインメニュー',
    users: '利用者情報',
    courses: '公開講座',
    applications: '申込一覧',
    approvals: '承認待ち',
    purchases: '研修・サービス購入履歴',
    attendees: '受講者詳細',
    integration: '連携設定',
  },
};
