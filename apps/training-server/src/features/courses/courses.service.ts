// 公開講座 (R-TRN-2): the admin's writes (each with its audit row, in one transaction), the search and
// detail every signed-in user sees (非公開 courses only for admins), and the catalog HR reads by cursor.

import type { TCatalogResponse, ZCatalogQuery } from '@jinji/contracts/link/catalog';
import { isTrainingAllowed } from '@jinji/contracts/training/access';
import type {
  TCourse,
  TCourseDetail,
  TCourseInput,
  TCourseSearchResponse,
  TCourseSession,
  TSessionInput,
  ZCourseSearchQuery,
} from '@jinji/contracts/training/courses';
import { toSearchForm } from '@jinji/ja/text';
import { AppError } from '@jinji/server-kit/app-error';
import type { z } from 'zod';
import { requireTrainingPermission, type TrainingActor } from '../../access';
import type { TrainingDb, TrainingTx } from '../../db/database';
import { type ApplicationDeps, promoteInTx } from '../applications/applications.service';
import { recordAudit, recordAudits } from '../audit/audit.service';
import * as repo from './courses.repository';

/** A session edit may promote the waiting list: it writes mails and wakes their worker. */
export type PromotionDeps = ApplicationDeps;

const COURSE_NOT_FOUND = '講座が見つかりません';
const SESSION_NOT_FOUND = '開催日程が見つかりません';

const canManage = (actor: TrainingActor) => isTrainingAllowed(actor.systemRole, 'courses.manage');

export const courseSearchText = (c: { code: string; title: string; description: string }) =>
  toSearchForm(`${c.title} ${c.code} ${c.description}`);

function courseOf(row: repo.CourseRow): TCourse {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    category: row.category as TCourse['category'],
    description: row.description,
    fee: row.fee,
    isPublished: row.publishedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function sessionOf(row: repo.SessionRow, now = new Date()): TCourseSession {
  const isClosed = row.applyDeadline.getTime() < now.getTime();
  return {
    id: row.id,
    courseId: row.courseId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    venueKind: row.venueKind,
    prefecture: row.prefecture,
    city: row.city,
    place: row.place,
    address: row.address,
    capacity: row.capacity,
    seatsTaken: row.seatsTaken,
    seatsLeft: row.capacity - row.seatsTaken,
    applyDeadline: row.applyDeadline.toISOString(),
    cancelDeadline: row.cancelDeadline.toISOString(),
    isClosed,
    canApply: !isClosed,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function groupSessions(sessions: repo.SessionRow[]) {
  const by = new Map<string, TCourseSession[]>();
  const now = new Date();
  for (const s of sessions) by.set(s.courseId, [...(by.get(s.courseId) ?? []), sessionOf(s, now)]);
  return by;
}

export async function searchCourses(
  db: TrainingDb,
  actor: TrainingActor,
  q: z.output<typeof ZCourseSearchQuery>,
): Promise<TCourseSearchResponse> {
  requireTrainingPermission(actor, 'courses.view');
  const admin = q.includeUnpublished === true && canManage(actor);
  const searchForm = q.q ? toSearchForm(q.q) : '';
  const sf: repo.SessionFilter = {
    from: q.from,
    to: q.to,
    venueKind: q.venueKind,
    prefecture: q.prefecture,
    city: q.city,
    hasSeats: q.hasSeats,
    upcomingOnly: true,
  };
  const hasSessionFilter = Boolean(q.from || q.to || q.venueKind || q.prefecture || q.city || q.hasSeats);
  return db.asTenant(actor.tenantId, async (tx) => {
    const cf: repo.CourseFilter = {
      searchForm: searchForm || undefined,
      category: q.category,
      publishedOnly: !admin,
      needsSession: hasSessionFilter || !admin,
    };
    const page = await repo.findCoursePage(tx, cf, sf, q);
    const ids = page.ids.map((r) => r.id);
    const [rows, sessions] = await Promise.all([
      repo.findCoursesByIds(tx, ids),
      repo.findSessionsOfCourses(tx, ids, sf),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const sessionsOf = groupSessions(sessions);
    return {
      items: page.ids.map(({ id, nextStartsAt }) => ({
        ...courseOf(byId.get(id)!),
        sessions: sessionsOf.get(id) ?? [],
        nextStartsAt: nextStartsAt?.toISOString() ?? null,
      })),
      total: page.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

async function detailIn(tx: TrainingTx, row: repo.CourseRow): Promise<TCourseDetail> {
  const sessions = await repo.findSessionsOfCourses(tx, [row.id], { upcomingOnly: false });
  return { ...courseOf(row), sessions: sessions.map((s) => sessionOf(s)) };
}

/** A course with every session; a 非公開 one is 404 to everyone but admins. */
export async function getCourse(db: TrainingDb, actor: TrainingActor, courseId: string): Promise<TCourseDetail> {
  requireTrainingPermission(actor, 'courses.view');
  return db.asTenant(actor.tenantId, async (tx) => {
    const row = await repo.findCourse(tx, courseId);
    if (!row || (row.publishedAt === null && !canManage(actor))) throw new AppError('NOT_FOUND', COURSE_NOT_FOUND);
    return detailIn(tx, row);
  });
}

const duplicateCode = (code: string) =>
  new AppError('DUPLICATE_CODE', `講座コード「${code}」は既に使われています`, [
    { path: 'code', message: `講座コード「${code}」は既に使われています` },
  ]);

function courseColumns(input: TCourseInput, publishedAt: Date | null) {
  return {
    code: input.code,
    title: input.title,
    category: input.category,
    description: input.description,
    fee: input.fee,
    searchText: courseSearchText(input),
    publishedAt: input.isPublished ? (publishedAt ?? new Date()) : null,
  };
}

/** The audited view of a course: its fields, never the folded search text. */
const auditedCourse = (c: TCourse) => ({
  code: c.code,
  title: c.title,
  category: c.category,
  fee: c.fee,
  isPublished: c.isPublished,
  description: c.description,
});

export async function createCourse(db: TrainingDb, actor: TrainingActor, input: TCourseInput): Promise<TCourseDetail> {
  requireTrainingPermission(actor, 'courses.manage');
  return db.asTenant(actor.tenantId, async (tx) => {
    if (await repo.findCourseIdByCode(tx, input.code)) throw duplicateCode(input.code);
    const now = new Date();
    const row = await repo.insertCourse(tx, {
      organisationId: actor.tenantId,
      ...courseColumns(input, null),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, actor, {
      action: 'create',
      targetType: 'course',
      targetId: row.id,
      after: auditedCourse(courseOf(row)),
    });
    return { ...courseOf(row), sessions: [] };
  });
}

export async function updateCourse(
  db: TrainingDb,
  actor: TrainingActor,
  courseId: string,
  input: TCourseInput,
): Promise<TCourseDetail> {
  requireTrainingPermission(actor, 'courses.manage');
  return db.asTenant(actor.tenantId, async (tx) => {
    const before = await repo.findCourse(tx, courseId, { forUpdate: true });
    if (!before) throw new AppError('NOT_FOUND', COURSE_NOT_FOUND);
    const other = await repo.findCourseIdByCode(tx, input.code);
    if (other && other !== courseId) throw duplicateCode(input.code);
    const row = await repo.updateCourse(tx, courseId, {
      ...courseColumns(input, before.publishedAt),
      updatedAt: new Date(),
    });
    await recordAudit(tx, actor, {
      action: 'update',
      targetType: 'course',
      targetId: row.id,
      before: auditedCourse(courseOf(before)),
      after: auditedCourse(courseOf(row)),
    });
    return detailIn(tx, row);
  });
}

/**
 * Deletes a course and its sessions. Refused while any session has confirmed seats (seats_taken, which the
 * applications slice keeps): the applicants' history must not lose its course; 非公開 hides it instead.
 */
export async function deleteCourse(db: TrainingDb, actor: TrainingActor, courseId: string): Promise<void> {
  requireTrainingPermission(actor, 'courses.manage');
  await db.asTenant(actor.tenantId, async (tx) => {
    const before = await repo.findCourse(tx, courseId, { forUpdate: true });
    if (!before) throw new AppError('NOT_FOUND', COURSE_NOT_FOUND);
    const taken = await repo.countTakenSeats(tx, courseId);
    if (taken > 0) {
      throw new AppError(
        'CONFLICT',
        `申込済みの受講者（${taken}名）がいる開催日程があるため、講座を削除できません。非公開にしてください`,
      );
    }
    await repo.deleteCourse(tx, courseId);
    await recordAudit(tx, actor, {
      action: 'delete',
      targetType: 'course',
      targetId: courseId,
      before: auditedCourse(courseOf(before)),
    });
  });
}

function sessionColumns(input: TSessionInput) {
  const online = input.venueKind === 'online';
  return {
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    venueKind: input.venueKind,
    prefecture: online ? null : input.prefecture,
    city: online ? null : input.city,
    place: input.place,
    address: online ? '' : input.address,
    capacity: input.capacity,
    applyDeadline: new Date(input.applyDeadline),
    cancelDeadline: new Date(input.cancelDeadline),
  };
}

const auditedSession = (s: TCourseSession) => {
  const { seatsLeft: _l, isClosed: _c, canApply: _a, updatedAt: _u, ...rest } = s;
  return rest;
};

async function courseForWrite(tx: TrainingTx, courseId: string) {
  // the course row is locked: a session write and the course's delete do not cross
  const course = await repo.findCourse(tx, courseId, { forUpdate: true });
  if (!course) throw new AppError('NOT_FOUND', COURSE_NOT_FOUND);
  return course;
}

export async function createSession(
  db: TrainingDb,
  actor: TrainingActor,
  courseId: string,
  input: TSessionInput,
): Promise<TCourseSession> {
  requireTrainingPermission(actor, 'courses.manage');
  return db.asTenant(actor.tenantId, async (tx) => {
    await courseForWrite(tx, courseId);
    const now = new Date();
    const row = await repo.insertSession(tx, {
      organisationId: actor.tenantId,
      courseId,
      ...sessionColumns(input),
      createdAt: now,
      updatedAt: now,
    });
    await repo.touchCourse(tx, courseId, now);
    const session = sessionOf(row, now);
    await recordAudit(tx, actor, {
      action: 'create',
      targetType: 'course_session',
      targetId: row.id,
      after: auditedSession(session),
    });
    return session;
  });
}

/**
 * Edits a session. 定員 below the seats already taken is refused; a raised 定員 fills the new seats from the
 * waiting list in the same transaction (the applications slice's promotion, with its mails and audit rows).
 */
export async function updateSession(
  deps: PromotionDeps,
  actor: TrainingActor,
  courseId: string,
  sessionId: string,
  input: TSessionInput,
): Promise<TCourseSession> {
  requireTrainingPermission(actor, 'courses.manage');
  const { session, promoted } = await deps.db.asTenant(actor.tenantId, async (tx) => {
    await courseForWrite(tx, courseId);
    // locked as the applications slice locks it to take a seat: the 定員 check sees the final count
    const before = await repo.findSession(tx, courseId, sessionId, { forUpdate: true });
    if (!before) throw new AppError('NOT_FOUND', SESSION_NOT_FOUND);
    if (input.capacity < before.seatsTaken) {
      const message = `定員は申込済みの席数（${before.seatsTaken}名）以上で入力してください`;
      throw new AppError('VALIDATION_FAILED', message, [{ path: 'capacity', message }]);
    }
    const now = new Date();
    await repo.updateSession(tx, sessionId, { ...sessionColumns(input), updatedAt: now });
    await repo.touchCourse(tx, courseId, now);
    const promotions = await promoteInTx(deps, tx, actor, sessionId, { sessionEdit: sessionId });
    const row = (await repo.findSession(tx, courseId, sessionId))!;
    const session = sessionOf(row, now);
    await recordAudit(tx, actor, {
      action: 'update',
      targetType: 'course_session',
      targetId: sessionId,
      before: auditedSession(sessionOf(before, now)),
      after: auditedSession(session),
    });
    await recordAudits(tx, actor, promotions);
    return { session, promoted: promotions.length };
  });
  if (promoted > 0) await deps.mail.wake();
  return session;
}

/** Refused while the session has confirmed seats: cancel those applications first. */
export async function deleteSession(
  db: TrainingDb,
  actor: TrainingActor,
  courseId: string,
  sessionId: string,
): Promise<void> {
  requireTrainingPermission(actor, 'courses.manage');
  await db.asTenant(actor.tenantId, async (tx) => {
    await courseForWrite(tx, courseId);
    const before = await repo.findSession(tx, courseId, sessionId, { forUpdate: true });
    if (!before) throw new AppError('NOT_FOUND', SESSION_NOT_FOUND);
    if (before.seatsTaken > 0) {
      throw new AppError(
        'CONFLICT',
        `この開催日程には申込済みの受講者（${before.seatsTaken}名）がいるため削除できません。先に申込をキャンセルしてください`,
      );
    }
    await repo.deleteSession(tx, sessionId);
    const now = new Date();
    await repo.touchCourse(tx, courseId, now);
    await recordAudit(tx, actor, {
      action: 'delete',
      targetType: 'course_session',
      targetId: sessionId,
      before: auditedSession(sessionOf(before, now)),
    });
  });
}

// The catalog cursor: base64url of "<updated_at at µs, UTC>|<id>", opaque to HR.
const CURSOR_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

export const encodeCatalogCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');

function decodeCatalogCursor(cursor: string): { at: string; id: string } {
  const m = CURSOR_RE.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) {
    const message = 'cursor が正しくありません。前回の応答の nextCursor をそのまま指定してください';
    throw new AppError('VALIDATION_FAILED', message, [{ path: 'cursor', message }]);
  }
  return { at: m[1]!, id: m[2]! };
}

/**
 * Courses changed after the cursor (their fields or their sessions), oldest change first, each with all
 * its sessions. Reading changes nothing: the same cursor answers the same rows plus later changes.
 */
export async function listCatalogChanges(
  db: TrainingDb,
  actor: TrainingActor,
  q: z.output<typeof ZCatalogQuery>,
): Promise<TCatalogResponse> {
  requireTrainingPermission(actor, 'courses.view');
  const after = q.cursor ? decodeCatalogCursor(q.cursor) : null;
  return db.asTenant(actor.tenantId, async (tx) => {
    const rows = await repo.findCoursesChangedAfter(tx, after, q.limit + 1);
    const hasMore = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    const sessionsOf = groupSessions(
      await repo.findSessionsOfCourses(
        tx,
        page.map((r) => r.id),
        { upcomingOnly: false },
      ),
    );
    const last = page.at(-1);
    return {
      items: page.map((r) => ({ ...courseOf(r), sessions: sessionsOf.get(r.id) ?? [] })),
      nextCursor: last ? encodeCatalogCursor(last.cursorAt, last.id) : (q.cursor ?? ''),
      hasMore,
    };
  });
}
