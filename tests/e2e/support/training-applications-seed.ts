// The 申込 journey's data, written before the server starts (`tsx tests/e2e/support/training-applications-seed.ts <out.json>`):
// the demo 契約組織 with a 管理者, a 承認者 (boss) and two 一般 users whose 承認者 is boss, all with one
// known password, a course with a one-seat session in a month and an online session that ended yesterday
// (both applicants confirmed), and a full 大阪 date with 花子 confirmed and 次郎 キャンセル待ち. The ids go to <out.json>.
import { writeFileSync } from 'node:fs';
import { hashPassword } from '@jinji/auth/passwords';
import { eq } from 'drizzle-orm';
import {
  applications,
  courseSessions,
  courses,
  organisations,
  users,
} from '../../../apps/training-server/src/db/schema/index';
import { seedTrainingDemo } from '../../../apps/training-server/src/features/organisations/demo';
import { bootBoth } from '../../../scripts/compose';

export const SEED_PASSWORD = 'Sazanka-no-hana-2026!';
const DAY = 86_400_000;

const both = await bootBoth();
try {
  await seedTrainingDemo(both.training, SEED_PASSWORD);
  const [org] = await both.training.owner
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.code, 'demo'));
  const organisationId = org!.id;
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const out = await both.training.asTenant(organisationId, async (tx) => {
    const person = (
      loginId: string,
      displayName: string,
      systemRole: 'general' | 'approver',
      departmentName: string,
    ) => ({
      organisationId,
      loginId,
      displayName,
      systemRole,
      departmentName,
      email: `${loginId}@example.jp`,
      passwordHash,
      passwordChangedAt: new Date(),
    });
    const [boss] = await tx
      .insert(users)
      .values(person('boss', '山田 部長', 'approver', '営業部'))
      .returning();
    const applicants = await tx
      .insert(users)
      .values([
        person('hanako', '佐藤 花子', 'general', '営業部 第一課'),
        person('taro', '鈴木 太郎', 'general', '営業部 第二課'),
        person('jiro', '高橋 次郎', 'general', '営業部 第三課'),
      ])
      .returning();
    for (const a of applicants) await tx.update(users).set({ approverId: boss!.id }).where(eq(users.id, a.id));
    await tx.update(users).set({ email: 'admin@example.jp' }).where(eq(users.loginId, 'admin'));
    const [course] = await tx
      .insert(courses)
      .values({
        organisationId,
        code: 'BM-101',
        title: '新任管理職のためのマネジメント基礎研修',
        category: 'management',
        fee: 44_000,
        publishedAt: new Date(),
      })
      .returning();
    // 13:00 Japan time, a month ahead
    const day = new Date(Date.now() + 30 * DAY);
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 4, 0));
    const [session] = await tx
      .insert(courseSessions)
      .values({
        organisationId,
        courseId: course!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        venueKind: 'venue',
        city: '東京都千代田区',
        place: '丸の内研修センター 5階 501会議室',
        capacity: 1,
        applyDeadline: new Date(startsAt.getTime() - 7 * DAY),
        cancelDeadline: new Date(startsAt.getTime() - 3 * DAY),
      })
      .returning();
    // another date of the same course two months ahead (名古屋): the target of a 日程変更
    const later = new Date(startsAt.getTime() + 30 * DAY);
    await tx.insert(courseSessions).values({
      organisationId,
      courseId: course!.id,
      startsAt: later,
      endsAt: new Date(later.getTime() + 3 * 3_600_000),
      venueKind: 'venue',
      city: '愛知県名古屋市中村区',
      place: '名駅研修ルーム 3階',
      capacity: 20,
      applyDeadline: new Date(later.getTime() - 7 * DAY),
      cancelDeadline: new Date(later.getTime() - 3 * DAY),
    });
    // a full 大阪 date: 花子 confirmed in its one seat, 次郎 first in line (the 管理者 raises its 定員)
    const osaka = new Date(startsAt.getTime() + 14 * DAY);
    const [full] = await tx
      .insert(courseSessions)
      .values({
        organisationId,
        courseId: course!.id,
        startsAt: osaka,
        endsAt: new Date(osaka.getTime() + 3 * 3_600_000),
        venueKind: 'venue',
        prefecture: '大阪府',
        city: '大阪市北区',
        place: '梅田研修ルーム 2階',
        capacity: 1,
        seatsTaken: 1,
        applyDeadline: new Date(osaka.getTime() - 7 * DAY),
        cancelDeadline: new Date(osaka.getTime() - 3 * DAY),
      })
      .returning();
    const byLogin = Object.fromEntries(applicants.map((a) => [a.loginId, a]));
    const decided = new Date(Date.now() - DAY);
    await tx.insert(applications).values([
      {
        organisationId,
        sessionId: full!.id,
        userId: byLogin.hanako!.id,
        approverId: boss!.id,
        status: 'confirmed' as const,
        decidedBy: boss!.id,
        decidedAt: decided,
      },
      {
        organisationId,
        sessionId: full!.id,
        userId: byLogin.jiro!.id,
        approverId: boss!.id,
        status: 'waitlisted' as const,
        decidedBy: boss!.id,
        decidedAt: decided,
        waitlistedAt: decided,
      },
    ]);
    // a session that ended yesterday, both applicants confirmed: 出欠 can be recorded
    const past = new Date(Date.now() - DAY);
    const [ended] = await tx
      .insert(courseSessions)
      .values({
        organisationId,
        courseId: course!.id,
        startsAt: past,
        endsAt: new Date(past.getTime() + 3 * 3_600_000),
        venueKind: 'online',
        place: 'Zoom',
        capacity: 10,
        seatsTaken: 2,
        applyDeadline: new Date(past.getTime() - 7 * DAY),
        cancelDeadline: new Date(past.getTime() - 3 * DAY),
      })
      .returning();
    await tx.insert(applications).values(
      applicants.slice(0, 2).map((a) => ({
        organisationId,
        sessionId: ended!.id,
        userId: a.id,
        approverId: boss!.id,
        status: 'confirmed' as const,
        decidedBy: boss!.id,
        decidedAt: new Date(past.getTime() - 10 * DAY),
      })),
    );
    return {
      organisationId,
      sessionId: session!.id,
      endedSessionId: ended!.id,
      courseId: course!.id,
      fullSessionId: full!.id,
      userIds: Object.fromEntries(applicants.map((a) => [a.loginId, a.id])),
    };
  });
  writeFileSync(process.argv[2]!, JSON.stringify(out));
} finally {
  await both.close();
}
