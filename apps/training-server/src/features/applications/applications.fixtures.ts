// Fixtures of the applications slice's tests: an organisation with 利用者 of each システム権限 (and their
// 承認者), courses and sessions written directly (the 公開講座 screens come with their own slice).
import { eq } from 'drizzle-orm';
import { createOrganisation } from '../../../test/helpers';
import type { TrainingDb } from '../../db/database';
import { applications, courseSessions, courses, users } from '../../db/schema/index';

const DAY = 86_400_000;

type Role = 'general' | 'approver' | 'admin';
export type PersonSpec = { loginId: string; role?: Role; approver?: string; department?: string };

/** An organisation whose users are `people` (login = loginId, mail <loginId>@example.jp), approvers linked. */
export async function createApplicationOrg(db: TrainingDb, people: PersonSpec[]) {
  const org = await createOrganisation(
    db,
    people.map((p) => p.loginId),
  );
  const ids = Object.fromEntries(people.map((p, i) => [p.loginId, org.userIds[i]!])) as Record<string, string>;
  await db.asTenant(org.id, async (tx) => {
    for (const p of people) {
      await tx
        .update(users)
        .set({
          systemRole: p.role ?? 'general',
          approverId: p.approver ? ids[p.approver]! : null,
          email: `${p.loginId}@example.jp`,
          displayName: `${p.loginId} 氏名`,
          departmentName: p.department ?? '営業部',
        })
        .where(eq(users.id, ids[p.loginId]!));
    }
  });
  return { ...org, ids };
}

export type SessionSpec = {
  capacity?: number;
  /** days from now */
  startsIn?: number;
  applyDeadlineIn?: number;
  cancelDeadlineIn?: number;
  courseId?: string;
  place?: string;
};

export async function createCourse(
  db: TrainingDb,
  orgId: string,
  opts: { code?: string; title?: string; fee?: number } = {},
) {
  const code = opts.code ?? `C${Math.random().toString(36).slice(2, 8)}`;
  const [row] = await db.asTenant(orgId, (tx) =>
    tx
      .insert(courses)
      .values({
        organisationId: orgId,
        code,
        title: opts.title ?? 'ビジネスマナー研修',
        category: 'ビジネススキル',
        fee: opts.fee ?? 33_000,
      })
      .returning({ id: courses.id }),
  );
  return row!.id;
}

export async function createSession(db: TrainingDb, orgId: string, spec: SessionSpec = {}) {
  const courseId = spec.courseId ?? (await createCourse(db, orgId));
  const now = Date.now();
  const startsAt = new Date(now + (spec.startsIn ?? 30) * DAY);
  const [row] = await db.asTenant(orgId, (tx) =>
    tx
      .insert(courseSessions)
      .values({
        organisationId: orgId,
        courseId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        venueKind: 'venue',
        city: '東京都千代田区',
        place: spec.place ?? '丸の内研修センター 5階',
        capacity: spec.capacity ?? 10,
        applyDeadline: new Date(now + (spec.applyDeadlineIn ?? 20) * DAY),
        cancelDeadline: new Date(now + (spec.cancelDeadlineIn ?? 25) * DAY),
      })
      .returning({ id: courseSessions.id }),
  );
  return { sessionId: row!.id, courseId };
}

/** Moves a session (and its deadlines) into the past: it has ended. Written as the owner, as an admin's edit would. */
export async function endSession(db: TrainingDb, orgId: string, sessionId: string) {
  const past = Date.now() - 2 * DAY;
  await db.asTenant(orgId, (tx) =>
    tx
      .update(courseSessions)
      .set({
        startsAt: new Date(past),
        endsAt: new Date(past + 3 * 3_600_000),
        applyDeadline: new Date(past - 5 * DAY),
        cancelDeadline: new Date(past - 3 * DAY),
      })
      .where(eq(courseSessions.id, sessionId)),
  );
}

export async function seatsOf(db: TrainingDb, orgId: string, sessionId: string) {
  const [row] = await db.asTenant(orgId, (tx) =>
    tx.select({ seats: courseSessions.seatsTaken }).from(courseSessions).where(eq(courseSessions.id, sessionId)),
  );
  return row!.seats;
}

/**
 * The route matrix's rows for 申込 (merged in test/fixtures.ts): a 申請中 application of organisation B's user to
 * B's session (the courses' rows), so every /applications/:id route must 404 for A, and bodies that pass validation.
 */
export async function applicationMatrixFixtures(
  db: TrainingDb,
  b: { id: string; userIds: string[] },
  before: { params: Record<string, string> },
) {
  const sessionId = before.params.sessionId!;
  const [application] = await db.asTenant(b.id, (tx) =>
    tx
      .insert(applications)
      .values({ organisationId: b.id, sessionId, userId: b.userIds.at(-1)! })
      .returning({ id: applications.id }),
  );
  const id = application!.id;
  return {
    params: { id },
    bodies: {
      'POST /api/v1/applications/:id/cancel': { reason: '都合により' },
      'POST /api/v1/applications/:id/reject': { reason: '業務繁忙のため' },
      'POST /api/v1/applications/:id/change': { sessionId, reason: '日程の都合' },
      'PUT /api/v1/course-sessions/:sessionId/attendance': { entries: [{ applicationId: id, attendance: 'attended' }] },
    },
  };
}
