// 公開講座 and their sessions (R-TRN-2). A course belongs to one 契約組織 (the tenant), as everything here;
// capacity is per session, and `seats_taken` is the confirmed count, kept by the applications slice in
// the same transaction that confirms or cancels, under a row lock (never above capacity: a check).
import { VENUE_KINDS } from '@jinji/contracts/training/courses';
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { organisationId, stamp, training } from './organisations';

/** 会場 or オンライン (contracts/training/courses) */
export { VENUE_KINDS };

export const courses = training.table(
  'courses',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** 講座コード, shown and searched */
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** カテゴリ (contracts/training/courses lists them) */
    category: text('category').notNull(),
    description: text('description').notNull().default(''),
    /** 受講料 (円, 税込) */
    fee: integer('fee').notNull().default(0),
    /** folded title + code + description for the keyword search (ja/text toSearchForm) */
    searchText: text('search_text').notNull().default(''),
    publishedAt: stamp('published_at'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique('courses_code_uq').on(t.organisationId, t.code),
    check('courses_fee_ck', sql`${t.fee} >= 0`),
    // the catalog API's keyset (changed since a cursor); a session's change touches its course
    index('courses_updated_idx').on(t.organisationId, t.updatedAt, t.id),
  ],
);

export const courseSessions = training.table(
  'course_sessions',
  {
    organisationId: organisationId(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    courseId: uuid('course_id').notNull(),
    startsAt: stamp('starts_at').notNull(),
    endsAt: stamp('ends_at').notNull(),
    venueKind: text('venue_kind', { enum: VENUE_KINDS }).notNull(),
    /** 開催地 (都道府県・市区町村), null online */
    city: text('city'),
    /** 開催地's 都道府県 alone (東京都), null online: the search's 都道府県 filter */
    prefecture: text('prefecture'),
    /** 会場 (name and address) or the online tool's name */
    place: text('place').notNull().default(''),
    /** 会場の住所 (empty online) */
    address: text('address').notNull().default(''),
    capacity: integer('capacity').notNull(),
    seatsTaken: integer('seats_taken').notNull().default(0),
    /** 申込締切 / キャンセル締切 */
    applyDeadline: stamp('apply_deadline').notNull(),
    cancelDeadline: stamp('cancel_deadline').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      name: 'course_sessions_course_fk',
      columns: [t.organisationId, t.courseId],
      foreignColumns: [courses.organisationId, courses.id],
    }).onDelete('cascade'),
    index('course_sessions_course_idx').on(t.organisationId, t.courseId, t.startsAt),
    index('course_sessions_starts_idx').on(t.organisationId, t.startsAt),
    check('course_sessions_capacity_ck', sql`${t.capacity} > 0 and ${t.seatsTaken} between 0 and ${t.capacity}`),
    check('course_sessions_time_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
