// Renders docs/access-matrix.md from the matrix (a test keeps the committed file in sync).
import { isAllowed, PERMISSION_KEYS, PERMISSIONS } from './access';
import { ADMIN_ROLES, ROLE_LABELS_JA } from './roles';

export function renderAccessMatrixDoc(): string {
  const head = `| 大区分 | 小区分 | 機能 | permission | ${ADMIN_ROLES.map((r) => ROLE_LABELS_JA[r]).join(' | ')} |`;
  const sep = `|${' --- |'.repeat(4 + ADMIN_ROLES.length)}`;
  const rows = PERMISSION_KEYS.map((p) => {
    const { group, subgroup, feature } = PERMISSIONS[p];
    return `| ${group} | ${subgroup} | ${feature} | \`${p}\` | ${ADMIN_ROLES.map((r) => (isAllowed([r], p) ? '○' : '-')).join(' | ')} |`;
  });
  return `# アクセス権限 — the default matrix

Generated from \`packages/contracts/src/hr/access.ts\` (\`npx tsx scripts/access-matrix-doc.ts > docs/access-matrix.md\`);
a test fails when this file and the code differ.

Every employee is also 一般 (My STORY only: own data, password change). Deny by default: a role not marked ○
gets 403, and every \`/api/v1\` route declares one permission (or public / any session).

The rows 「マスタメンテナンス」 follow the seed's 権限一覧イメージ exactly. The others are jinji's defaults:
システム管理 is for the システム管理者 only (contract owner: settings, not personal data); personal data of
employees is for 全権管理者, 人事管理者 and 従業員管理者, its sensitive categories (健康状態, 障がい, 賞罰,
プライベート情報 — 要配慮個人情報) for 全権管理者 and 人事管理者 only; 人的資本管理者 sees the aggregated dashboard,
no individual records.

${head}
${sep}
${rows.join('\n')}
`;
}
