// 個人プロフィール (R-PROF-1): the tenant's 個人プロフィール出力設定 and the per-output overrides of it.
// The settings are saved per tenant; an output (one sheet or a batch) may override any of them.
// A period is either relative to the output date (直近Nか月, the default: it never goes stale) or fixed dates
// (either end open). docs/decisions/020-profile-sheet.md.
import { addDays } from '@jinji/ja/text';
import { z } from 'zod';
import { isRealDate, zString } from '../common/common';

/** 個人情報 items an output may print; an unchosen one prints as a run of 「*」. */
export const PROFILE_PERSONAL_ITEMS = ['identity', 'address', 'contacts', 'disabilityAwards'] as const;
export type TProfilePersonalItem = (typeof PROFILE_PERSONAL_ITEMS)[number];
export const PROFILE_PERSONAL_ITEM_LABELS: Record<TProfilePersonalItem, string> = {
  identity: '個人情報（本名、生年月日、性別）',
  address: '住所',
  contacts: '連絡先（本人の連絡先、緊急連絡先）',
  disabilityAwards: '障がい、賞罰の有無',
};
/** Items that are 要配慮個人情報: printed only for roles with employees.sensitive. */
export const SENSITIVE_PERSONAL_ITEMS: readonly TProfilePersonalItem[] = ['disabilityAwards'];
export const PROFILE_LIMIT_MIN = 3;
export const PROFILE_LIMIT_MAX = 10;
export const PROFILE_MONTHS_MAX = 120;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const zDate = (label: string) =>
  zString(label, { error: `${label}を入力してください` })
    .regex(ISO_DATE, { error: `${label}は yyyy-mm-dd の形式で入力してください` })
    .refine(isRealDate, { error: `${label}が正しい日付ではありません` });

const zLimit = (label: string) =>
  z
    .number({ error: `${label}は${PROFILE_LIMIT_MIN}件から${PROFILE_LIMIT_MAX}件の範囲で指定してください` })
    .int({ error: `${label}は${PROFILE_LIMIT_MIN}件から${PROFILE_LIMIT_MAX}件の範囲で指定してください` })
    .min(PROFILE_LIMIT_MIN, {
      error: `${label}は${PROFILE_LIMIT_MIN}件から${PROFILE_LIMIT_MAX}件の範囲で指定してください`,
    })
    .max(PROFILE_LIMIT_MAX, {
      error: `${label}は${PROFILE_LIMIT_MIN}件から${PROFILE_LIMIT_MAX}件の範囲で指定してください`,
    });

/** 記録日 range: 直近Nか月 up to the output date, or fixed dates (an open end = no bound). */
const zRange = (label: string) =>
  z.discriminatedUnion(
    'kind',
    [
      z.object({
        kind: z.literal('months'),
        months: z
          .number({ error: `${label}の期間（か月）は1から${PROFILE_MONTHS_MAX}の整数で指定してください` })
          .int({ error: `${label}の期間（か月）は1から${PROFILE_MONTHS_MAX}の整数で指定してください` })
          .min(1, { error: `${label}の期間（か月）は1から${PROFILE_MONTHS_MAX}の整数で指定してください` })
          .max(PROFILE_MONTHS_MAX, {
            error: `${label}の期間（か月）は1から${PROFILE_MONTHS_MAX}の整数で指定してください`,
          }),
      }),
      z
        .object({
          kind: z.literal('dates'),
          from: zDate(`${label}（開始日）`).nullable(),
          to: zDate(`${label}（終了日）`).nullable(),
        })
        .superRefine((v, ctx) => {
          if (v.from && v.to && v.to < v.from)
            ctx.addIssue({
              code: 'custom',
              path: ['to'],
              message: `${label}（終了日）は開始日以降の日付を指定してください`,
            });
        }),
    ],
    { error: `${label}の指定が正しくありません` },
  );
export type TProfileRange = z.infer<ReturnType<typeof zRange>>;

const settingsShape = {
  personalItems: z
    .array(z.enum(PROFILE_PERSONAL_ITEMS, { error: '出力する個人情報の指定が正しくありません' }), {
      error: '出力する個人情報の指定が正しくありません',
    })
    .max(PROFILE_PERSONAL_ITEMS.length, { error: '出力する個人情報の指定が正しくありません' }),
  /** 応対記録 大区分 ids to print (面談 is the 面談履歴's); null = every 大区分 but 面談 */
  recordCategoryIds: z
    .array(z.uuid({ error: '応対記録の大区分の指定が正しくありません' }), {
      error: '応対記録の大区分の指定が正しくありません',
    })
    .max(100, { error: '応対記録の大区分の指定が正しくありません' })
    .nullable(),
  recordRange: zRange('応対記録の記録日'),
  recordLimit: zLimit('応対記録の表示件数'),
  interviewRange: zRange('面談履歴の記録日'),
  interviewLimit: zLimit('面談履歴の表示件数'),
};

export const ZProfileSettings = z.object(settingsShape);
export type TProfileSettings = z.infer<typeof ZProfileSettings>;

export const DEFAULT_PROFILE_SETTINGS: TProfileSettings = {
  personalItems: [],
  recordCategoryIds: null,
  recordRange: { kind: 'months', months: 12 },
  recordLimit: 5,
  interviewRange: { kind: 'months', months: 12 },
  interviewLimit: 5,
};

export const ZProfileSettingsResponse = z.object({
  settings: ZProfileSettings,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  /** 大区分 the settings page offers (面談 excluded; 要配慮 ones only for roles with employees.sensitive) */
  categories: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), isSensitive: z.boolean() })),
  canEdit: z.boolean(),
});
export type TProfileSettingsResponse = z.infer<typeof ZProfileSettingsResponse>;

/** An output's overrides of the saved settings: any of them, the rest from the tenant's settings. */
export const ZProfileOutputOverrides = z.object(settingsShape).partial().loose();
export type TProfileOutputOverrides = z.infer<typeof ZProfileOutputOverrides>;

export function applyOverrides(settings: TProfileSettings, overrides: TProfileOutputOverrides | undefined) {
  const o = overrides ?? {};
  const pick = <K extends keyof TProfileSettings>(k: K): TProfileSettings[K] =>
    (o[k] === undefined ? settings[k] : o[k]) as TProfileSettings[K];
  return {
    personalItems: pick('personalItems'),
    recordCategoryIds: pick('recordCategoryIds'),
    recordRange: pick('recordRange'),
    recordLimit: pick('recordLimit'),
    interviewRange: pick('interviewRange'),
    interviewLimit: pick('interviewLimit'),
  } satisfies TProfileSettings;
}

/** The dates a range covers on `today` (yyyy-mm-dd): 直近Nか月 = the day after today−N months … today. */
export function resolveRange(range: TProfileRange, today: string): { from: string | null; to: string | null } {
  if (range.kind === 'dates') return { from: range.from, to: range.to };
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - range.months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return { from: addDays(first.toISOString().slice(0, 10), 1), to: today };
}

// ---- GET /api/v1/employees/:id/profile-sheet.pdf: the overrides as query parameters ----------------

const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);
const csv = (v: unknown) => (typeof v === 'string' ? (v === '' ? [] : v.split(',')) : v);
const num = (v: unknown) => (v === '' || v === undefined ? undefined : Number(v));

/** Flat query parameters: a parameter left out keeps the saved setting. */
export const ZProfileSheetQuery = z
  .object({
    /** comma-separated 個人情報 items; empty = none */
    personalItems: z.preprocess(csv, settingsShape.personalItems.optional()),
    /** comma-separated 大区分 ids; 'all' = every 大区分 but 面談 */
    recordCategoryIds: z.preprocess((v) => (v === 'all' ? null : csv(v)), settingsShape.recordCategoryIds.optional()),
    recordMonths: z.preprocess(num, z.number().optional()),
    recordFrom: z.preprocess(blankAsMissing, z.string().optional()),
    recordTo: z.preprocess(blankAsMissing, z.string().optional()),
    recordLimit: z.preprocess(num, settingsShape.recordLimit.optional()),
    interviewMonths: z.preprocess(num, z.number().optional()),
    interviewFrom: z.preprocess(blankAsMissing, z.string().optional()),
    interviewTo: z.preprocess(blankAsMissing, z.string().optional()),
    interviewLimit: z.preprocess(num, settingsShape.interviewLimit.optional()),
  })
  .transform((q, ctx): TProfileOutputOverrides => {
    const range = (key: 'record' | 'interview', schema: ReturnType<typeof zRange>) => {
      const months = q[`${key}Months`];
      const from = q[`${key}From`];
      const to = q[`${key}To`];
      if (months === undefined && from === undefined && to === undefined) return undefined;
      const value =
        months !== undefined ? { kind: 'months', months } : { kind: 'dates', from: from ?? null, to: to ?? null };
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) {
        const field = months !== undefined ? 'Months' : issue.path.includes('to') ? 'To' : 'From';
        ctx.addIssue({ code: 'custom', path: [`${key}${field}`], message: issue.message });
      }
      return undefined;
    };
    const out: TProfileOutputOverrides = {};
    if (q.personalItems !== undefined) out.personalItems = q.personalItems;
    if (q.recordCategoryIds !== undefined) out.recordCategoryIds = q.recordCategoryIds;
    const recordRange = range('record', settingsShape.recordRange);
    if (recordRange) out.recordRange = recordRange;
    if (q.recordLimit !== undefined) out.recordLimit = q.recordLimit;
    const interviewRange = range('interview', settingsShape.interviewRange);
    if (interviewRange) out.interviewRange = interviewRange;
    if (q.interviewLimit !== undefined) out.interviewLimit = q.interviewLimit;
    return out;
  });
export type TProfileSheetQuery = z.input<typeof ZProfileSheetQuery>;
export const ZProfileSheetParams = z.object({ id: z.uuid({ error: '従業員の指定が正しくありません' }) });
