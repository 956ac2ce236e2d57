// The layout of 「利用者情報CSV出力」 (docs/training-user-csv.md is the reference HR's Type A import reads):
// the columns in order, how a user becomes a row, and the 送付 column the bulk 【ログイン情報送付】 reads
// back. The header row is exactly USER_CSV_HEADER; a test holds the document and this list equal.
import { SYSTEM_ROLE_LABELS } from '@jinji/contracts/training/access';
import { GENDER_LABELS } from '@jinji/contracts/training/users';
import type { UserDetailRow } from './users.repository';

export const USER_CSV_HEADER = [
  'ログインID',
  '氏名',
  '氏名カナ',
  'メールアドレス',
  'システム権限',
  '部署名',
  '性別',
  '承認者ログインID',
  '承認者氏名',
  '状態',
  '人事連携',
  '送付',
];

/** the column of the row's key (ログインID): the bulk send and the CP932 check name rows by it */
export const USER_CSV_KEY_INDEX = 0;
export const USER_CSV_SEND_INDEX = USER_CSV_HEADER.indexOf('送付');

export const userCsvRow = (u: UserDetailRow): (string | null)[] => [
  u.loginId,
  u.displayName,
  u.nameKana,
  u.email,
  SYSTEM_ROLE_LABELS[u.systemRole],
  u.departmentName,
  GENDER_LABELS[u.gender],
  u.approverLoginId,
  u.approverDisplayName,
  u.disabledAt ? '利用停止' : '有効',
  u.linkedAt ? '連携中' : '',
  '', // 送付: empty on export; marked by the administrator for the bulk send
];
