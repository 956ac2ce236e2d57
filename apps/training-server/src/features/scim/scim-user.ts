// A training 利用者 as a SCIM User and back (R-TRN-4): userName = ログインID, externalId = HR's employee key,
// name.formatted (or familyName + givenName) = 氏名, the primary email = メールアドレス, active = not disabled,
// and 氏名カナ / 部署名 in jinji's extension. 氏名 is one column: familyName / givenName are read back by
// splitting it at its first space (「山田 太郎」 → 山田 / 太郎).
import { SCIM_SCHEMAS, type TScimUser, type TScimUserInput, ZScimUserInput } from '@jinji/contracts/training/scim';
import { scimInvalid } from './scim-error';

/** What SCIM reads and writes of a user row. */
export type ScimUserRow = {
  id: string;
  loginId: string;
  displayName: string;
  email: string | null;
  nameKana: string | null;
  departmentName: string | null;
  externalId: string | null;
  disabledAt: Date | null;
  linkedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The columns a SCIM request decides. */
export type ScimUserFields = {
  loginId: string;
  displayName: string;
  email: string | null;
  nameKana: string | null;
  departmentName: string;
  externalId: string | null;
  isActive: boolean;
};

/** 部署名 of a user HR creates without one (R-LINK-2). */
export const UNKNOWN_DEPARTMENT = '不明';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SPACE = /[ \u3000]/;

export function splitName(formatted: string): { familyName?: string; givenName?: string } {
  const at = formatted.search(SPACE);
  if (at <= 0) return {};
  const familyName = formatted.slice(0, at).trim();
  const givenName = formatted.slice(at + 1).trim();
  return familyName && givenName ? { familyName, givenName } : {};
}

const joinName = (family?: string, given?: string) => [family?.trim(), given?.trim()].filter(Boolean).join(' ');

export function toScimUser(row: ScimUserRow, baseUrl: string): TScimUser {
  const extension: TScimUser[typeof SCIM_SCHEMAS.extension] = {};
  if (row.nameKana) extension.nameKana = row.nameKana;
  if (row.departmentName) extension.departmentName = row.departmentName;
  return {
    schemas: [SCIM_SCHEMAS.user, SCIM_SCHEMAS.extension],
    id: row.id,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    userName: row.loginId,
    name: { formatted: row.displayName, ...splitName(row.displayName) },
    displayName: row.displayName,
    ...(row.email ? { emails: [{ value: row.email, type: 'work', primary: true }] } : {}),
    active: row.disabledAt === null,
    [SCIM_SCHEMAS.extension]: extension,
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${baseUrl}/Users/${row.id}`,
    },
  };
}

/** true / false, and Entra's "True" / "False". */
function activeOf(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw scimInvalid(`active は true または false です / active must be a boolean`);
}

const isPrimary = (p: unknown) => p === true || (typeof p === 'string' && p.toLowerCase() === 'true');

/** The messages of a failed ZScimUserInput parse, with the field each names. */
export const issuesOf = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('; ');

export function parseScimUser(body: unknown): TScimUserInput {
  const parsed = ZScimUserInput.safeParse(body);
  if (!parsed.success) throw scimInvalid(issuesOf(parsed.error.issues));
  return parsed.data;
}

/**
 * The columns of a POST / PUT body or of a PATCH's result. `current` is the row being replaced:
 * attributes a client leaves out of a PUT are kept for externalId, active and the extension (RFC 7644
 * §3.5.1 lets the provider choose), cleared for emails. A PATCH's result is `complete`: it started from
 * the whole resource, so what is missing from it was removed.
 */
export function fieldsOf(
  input: TScimUserInput,
  current: ScimUserRow | null,
  opts: { complete?: boolean } = {},
): ScimUserFields {
  const kept = <T>(value: T | null | undefined) => (opts.complete ? null : (value ?? null));
  const displayName =
    input.name?.formatted?.trim() ||
    joinName(input.name?.familyName, input.name?.givenName) ||
    input.displayName?.trim() ||
    // RFC 7643 requires no name (its minimal User has userName only); 氏名 is required here
    input.userName;
  const emails = input.emails ?? [];
  const chosen = emails.find((e) => isPrimary(e.primary)) ?? emails[0];
  const email = chosen?.value.trim() || null;
  if (email !== null && !EMAIL.test(email)) {
    throw scimInvalid('emails.value（メールアドレス）の形式が正しくありません / emails.value is not an address');
  }
  const extension = input[SCIM_SCHEMAS.extension];
  const kana = extension?.nameKana;
  const department = extension?.departmentName;
  return {
    loginId: input.userName,
    displayName,
    email,
    nameKana: kana === undefined ? kept(current?.nameKana) : kana?.trim() || null,
    departmentName:
      department === undefined
        ? (kept(current?.departmentName) ?? UNKNOWN_DEPARTMENT)
        : department?.trim() || UNKNOWN_DEPARTMENT,
    externalId: input.externalId === undefined ? kept(current?.externalId) : input.externalId,
    isActive: input.active === undefined ? (current ? current.disabledAt === null : true) : activeOf(input.active),
  };
}

/**
 * A PATCH that changed name.familyName / givenName or displayName but left name.formatted alone means
 * the parts: 氏名 is rebuilt from them (formatted would otherwise win and the change be lost).
 */
export function reconcileName(before: TScimUser, after: Record<string, unknown>): Record<string, unknown> {
  const name = (after.name ?? {}) as { formatted?: unknown; familyName?: unknown; givenName?: unknown };
  if (name.formatted !== before.name.formatted) return after;
  const family = typeof name.familyName === 'string' ? name.familyName : undefined;
  const given = typeof name.givenName === 'string' ? name.givenName : undefined;
  if (family !== before.name.familyName || given !== before.name.givenName) {
    return { ...after, name: { ...name, formatted: joinName(family, given) || undefined } };
  }
  if (typeof after.displayName === 'string' && after.displayName !== before.displayName) {
    return { ...after, name: { ...name, formatted: after.displayName } };
  }
  return after;
}

/** The columns that differ (before → after), for the update and its audit row; empty: nothing to do. */
/** A row as the fields SCIM decides: what an audit row records. */
export const fieldsOfRow = (row: ScimUserRow): ScimUserFields & Record<string, unknown> => ({
  loginId: row.loginId,
  displayName: row.displayName,
  email: row.email,
  nameKana: row.nameKana,
  departmentName: row.departmentName ?? UNKNOWN_DEPARTMENT,
  externalId: row.externalId,
  isActive: row.disabledAt === null,
});

export function diffOf(row: ScimUserRow, fields: ScimUserFields) {
  const was: Record<string, unknown> = { ...fieldsOfRow(row), departmentName: row.departmentName };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (was[key] !== value) {
      before[key] = was[key];
      after[key] = value;
    }
  }
  if (row.linkedAt === null) {
    before.linked = false;
    after.linked = true;
  }
  return { before, after, changed: Object.keys(after).length > 0 };
}
