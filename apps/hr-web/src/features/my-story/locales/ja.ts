export const ja = {
  my: {
    title: 'マイページ',
    basicInfo: '基本情報',
    name: '氏名',
    loginId: 'ログインID',
    email: 'メールアドレス',
    tenant: '所属企業',
    upcoming: '直近の予定・履歴',
    findCourses: '公開講座を探す',
    comingSoon: '準備中',
    comingSoonText: 'この機能は準備中です。',
  },
};
