// Every query of 公開講座: the admin's writes, the search (one statement for the page of courses, one for
// their sessions: no query per course), the detail, and the catalog's keyset over (updated_at, id).
import { currentTenantId, queryRows } from '@jinji/db/client';
import { containsPattern } from '@jinji/db/like';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TrainingTx } from '../../db/database';
import { courseSessions, courses } from '../../db/schema/index';

export type CourseRow = typeof courses.$inferSelect;

// every statement names the organisation (Citus routes by it; RLS keeps organisations apart either way)
const ofCourses = () => eq(courses.organisationId, currentTenantId());
const ofSessions = () => eq(courseSessions.organisationId, currentTenantId());
export type SessionRow = typeof courseSessions.$inferSelect;

export type SessionFilter = {
  /** Japan-time days, yyyy-mm-dd, both included */
  from?: string;
  to?: string;
  venueKind?: 'venue' | 'online';
  prefecture?: string;
  city?: string;
  hasSeats?: boolean;
  /** only sessions that have not ended (the search); the detail and the catalog show every session */
  upcomingOnly: boolean;
};

export type CourseFilter = {
  searchForm?: string;
  category?: string;
  publishedOnly: boolean;
  /** courses must have a session that passes the session filter */
  needsSession: boolean;
};

function sessionWhere(f: SessionFilter): SQL {
  const s = courseSessions;
  return and(
    sql`true`,
    f.upcomingOnly ? sql`${s.endsAt} >= now()` : undefined,
    f.from ? sql`${s.startsAt} >= (${f.from}::date::timestamp at time zone 'Asia/Tokyo')` : undefined,
    f.to ? sql`${s.startsAt} < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Tokyo')` : undefined,
    f.venueKind ? eq(s.venueKind, f.venueKind) : undefined,
    f.prefecture ? eq(s.prefecture, f.prefecture) : undefined,
    f.city ? sql`${s.city} like ${containsPattern(f.city)}` : undefined,
    f.hasSeats ? sql`${s.capacity} > ${s.seatsTaken}` : undefined,
  ) as SQL;
}

/**
 * One page of courses for the search, sorted by their next matching session (courses without one last),
 * then 講座コード; with the total.
 */
export async function findCoursePage(
  tx: TrainingTx,
  cf: CourseFilter,
  sf: SessionFilter,
  page: { page: number; pageSize: number },
): Promise<{ ids: { id: string; nextStartsAt: Date | null }[]; total: number }> {
  const c = courses;
  const where = and(
    ofCourses(),
    cf.publishedOnly ? sql`${c.publishedAt} is not null` : undefined,
    cf.category ? eq(c.category, cf.category) : undefined,
    cf.searchForm ? sql`${c.searchText} like ${containsPattern(cf.searchForm)}` : undefined,
  );
  const matching = sql`select min(${courseSessions.startsAt}) from ${courseSessions}
    where ${courseSessions.organisationId} = ${c.organisationId} and ${courseSessions.courseId} = ${c.id}
      and ${sessionWhere(sf)}`;
  const rows = await queryRows<{ id: string; next: Date | string | null; total: number | string }>(
    tx,
    sql`select id, next, count(*) over () as total from (
          select ${c.id} as id, ${c.code} as code, (${matching}) as next from ${c} where ${where}
        ) m
        ${cf.needsSession ? sql`where next is not null` : sql``}
        order by next asc nulls last, code asc, id asc
        limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page.page > 1) {
    // past the last page: the total still tells the pager where the list ends
    const [n] = await queryRows<{ n: number | string }>(
      tx,
      sql`select count(*) as n from (select (${matching}) as next from ${c} where ${where}) m
          ${cf.needsSession ? sql`where next is not null` : sql``}`,
    );
    total = Number(n?.n ?? 0);
  }
  return { ids: rows.map((r) => ({ id: r.id, nextStartsAt: r.next === null ? null : new Date(r.next) })), total };
}

export async function findCoursesByIds(tx: TrainingTx, ids: string[]): Promise<CourseRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(courses)
    .where(and(ofCourses(), inArray(courses.id, ids)));
}

export async function findSessionsOfCourses(tx: TrainingTx, ids: string[], f: SessionFilter): Promise<SessionRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(courseSessions)
    .where(and(ofSessions(), inArray(courseSessions.courseId, ids), sessionWhere(f)))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.id));
}

export async function findCourse(tx: TrainingTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx
    .select()
    .from(courses)
    .where(and(ofCourses(), eq(courses.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findCourseIdByCode(tx: TrainingTx, code: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(ofCourses(), eq(courses.code, code)));
  return row?.id ?? null;
}

export async function insertCourse(tx: TrainingTx, row: typeof courses.$inferInsert): Promise<CourseRow> {
  const [created] = await tx.insert(courses).values(row).returning();
  return created!;
}

export async function updateCourse(
  tx: TrainingTx,
  id: string,
  set: Partial<typeof courses.$inferInsert>,
): Promise<CourseRow> {
  const [row] = await tx
    .update(courses)
    .set(set)
    .where(and(ofCourses(), eq(courses.id, id)))
    .returning();
  return row!;
}

/** A change of a session is a change of its course for the catalog's cursor. */
export async function touchCourse(tx: TrainingTx, id: string, at: Date): Promise<void> {
  await tx
    .update(courses)
    .set({ updatedAt: at })
    .where(and(ofCourses(), eq(courses.id, id)));
}

export async function deleteCourse(tx: TrainingTx, id: string): Promise<void> {
  await tx.delete(courses).where(and(ofCourses(), eq(courses.id, id)));
}

/** Sessions with confirmed seats: the course cannot be deleted while any has one. */
export async function countTakenSeats(tx: TrainingTx, courseId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${courseSessions.seatsTaken}), 0)::int` })
    .from(courseSessions)
    .where(and(ofSessions(), eq(courseSessions.courseId, courseId)));
  return Number(row?.n ?? 0);
}

export async function findSession(tx: TrainingTx, courseId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx
    .select()
    .from(courseSessions)
    .where(and(ofSessions(), eq(courseSessions.courseId, courseId), eq(courseSessions.id, id)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertSession(tx: TrainingTx, row: typeof courseSessions.$inferInsert): Promise<SessionRow> {
  const [created] = await tx.insert(courseSessions).values(row).returning();
  return created!;
}

export async function updateSession(
  tx: TrainingTx,
  id: string,
  set: Partial<typeof courseSessions.$inferInsert>,
): Promise<SessionRow> {
  const [row] = await tx
    .update(courseSessions)
    .set(set)
    .where(and(ofSessions(), eq(courseSessions.id, id)))
    .returning();
  return row!;
}

export async function deleteSession(tx: TrainingTx, id: string): Promise<void> {
  await tx.delete(courseSessions).where(and(ofSessions(), eq(courseSessions.id, id)));
}

/**
 * The catalog's next courses after a key, oldest change first. The key is compared at the column's own
 * (microsecond) precision: `at` is the text this query handed out, never a JS Date.
 */
export async function findCoursesChangedAfter(
  tx: TrainingTx,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<(CourseRow & { cursorAt: string })[]> {
  const c = courses;
  return tx
    .select({
      organisationId: c.organisationId,
      id: c.id,
      code: c.code,
      title: c.title,
      category: c.category,
      description: c.description,
      fee: c.fee,
      searchText: c.searchText,
      publishedAt: c.publishedAt,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      cursorAt: sql<string>`to_char(${c.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(c)
    .where(
      and(
        ofCourses(),
        after ? sql`(${c.updatedAt}, ${c.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(c.updatedAt), asc(c.id))
    .limit(limit);
}
