// Every query of the applications slice. Each takes the caller's transaction (the organisation's, under
// RLS). The session row is the lock that serialises everything that moves a seat: approving, cancelling
// a confirmed application and promoting from the waiting list all take it first (`lockSessions`).
import { currentTenantId } from '@jinji/db/client';
import { and, asc, count, desc, eq, gt, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TrainingTx } from '../../db/database';
import { applications, courseSessions, courses, users } from '../../db/schema/index';

export type ApplicationRow = typeof applications.$inferSelect;

// every statement names the organisation on its first table (Citus routes by it; RLS keeps organisations
// apart either way), and the joins below carry it to the others
const ofApplications = () => eq(applications.organisationId, currentTenantId());
const ofSessions = () => eq(courseSessions.organisationId, currentTenantId());
const ofUsers = () => eq(users.organisationId, currentTenantId());

// the joins every query repeats, each within the organisation (no join crosses tenants)
const courseOfSession = and(
  eq(courses.organisationId, courseSessions.organisationId),
  eq(courses.id, courseSessions.courseId),
);
const sessionOfApplication = and(
  eq(courseSessions.organisationId, applications.organisationId),
  eq(courseSessions.id, applications.sessionId),
);

const sessionColumns = {
  id: courseSessions.id,
  courseId: courseSessions.courseId,
  courseCode: courses.code,
  courseTitle: courses.title,
  fee: courses.fee,
  startsAt: courseSessions.startsAt,
  endsAt: courseSessions.endsAt,
  venueKind: courseSessions.venueKind,
  city: courseSessions.city,
  place: courseSessions.place,
  capacity: courseSessions.capacity,
  seatsTaken: courseSessions.seatsTaken,
  applyDeadline: courseSessions.applyDeadline,
  cancelDeadline: courseSessions.cancelDeadline,
};
export type SessionRow = {
  id: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  fee: number;
  startsAt: Date;
  endsAt: Date;
  venueKind: 'venue' | 'online';
  city: string | null;
  place: string;
  capacity: number;
  seatsTaken: number;
  applyDeadline: Date;
  cancelDeadline: Date;
};

export async function findSession(tx: TrainingTx, sessionId: string): Promise<SessionRow | null> {
  const rows = await tx
    .select(sessionColumns)
    .from(courseSessions)
    .innerJoin(
      courses,
      and(eq(courses.organisationId, courseSessions.organisationId), eq(courses.id, courseSessions.courseId)),
    )
    .where(and(ofSessions(), eq(courseSessions.id, sessionId)))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks the sessions' rows (in id order, so two changes between the same sessions cannot deadlock). */
export async function lockSessions(tx: TrainingTx, sessionIds: string[]): Promise<Map<string, SessionRow>> {
  const ids = [...new Set(sessionIds)].sort();
  for (const id of ids) {
    await tx
      .select({ id: courseSessions.id })
      .from(courseSessions)
      .where(and(ofSessions(), eq(courseSessions.id, id)))
      .for('update');
  }
  const rows = await tx
    .select(sessionColumns)
    .from(courseSessions)
    .innerJoin(
      courses,
      and(eq(courses.organisationId, courseSessions.organisationId), eq(courses.id, courseSessions.courseId)),
    )
    .where(and(ofSessions(), inArray(courseSessions.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function addSeats(tx: TrainingTx, sessionId: string, delta: number) {
  await tx
    .update(courseSessions)
    .set({ seatsTaken: sql`${courseSessions.seatsTaken} + ${delta}`, updatedAt: sql`now()` })
    .where(and(ofSessions(), eq(courseSessions.id, sessionId)));
}

export type PersonRow = {
  id: string;
  loginId: string;
  displayName: string;
  departmentName: string | null;
  email: string | null;
  systemRole: 'general' | 'approver' | 'admin';
  approverId: string | null;
  isDisabled: boolean;
};
const personColumns = {
  id: users.id,
  loginId: users.loginId,
  displayName: users.displayName,
  departmentName: users.departmentName,
  email: users.email,
  systemRole: users.systemRole,
  approverId: users.approverId,
  isDisabled: sql<boolean>`${users.disabledAt} is not null`,
};

export async function findPeople(tx: TrainingTx, ids: (string | null | undefined)[]): Promise<Map<string, PersonRow>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select(personColumns)
    .from(users)
    .where(and(ofUsers(), inArray(users.id, wanted)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The organisation's active 承認者 and 管理者 but `exceptUserId` (who decide when an applicant has no 承認者). */
export async function findOrganisationApprovers(
  tx: TrainingTx,
  exceptUserId: string,
  limit = 200,
): Promise<PersonRow[]> {
  return tx
    .select(personColumns)
    .from(users)
    .where(
      and(
        ofUsers(),
        inArray(users.systemRole, ['approver', 'admin']),
        isNull(users.disabledAt),
        ne(users.id, exceptUserId),
      ),
    )
    .orderBy(asc(users.loginId))
    .limit(limit);
}

export async function insertApplication(
  tx: TrainingTx,
  row: Pick<ApplicationRow, 'organisationId' | 'sessionId' | 'userId' | 'approverId' | 'note'> &
    Partial<Pick<ApplicationRow, 'changedFromId'>>,
): Promise<ApplicationRow> {
  const [created] = await tx.insert(applications).values(row).returning();
  return created!;
}

export async function findApplication(tx: TrainingTx, id: string, opts: { lock?: boolean } = {}) {
  const q = tx
    .select()
    .from(applications)
    .where(and(ofApplications(), eq(applications.id, id)))
    .limit(1);
  const rows = opts.lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function updateApplication(
  tx: TrainingTx,
  id: string,
  patch: Partial<Omit<ApplicationRow, 'organisationId' | 'id' | 'createdAt' | 'updatedAt'>>,
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(applications)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(ofApplications(), eq(applications.id, id)))
    .returning();
  return row!;
}

/** The first in the session's キャンセル待ち queue, locked (the session's row is already). */
export async function findFirstWaitlisted(tx: TrainingTx, sessionId: string): Promise<ApplicationRow | null> {
  const rows = await tx
    .select()
    .from(applications)
    .where(and(ofApplications(), eq(applications.sessionId, sessionId), eq(applications.status, 'waitlisted')))
    .orderBy(asc(applications.waitlistedAt), asc(applications.id))
    .limit(1)
    .for('update');
  return rows[0] ?? null;
}

export async function findLiveApplication(tx: TrainingTx, sessionId: string, userId: string) {
  const rows = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        ofApplications(),
        eq(applications.sessionId, sessionId),
        eq(applications.userId, userId),
        inArray(applications.status, ['pending', 'confirmed', 'waitlisted']),
      ),
    )
    .limit(1);
  return rows[0]?.id ?? null;
}

// ---- lists ----------------------------------------------------------------------------------------------
const applicant = alias(users, 'applicant');
const approver = alias(users, 'approver');
const decider = alias(users, 'decider');

const listColumns = {
  application: applications,
  session: sessionColumns,
  applicant: {
    id: applicant.id,
    loginId: applicant.loginId,
    displayName: applicant.displayName,
    departmentName: applicant.departmentName,
  },
  approverName: approver.displayName,
  decidedByName: decider.displayName,
  /** 1-based place in the queue, for キャンセル待ち */
  waitlistPosition: sql<number | null>`case when ${applications.status} = 'waitlisted' then (
    select count(*)::int from ${applications} w
    where w.organisation_id = ${applications.organisationId} and w.session_id = ${applications.sessionId}
      and w.status = 'waitlisted' and (w.waitlisted_at, w.id) <= (${applications.waitlistedAt}, ${applications.id})
  ) end`,
};
export type ListedApplication = {
  application: ApplicationRow;
  session: SessionRow;
  applicant: { id: string; loginId: string; displayName: string; departmentName: string | null };
  approverName: string | null;
  decidedByName: string | null;
  waitlistPosition: number | null;
};

const applicantOf = and(
  eq(applicant.organisationId, applications.organisationId),
  eq(applicant.id, applications.userId),
);

/** applications with their session, course, applicant, approver and decider: the lists' join chain */
const listFrom = (tx: TrainingTx) =>
  tx
    .select(listColumns)
    .from(applications)
    .innerJoin(courseSessions, sessionOfApplication)
    .innerJoin(courses, courseOfSession)
    .innerJoin(applicant, applicantOf)
    .leftJoin(
      approver,
      and(eq(approver.organisationId, applications.organisationId), eq(approver.id, applications.approverId)),
    )
    .leftJoin(
      decider,
      and(eq(decider.organisationId, applications.organisationId), eq(decider.id, applications.decidedBy)),
    );
/** the same rows counted (the left joins add none) */
const countFrom = (tx: TrainingTx) =>
  tx
    .select({ n: count() })
    .from(applications)
    .innerJoin(courseSessions, sessionOfApplication)
    .innerJoin(courses, courseOfSession)
    .innerJoin(applicant, applicantOf);

export type ApplicationFilter = {
  userId?: string;
  status?: ApplicationRow['status'];
  sessionId?: string;
  /** folded keyword on the applicant's name / ログインID and the course's title / code */
  q?: string;
  /** 承認待ち: pending ones the caller may decide (`anyApprover`: also those without an approver) */
  pendingFor?: { userId: string; isAdmin: boolean; isApprover: boolean };
};

function whereOf(f: ApplicationFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [ofApplications()];
  if (f.userId) parts.push(eq(applications.userId, f.userId));
  if (f.status) parts.push(eq(applications.status, f.status));
  if (f.sessionId) parts.push(eq(applications.sessionId, f.sessionId));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      or(
        sql`${applicant.displayName} ilike ${like}`,
        sql`${applicant.loginId} ilike ${like}`,
        sql`${courses.title} ilike ${like}`,
        sql`${courses.code} ilike ${like}`,
      ),
    );
  }
  if (f.pendingFor) {
    const p = f.pendingFor;
    parts.push(eq(applications.status, 'pending'), ne(applications.userId, p.userId));
    if (!p.isAdmin) {
      parts.push(
        p.isApprover
          ? or(eq(applications.approverId, p.userId), isNull(applications.approverId))
          : eq(applications.approverId, p.userId),
      );
    }
  }
  return and(...parts);
}

export async function listApplications(
  tx: TrainingTx,
  filter: ApplicationFilter,
  page: { offset: number; limit: number; order: 'newest' | 'oldest' },
): Promise<{ total: number; items: ListedApplication[] }> {
  const where = whereOf(filter);
  const order =
    page.order === 'newest'
      ? [desc(applications.createdAt), desc(applications.id)]
      : [asc(applications.createdAt), asc(applications.id)];
  const [items, counted] = await Promise.all([
    listFrom(tx)
      .where(where)
      .orderBy(...order)
      .offset(page.offset)
      .limit(page.limit),
    countFrom(tx).where(where),
  ]);
  return { total: counted[0]?.n ?? 0, items: items as ListedApplication[] };
}

export async function getListedApplication(tx: TrainingTx, id: string): Promise<ListedApplication | null> {
  const rows = await listFrom(tx)
    .where(and(ofApplications(), eq(applications.id, id)))
    .limit(1);
  return (rows[0] as ListedApplication | undefined) ?? null;
}

/** 受講者詳細: a session's applications — confirmed first, then the queue in order, then the rest. Capped. */
export async function listSessionApplications(tx: TrainingTx, sessionId: string, limit = 2000) {
  const rank = sql`case ${applications.status} when 'confirmed' then 0 when 'waitlisted' then 1 when 'pending' then 2 else 3 end`;
  const rows = await listFrom(tx)
    .where(and(ofApplications(), eq(applications.sessionId, sessionId)))
    .orderBy(rank, asc(applications.waitlistedAt), asc(applications.createdAt), asc(applications.id))
    .limit(limit);
  return rows as ListedApplication[];
}

export async function setAttendance(
  tx: TrainingTx,
  sessionId: string,
  entries: { applicationId: string; attendance: ApplicationRow['attendance'] }[],
) {
  const groups = new Map<ApplicationRow['attendance'], string[]>();
  for (const e of entries) groups.set(e.attendance, [...(groups.get(e.attendance) ?? []), e.applicationId]);
  let updated = 0;
  for (const [attendance, ids] of groups) {
    const rows = await tx
      .update(applications)
      .set({ attendance, updatedAt: sql`now()` })
      .where(and(ofApplications(), eq(applications.sessionId, sessionId), inArray(applications.id, ids)))
      .returning({ id: applications.id });
    updated += rows.length;
  }
  return updated;
}

export async function findApplicationsOfSession(tx: TrainingTx, sessionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: applications.id, status: applications.status, attendance: applications.attendance })
    .from(applications)
    .where(and(ofApplications(), eq(applications.sessionId, sessionId), inArray(applications.id, ids)));
}

// ---- pickers -------------------------------------------------------------------------------------------
export async function pickUsers(tx: TrainingTx, q: string, limit = 20) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return tx
    .select({ id: users.id, loginId: users.loginId, displayName: users.displayName, systemRole: users.systemRole })
    .from(users)
    .where(
      and(ofUsers(), q ? or(sql`${users.displayName} ilike ${like}`, sql`${users.loginId} ilike ${like}`) : undefined),
    )
    .orderBy(asc(users.loginId))
    .limit(limit);
}

export async function listSessionsWithCounts(tx: TrainingTx, q: string, page: { offset: number; limit: number }) {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(
    ofSessions(),
    q ? or(sql`${courses.title} ilike ${like}`, sql`${courses.code} ilike ${like}`) : undefined,
  );
  const counts = (status: string) =>
    sql<number>`(select count(*)::int from ${applications} a where a.organisation_id = ${courseSessions.organisationId}
      and a.session_id = ${courseSessions.id} and a.status = ${status})`;
  const base = () =>
    tx
      .select({ ...sessionColumns, pendingCount: counts('pending'), waitlistedCount: counts('waitlisted') })
      .from(courseSessions)
      .innerJoin(
        courses,
        and(eq(courses.organisationId, courseSessions.organisationId), eq(courses.id, courseSessions.courseId)),
      );
  const [items, counted] = await Promise.all([
    base()
      .where(where)
      .orderBy(desc(courseSessions.startsAt), asc(courseSessions.id))
      .offset(page.offset)
      .limit(page.limit),
    tx
      .select({ n: count() })
      .from(courseSessions)
      .innerJoin(
        courses,
        and(eq(courses.organisationId, courseSessions.organisationId), eq(courses.id, courseSessions.courseId)),
      )
      .where(where),
  ]);
  return { total: counted[0]?.n ?? 0, items };
}

// ---- HR's read API -------------------------------------------------------------------------------------
/** Applications changed after (updatedAt, id), oldest change first. `after.updatedAt` is PostgreSQL's text. */
export async function listChangesSince(tx: TrainingTx, after: { updatedAt: string; id: string } | null, limit: number) {
  const stampText = sql<string>`to_char(${applications.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return tx
    .select({
      id: applications.id,
      externalId: users.externalId,
      loginId: users.loginId,
      courseId: courseSessions.courseId,
      courseCode: courses.code,
      sessionId: applications.sessionId,
      sessionStartsAt: courseSessions.startsAt,
      sessionEndsAt: courseSessions.endsAt,
      status: applications.status,
      attendance: applications.attendance,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
      cursorStamp: stampText,
    })
    .from(applications)
    .innerJoin(users, and(eq(users.organisationId, applications.organisationId), eq(users.id, applications.userId)))
    .innerJoin(
      courseSessions,
      and(
        eq(courseSessions.organisationId, applications.organisationId),
        eq(courseSessions.id, applications.sessionId),
      ),
    )
    .innerJoin(
      courses,
      and(eq(courses.organisationId, courseSessions.organisationId), eq(courses.id, courseSessions.courseId)),
    )
    .where(
      and(
        ofApplications(),
        after
          ? or(
              gt(applications.updatedAt, sql`${after.updatedAt}::timestamptz`),
              and(eq(applications.updatedAt, sql`${after.updatedAt}::timestamptz`), gt(applications.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(applications.updatedAt), asc(applications.id))
    .limit(limit);
}
