// The route matrix's rows of ANOTHER organisation (B), one per path parameter the training routes take,
// and bodies that pass validation, so that an allowed actor of organisation A reaches the service with
// B's id and must get 404. A feature adding a route with a new parameter adds its row here; a parameter
// without one gets a random id (404 too, but proves less).
import { systemActor } from '@jinji/auth/actor';
import type { TrainingDb } from '../src/db/database';
import { applications } from '../src/db/schema/index';
import { courseFixtures } from '../src/features/courses/courses.fixtures';
import { issueScimToken } from '../src/features/scim/scim.service';

export type ForeignFixtures = {
  /** path parameter name (without ':') → organisation B's id for it */
  params: Record<string, string>;
  /** 'METHOD /url' → a body that passes validation */
  bodies: Record<string, unknown>;
  /** B's personal values: no response to A may hold them */
  values: string[];
};

export async function foreignFixtures(
  db: TrainingDb,
  b: { id: string; userIds: string[]; loginIds: string[] },
): Promise<ForeignFixtures> {
  const bAdmin = systemActor(b.id, 'test-fixtures', { systemRole: 'admin' as const });
  const token = await issueScimToken(db, bAdmin, { label: 'B の人事管理' });
  const courses = await courseFixtures(db, b.id);
  // a 申請中 application of B's user to B's session: every /applications/:id route must 404 for A
  const [application] = await db.asTenant(b.id, (tx) =>
    tx
      .insert(applications)
      .values({ organisationId: b.id, sessionId: courses.params.sessionId, userId: b.userIds.at(-1)! })
      .returning({ id: applications.id }),
  );
  return {
    params: { userId: b.userIds[0]!, tokenId: token.token.id, ...courses.params, id: application!.id },
    bodies: {
      ...courses.bodies,
      // bodies that pass validation: A's actors reach the service with B's application / session ids
      'POST /api/v1/applications/:id/cancel': { reason: '都合により' },
      'POST /api/v1/applications/:id/reject': { reason: '業務繁忙のため' },
      'POST /api/v1/applications/:id/change': { sessionId: courses.params.sessionId, reason: '日程の都合' },
      'PUT /api/v1/course-sessions/:sessionId/attendance': {
        entries: [{ applicationId: application!.id, attendance: 'attended' }],
      },
    },
    // B's own names (organisation A has users called 'admin' too)
    values: [...b.loginIds.filter((id) => id.startsWith('b-')), 'B の人事管理', 'B社の講座'],
  };
}
