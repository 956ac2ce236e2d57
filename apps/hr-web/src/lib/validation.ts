import type { z } from 'zod';

export type TFieldErrors = Record<string, string[]>;

/** Client-side validation with the shared contract schema; errors keyed like the server's `fields`. */
export function validate<T>(schema: z.ZodType<T>, value: unknown): { data: T; errors: null } | { data: null; errors: TFieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, errors: null };
  const errors: TFieldErrors = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0] ?? '')] ??= []).push(issue.message);
  return { data: null, errors };
}

/** Mantine's `error` prop from a list of messages. */
export const errorText = (messages: string[] | undefined) => (messages?.length ? messages.join('／') : undefined);
