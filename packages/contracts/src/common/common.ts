// The one string type of every request schema (bodies, querystrings, params). PostgreSQL text cannot
// hold U+0000 and a lone surrogate has no UTF-8 form: both used to reach the database and end as
// HTTP 500. They are refused here, once, with a message that names the field. Responses stay plain.
import { z } from 'zod';
import { CSV_ENCODINGS } from './enums';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point
const UNSAFE_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** true when the text has a NUL or a lone surrogate (what no database column and no file can store). */
export const hasUnsafeChars = (text: string): boolean => UNSAFE_CHARS.test(text);

export const unsafeCharsMessage = (label: string): string =>
  `${label}に使用できない文字（制御文字・不正な文字）が含まれています`;

/** z.string() for requests: `label` names the field in the message. Chain .trim(), .max() … as usual. */
export const ZCsvEncoding = z.enum(CSV_ENCODINGS);

/** One page of a list: its rows, and how many there are in all. */
export const zPageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const zString = (label: string, params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine((text) => !hasUnsafeChars(text), { error: unsafeCharsMessage(label), abort: true });

/** yyyy-mm-dd that names a day of the calendar (2025-02-30 does not). */
export const isRealDate = (text: string): boolean => {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
};
