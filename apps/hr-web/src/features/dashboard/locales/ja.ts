export const ja = {
  home: {
    welcome: '{{tenant}} の人事管理へようこそ',
    lead: '左のメニューから操作を選んでください。',
    employeeCount: '従業員数',
    people: '{{count}}名',
    tenantCode: '企業コード',
    roles: 'あなたの権限',
    passwordPolicy: 'パスワードポリシー',
    openPolicy: '設定を確認する',
    firstStepsTitle: 'はじめに：従業員を登録するには',
    firstSteps:
      'システム管理者は設定を担当する権限です。従業員の登録・編集や一括登録を行うには、アクセス権限管理で自分または担当者を「全権管理者」か「人事管理者」に追加してください。',
  },
};
