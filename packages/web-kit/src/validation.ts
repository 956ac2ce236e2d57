import type { z } from 'zod';

export type TFieldErrors = Record<string, string[]>;

/** Client-side validation with the shared contract schema; errors keyed like the server's `fields`. */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { data: T; errors: null } | { data: null; errors: TFieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  // Nested keys joined with dots, as the server sends them (`loginIdRule.width`).
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { data: null, errors: groupFieldErrors(issues) };
}

/** Messages grouped by request body key, the shape both client and server errors are shown in. */
export function groupFieldErrors(list: { path: string; message: string }[]): TFieldErrors {
  const errors: TFieldErrors = {};
  for (const { path, message } of list) {
    errors[path] = [...(errors[path] ?? []), message];
  }
  return errors;
}

/**
 * Mantine's `error` prop: one message per field, the first check that failed (an empty コード says
 * 「コードを入力してください」, not that and its format too). Lists that want every message (the password
 * rules) read the field's array themselves.
 */
export const errorText = (messages: string[] | undefined) => messages?.[0];
