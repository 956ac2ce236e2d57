// 公開講座 and their sessions (R-TRN-2): the admin's forms, the search every signed-in user runs, and the
// course detail. Times travel as ISO 8601 with offset; the web composes them in Japan time (+09:00).
import { PREFECTURES } from '@jinji/ja/prefectures';
import { z } from 'zod';
import { zPageOf, zString } from '../common/common';

/** カテゴリ, in the order the search form lists them */
export const COURSE_CATEGORIES = [
  'business',
  'management',
  'it_dx',
  'compliance',
  'language',
  'certification',
  'new_hire',
] as const;
export const ZCourseCategory = z.enum(COURSE_CATEGORIES, { error: 'カテゴリを選択してください' });
export type TCourseCategory = z.infer<typeof ZCourseCategory>;

export const COURSE_CATEGORY_LABELS: Record<TCourseCategory, string> = {
  business: 'ビジネススキル',
  management: 'マネジメント',
  it_dx: 'IT・DX',
  compliance: 'コンプライアンス',
  language: '語学',
  certification: '資格取得',
  new_hire: '新入社員研修',
};

/** 会場 or オンライン */
export const VENUE_KINDS = ['venue', 'online'] as const;
export const ZVenueKind = z.enum(VENUE_KINDS, { error: '開催形式を選択してください' });
export type TVenueKind = z.infer<typeof ZVenueKind>;

export { PREFECTURES };
export const ZPrefecture = z.enum(PREFECTURES, { error: '都道府県を選択してください' });

const zText = (label: string, max: number) =>
  zString(label, { error: `${label}を入力してください` })
    .trim()
    .max(max, { error: `${label}は${max}文字以内で入力してください` });
const zRequired = (label: string, max: number) => zText(label, max).min(1, { error: `${label}を入力してください` });
const zMoment = (label: string) => z.iso.datetime({ offset: true, error: `${label}を正しい日時で入力してください` });

export const ZCourseInput = z.object({
  code: zRequired('講座コード', 20).regex(/^[A-Za-z0-9_-]+$/, {
    error: '講座コードは半角英数字・ハイフン・アンダースコアで入力してください',
  }),
  title: zRequired('タイトル', 100),
  category: ZCourseCategory,
  description: zText('説明', 4000).default(''),
  fee: z
    .number({ error: '受講料を数値で入力してください' })
    .int({ error: '受講料は整数（円）で入力してください' })
    .min(0, { error: '受講料は0円以上で入力してください' })
    .max(10_000_000, { error: '受講料は10,000,000円以下で入力してください' }),
  isPublished: z.boolean({ error: '公開/非公開を選択してください' }),
});
export type TCourseInput = z.infer<typeof ZCourseInput>;

/**
 * A session's fields. The rules across fields (end after start, deadlines not after the start, a place
 * for a 会場) are checked here so the web shows them beside the field; the service checks the one rule
 * that needs the database (定員 not below the seats already taken).
 */
export const ZSessionInput = z
  .object({
    startsAt: zMoment('開始日時'),
    endsAt: zMoment('終了日時'),
    venueKind: ZVenueKind,
    prefecture: ZPrefecture.nullable().default(null),
    city: zText('市区町村', 40).nullable().default(null),
    place: zText('会場名', 100).default(''),
    address: zText('住所', 200).default(''),
    capacity: z
      .number({ error: '定員を数値で入力してください' })
      .int({ error: '定員は整数で入力してください' })
      .min(1, { error: '定員は1名以上で入力してください' })
      .max(10_000, { error: '定員は10,000名以下で入力してください' }),
    applyDeadline: zMoment('申込締切'),
    cancelDeadline: zMoment('キャンセル締切'),
  })
  .superRefine((v, ctx) => {
    const at = (s: string) => Date.parse(s);
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (at(v.endsAt) <= at(v.startsAt)) issue('endsAt', '終了日時は開始日時より後の日時を入力してください');
    if (at(v.applyDeadline) > at(v.startsAt)) issue('applyDeadline', '申込締切は開始日時以前の日時を入力してください');
    if (at(v.cancelDeadline) > at(v.startsAt))
      issue('cancelDeadline', 'キャンセル締切は開始日時以前の日時を入力してください');
    if (v.venueKind === 'venue') {
      if (!v.prefecture) issue('prefecture', '会場開催の場合は都道府県を選択してください');
      if (!v.city) issue('city', '会場開催の場合は市区町村を入力してください');
      if (!v.place) issue('place', '会場開催の場合は会場名を入力してください');
    }
  });
export type TSessionInput = z.infer<typeof ZSessionInput>;

export const ZCourseSession = z.object({
  id: z.string(),
  courseId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueKind: ZVenueKind,
  prefecture: z.string().nullable(),
  city: z.string().nullable(),
  place: z.string(),
  address: z.string(),
  capacity: z.number().int(),
  seatsTaken: z.number().int(),
  /** capacity − seats_taken */
  seatsLeft: z.number().int(),
  applyDeadline: z.string(),
  cancelDeadline: z.string(),
  /** the application deadline has passed (受付終了) */
  isClosed: z.boolean(),
  /** open for applications now: before the deadline, a seat left or not (a full one waitlists) */
  canApply: z.boolean(),
  updatedAt: z.string(),
});
export type TCourseSession = z.infer<typeof ZCourseSession>;

export const ZCourse = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  category: ZCourseCategory,
  description: z.string(),
  fee: z.number().int(),
  isPublished: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCourse = z.infer<typeof ZCourse>;

export const ZCourseDetail = ZCourse.extend({ sessions: z.array(ZCourseSession) });
export type TCourseDetail = z.infer<typeof ZCourseDetail>;

const zDay = (label: string) =>
  z.iso.date({ error: `${label}を正しい日付（yyyy-mm-dd）で入力してください` }).optional();
const zFlag = z
  .enum(['true', 'false'], { error: '真偽値は true / false で指定してください' })
  .transform((v) => v === 'true')
  .optional();

/** The search (querystring). Session filters narrow both the courses and the sessions each shows. */
export const ZCourseSearchQuery = z
  .object({
    q: zText('キーワード', 100).optional(),
    from: zDay('開催日（から）'),
    to: zDay('開催日（まで）'),
    venueKind: ZVenueKind.optional(),
    prefecture: ZPrefecture.optional(),
    city: zText('市区町村', 40).optional(),
    category: ZCourseCategory.optional(),
    hasSeats: zFlag,
    /** admins only: include 非公開 courses and courses without upcoming sessions */
    includeUnpublished: zFlag,
    page: z.coerce.number({ error: 'ページ番号が正しくありません' }).int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number({ error: '表示件数が正しくありません' }).int().min(1).max(100).default(20),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: '開催日（まで）は開催日（から）以降の日付を入力してください',
      });
  });
export type TCourseSearchQuery = z.input<typeof ZCourseSearchQuery>;

export const ZCourseSearchItem = ZCourseDetail.extend({ nextStartsAt: z.string().nullable() });
export type TCourseSearchItem = z.infer<typeof ZCourseSearchItem>;
export const ZCourseSearchResponse = zPageOf(ZCourseSearchItem);
export type TCourseSearchResponse = z.infer<typeof ZCourseSearchResponse>;

export const ZCourseIdParams = z.object({ courseId: z.uuid({ error: '講座IDが正しくありません' }) });
export const ZSessionIdParams = ZCourseIdParams.extend({
  sessionId: z.uuid({ error: '開催日程IDが正しくありません' }),
});
