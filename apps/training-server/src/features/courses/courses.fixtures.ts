// The route matrix's rows for 公開講座 (merged in test/fixtures.ts): a published course of
// organisation B with one session, and bodies that pass validation for every write, so that an admin of
// organisation A reaches the service with B's ids and must get 404.

import type { TrainingDb } from '../../db/database';
import { courseSessions, courses } from '../../db/schema/index';

const inDays = (days: number, hour: number) => new Date(Date.now() + days * 86_400_000 + hour * 3_600_000);

export async function courseFixtures(db: TrainingDb, organisationId: string) {
  const { courseId, sessionId } = await db.asTenant(organisationId, async (tx) => {
    const [course] = await tx
      .insert(courses)
      .values({ organisationId, code: 'B-001', title: 'B社の講座', category: 'business', publishedAt: new Date() })
      .returning({ id: courses.id });
    const [session] = await tx
      .insert(courseSessions)
      .values({
        organisationId,
        courseId: course!.id,
        startsAt: inDays(30, 4),
        endsAt: inDays(30, 8),
        venueKind: 'online',
        place: 'オンライン（Zoom）',
        capacity: 10,
        applyDeadline: inDays(23, 8),
        cancelDeadline: inDays(27, 8),
      })
      .returning({ id: courseSessions.id });
    return { courseId: course!.id, sessionId: session!.id };
  });
  const course = { code: 'A-MATRIX', title: 'マトリクス講座', category: 'business', fee: 0, isPublished: true };
  const session = {
    startsAt: inDays(40, 4).toISOString(),
    endsAt: inDays(40, 8).toISOString(),
    venueKind: 'online',
    place: 'オンライン（Teams）',
    capacity: 10,
    applyDeadline: inDays(33, 8).toISOString(),
    cancelDeadline: inDays(37, 8).toISOString(),
  };
  return {
    params: { courseId, sessionId },
    bodies: {
      'POST /api/v1/courses': course,
      'PUT /api/v1/courses/:courseId': course,
      'POST /api/v1/courses/:courseId/sessions': session,
      'PUT /api/v1/courses/:courseId/sessions/:sessionId': session,
    },
  };
}

/** courseFixtures as one part of the route matrix's rows (test/fixtures.ts), with the course's title. */
export const courseMatrixFixtures = async (db: TrainingDb, b: { id: string }) => ({
  ...(await courseFixtures(db, b.id)),
  values: ['B社の講座'],
});
