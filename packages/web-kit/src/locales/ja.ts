// The kit's own texts. Every app merges them into its resources (`{ ...kitJa, ...appJa }`), so the kit's
// components find them under `kit.*` whatever the app; the app's typecheck fails if it forgets.
export const ja = {
  kit: {
    updated: '更新しました',
    logout: 'ログアウト',
    language: '表示言語',
    error: 'エラーが発生しました',
    loading: '読み込み中…',
    total: '全{{total}}件',
    pagination: 'ページ切り替え',
    backHome: 'ホームへ戻る',
    comingSoonTitle: '準備中',
    comingSoonMessage: 'この機能は準備中です。',
    forbiddenTitle: '権限がありません',
    forbiddenMessage: 'この画面を表示する権限がありません。必要な場合はシステム管理者に依頼してください。',
    passwordPolicyTitle: 'パスワードポリシー',
    passwordInvalidChars: '※使用不可な文字（全角文字、全角半角スペース）',
    passwordNoLoginId: '※ログインIDを含むことはできません',
  },
};

type TDeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : TDeepStrings<T[K]> };
/** The shape every language of a resource tree repeats: the Japanese one's keys, any strings. */
export type TStringsOf<T> = TDeepStrings<T>;
