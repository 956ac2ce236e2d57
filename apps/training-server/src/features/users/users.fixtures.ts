// Test fixtures of 利用者情報 (for this slice's tests and the training route matrix): an organisation
// with a 管理者, a 承認者, 一般 users, one linked to HR, one disabled and one without a mail address.

import { randomBytes } from 'node:crypto';
import { hashPassword } from '@jinji/auth/passwords';
import type { TrainingDb } from '../../db/database';
import { organisations, users } from '../../db/schema/index';
import { userSearchText } from './users.service';

export const FIXTURE_PASSWORD = 'Sazanka-no-hana-2026!';

export type UserFixtures = Awaited<ReturnType<typeof createUserFixtures>>;

export async function createUserFixtures(db: TrainingDb) {
  const code = `u${randomBytes(4).toString('hex')}`;
  const [org] = await db.owner
    .insert(organisations)
    .values({ code, name: `研修組織 ${code}` })
    .returning();
  const organisationId = org!.id;
  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const person = (
    loginId: string,
    displayName: string,
    nameKana: string | null,
    extra: Partial<typeof users.$inferInsert> = {},
  ) => {
    const email = extra.email === undefined ? `${loginId}@example.jp` : extra.email;
    return {
      organisationId,
      loginId,
      displayName,
      nameKana,
      passwordHash,
      ...extra,
      email,
      searchText: userSearchText({ loginId, displayName, nameKana, email }),
    };
  };
  const rows = [
    person('admin', '研修 管理者', 'ケンシュウ カンリシャ', { systemRole: 'admin' }),
    person('boss', '鈴木 一郎', 'スズキ イチロウ', { systemRole: 'approver', departmentName: '営業部' }),
    person('sato', '佐藤 花子', 'サトウ ハナコ', { departmentName: '営業部', gender: 'female' }),
    person('takahashi', '髙橋 健太', 'タカハシ ケンタ', {
      linkedAt: new Date('2026-11-01T00:00:00Z'),
      externalId: 'E0001',
    }),
    person('retired', '山田 太郎', 'ヤマダ タロウ', { disabledAt: new Date('2026-10-01T00:00:00Z') }),
    person('nomail', '田中 次郎', 'タナカ ジロウ', { email: null }),
  ];
  const created = await db.asTenant(organisationId, (tx) =>
    tx.insert(users).values(rows).returning({ id: users.id, loginId: users.loginId }),
  );
  const id = Object.fromEntries(created.map((u) => [u.loginId, u.id])) as Record<
    'admin' | 'boss' | 'sato' | 'takahashi' | 'retired' | 'nomail',
    string
  >;
  return { organisationId, code, id };
}
