// The route matrix's rows of ANOTHER organisation (B), one per path parameter the training routes take,
// and bodies that pass validation, so that an allowed actor of organisation A reaches the service with
// B's id and must get 404. Each feature supplies its rows (its *.fixtures.ts); a parameter without one gets
// a random id (404 too, but proves less).
import { systemActor } from '@jinji/auth/actor';
import type { TrainingDb } from '../src/db/database';
import { applicationMatrixFixtures } from '../src/features/applications/applications.fixtures';
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
  const token = await issueScimToken(db, systemActor(b.id, 'test-fixtures', { systemRole: 'admin' as const }), {
    label: 'B の人事管理',
  });
  const courses = await courseFixtures(db, b.id);
  const applications = await applicationMatrixFixtures(db, b, courses.params.sessionId);
  return {
    params: { userId: b.userIds[0]!, tokenId: token.token.id, ...courses.params, ...applications.params },
    bodies: { ...courses.bodies, ...applications.bodies },
    // B's own names (organisation A has users called 'admin' too)
    values: [...b.loginIds.filter((id) => id.startsWith('b-')), 'B の人事管理', 'B社の講座'],
  };
}
