export const ja = {
  profileSheet: {
    settingsTitle: '個人プロフィール出力設定',
    settingsLead:
      '従業員情報（詳細）の【個人プロフィール出力】で出力するシートの内容です。出力時に変更することもできます。',
    maskNote:
      '※選択されていない項目は「*（アスタリスク）」で表示されます。情報が設定されていない項目は「-（ハイフン）」で表示されます。',
    basicInfo: '基本情報（常に出力）',
    basicItems:
      'ビジネスネーム（設定がない場合は本名）、契約情報、所属・役職・職位・職種・勤務地、勤怠実績（直近3か月間）',
    personal: '個人情報',
    personalNote:
      '出力する場合は、個人情報の取り扱いに十分注意してください。障がい・賞罰の有無は要配慮情報を閲覧できる方の出力にだけ表示されます。',
    records: '応対記録（面談除く）',
    allCategories: 'すべての大区分',
    recordRange: '記録日',
    interviews: '面談履歴',
    interviewNote: 'カテゴリ「面談」の応対記録を、記録日の新しいものから表示します。',
    rangeMonths: '出力日から遡る',
    rangeDates: '日付を指定',
    months: '期間（か月）',
    monthsSuffix: 'か月前から出力日まで',
    from: '開始日',
    to: '終了日',
    limit: '表示件数（3件~10件）',
    save: '保存する',
    saved: '保存しました',
    isDefault: '初期設定のまま使われています。',
    updatedAt: '最終更新：{{at}}',
    forbidden: 'この設定を変更する権限がありません（閲覧のみ）。',
    outputButton: '個人プロフィール出力',
    outputTitle: '個人プロフィール出力',
    outputLead: '保存されている出力設定で出力します。この出力だけ内容を変えることもできます。',
    output: 'PDFを出力する',
    cancel: 'キャンセル',
    settingsLink: '出力設定を開く',
  },
};
