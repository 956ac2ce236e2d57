// Before the training journey's server starts (its `prepare`): users of the demo 契約組織 written
// straight into the database, one of them linked to HR (linked_at set, as SCIM provisioning does).
import { eq } from 'drizzle-orm';
import { organisations, users } from '../../../apps/training-server/src/db/schema/index';
import { userSearchText } from '../../../apps/training-server/src/features/users/users.service';
import { bootBoth } from '../../../scripts/compose';

const both = await bootBoth();
try {
  const [org] = await both.training.owner.select().from(organisations).where(eq(organisations.code, 'demo'));
  const organisationId = org!.id;
  const person = (loginId: string, displayName: string, nameKana: string, email: string | null, extra = {}) => ({
    organisationId,
    loginId,
    displayName,
    nameKana,
    email,
    searchText: userSearchText({ loginId, displayName, nameKana, email }),
    ...extra,
  });
  await both.training.asTenant(organisationId, (tx) =>
    tx.insert(users).values([
      person('boss', '鈴木 一郎', 'スズキ イチロウ', 'boss@example.jp', {
        systemRole: 'approver',
        departmentName: '営業部',
      }),
      person('sato', '佐藤 花子', 'サトウ ハナコ', 'sato@example.jp', { departmentName: '営業部', gender: 'female' }),
      person('takahashi', '髙橋 健太', 'タカハシ ケンタ', 'takahashi@example.jp', {
        linkedAt: new Date(),
        externalId: 'E0001',
        departmentName: '不明',
      }),
      person('tanaka', '田中 次郎', 'タナカ ジロウ', null),
    ]),
  );
} finally {
  await both.close();
}
