// アカウント通知 (R-AUTH-3), スタートアップのリマインド and the one-time password links (decisions 010, 012):
// the selection of 従業員一覧 (ids, or the whole search result resolved again on the server), what was
// sent and who was left out, and the public routes a link's holder uses.
import { z } from 'zod';
import { ZLoginId, zTenantCode } from '../common/auth';
import { ZEmployeeListQueryFields } from './employees';

/** at most this many employees picked one by one (a page of 100 at a time, a few pages) */
export const MAX_PICKED_EMPLOYEES = 1000;

/** 従業員一覧's filter without paging and sort: 「検索結果すべてを選択」 sends to every match. */
export const ZEmployeeSelectionFilter = ZEmployeeListQueryFields.omit({
  sort: true,
  order: true,
  page: true,
  pageSize: true,
});

export const ZEmployeeSelection = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('ids'),
      ids: z
        .array(z.uuid({ error: '従業員IDの形式が正しくありません' }))
        .min(1, { error: '従業員を選択してください' })
        .max(MAX_PICKED_EMPLOYEES, { error: `一度に選択できる従業員は${MAX_PICKED_EMPLOYEES}人までです` }),
    }),
    z.object({ kind: z.literal('filter'), filter: ZEmployeeSelectionFilter }),
  ],
  { error: '送信対象の指定が正しくありません' },
);
export type TEmployeeSelection = z.infer<typeof ZEmployeeSelection>;

export const ZEmployeeMailRequest = z.object({ selection: ZEmployeeSelection });
export type TEmployeeMailRequest = z.infer<typeof ZEmployeeMailRequest>;

/** 社員番号 (or the name when there is none) of employees the mail was not written for */
const ZSkipped = z.object({ count: z.number().int(), employeeNumbers: z.array(z.string()) });

export const ZEmployeeMailResponse = z.object({
  /** mails written (one per employee) */
  sentCount: z.number().int(),
  /** アカウント通知: no login account (システム利用 not set) */
  noAccount: ZSkipped,
  /** no mail address on the account */
  noEmail: ZSkipped,
  /** リマインド: スタートアップ already finished or not a target */
  notPending: ZSkipped,
});
export type TEmployeeMailResponse = z.infer<typeof ZEmployeeMailResponse>;

// ---- public: the holder of a link ---------------------------------------------------------------

export const ZPasswordResetRequest = z.object({
  tenantCode: zTenantCode('企業コード'),
  /** ログインID or the account's メールアドレス */
  loginIdOrEmail: ZLoginId,
});
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

/** The one answer, whether or not the account exists (decision 012). */
export const PASSWORD_RESET_ACCEPTED =
  '入力された企業コードとログインID（メールアドレス）のアカウントが登録されている場合、パスワード再設定用のメールを送信しました。メールが届かない場合は、入力内容をご確認のうえ、人事担当者にお問い合わせください';
export const ZPasswordResetResponse = z.object({ message: z.string() });
