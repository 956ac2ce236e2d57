/**
 * A search term as a LIKE/ILIKE pattern that matches it literally: `%`, `_` and `\` (PostgreSQL's
 * default escape character) typed by a user are escaped, not wildcards.
 */
export const escapeLike = (term: string): string => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `%term%` for "contains", with the term escaped. */
export const containsPattern = (term: string): string => `%${escapeLike(term)}%`;
