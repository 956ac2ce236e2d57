// The route matrix's rows of ANOTHER organisation (B), one per path parameter the training routes take, and
// bodies that pass validation (the kit's ForeignFixtures). Each feature supplies its rows (its *.fixtures.ts),
// in this order: an application needs the courses' session.
import { collectForeignFixtures } from '@jinji/test-kit/route-matrix';
import type { TrainingDb } from '../src/db/database';
import { applicationMatrixFixtures } from '../src/features/applications/applications.fixtures';
import { courseMatrixFixtures } from '../src/features/courses/courses.fixtures';
import { organisationMatrixFixtures } from '../src/features/organisations/organisations.fixtures';
import { scimMatrixFixtures } from '../src/features/scim/scim.fixtures';

export const foreignFixtures = (db: TrainingDb, b: { id: string; userIds: string[]; loginIds: string[] }) =>
  collectForeignFixtures(db, b, [
    organisationMatrixFixtures,
    scimMatrixFixtures,
    courseMatrixFixtures,
    applicationMatrixFixtures,
  ]);
