// Every query of 利用者情報: the list and its filter (one SQL condition shared by the list, the count and
// the CSV export), one user, the 承認者 choices, writes, and the password-link store over training's table.
import type { TSystemRole } from '@jinji/contracts/training/access';
import type { TUserGender } from '@jinji/contracts/training/users';
import { currentTenantId } from '@jinji/db/client';
import { containsPattern } from '@jinji/db/like';
import { passwordLinkStore } from '@jinji/db/password-link-store';
import { and, asc, eq, gt, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TrainingTx } from '../../db/database';
import { loginThrottles, organisations, passwordLinks, sessions, users } from '../../db/schema/index';

export type UserFilter = {
  /** the keyword as typed (matched raw on ログインID and メールアドレス) and folded (search_text) */
  q?: string;
  searchForm?: string;
  systemRole?: TSystemRole;
  status: 'active' | 'disabled' | 'all';
};

/** The organisation's users: named in every statement, so a distributed database can route it (docs/scale-out.md). */
const ofOrganisation = () => eq(users.organisationId, currentTenantId());

function filterOf(f: UserFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [ofOrganisation()];
  if (f.status === 'active') conditions.push(isNull(users.disabledAt));
  if (f.status === 'disabled') conditions.push(isNotNull(users.disabledAt));
  if (f.systemRole) conditions.push(eq(users.systemRole, f.systemRole));
  if (f.q) {
    conditions.push(
      or(
        f.searchForm ? ilike(users.searchText, containsPattern(f.searchForm)) : undefined,
        ilike(users.loginId, containsPattern(f.q)),
        ilike(users.email, containsPattern(f.q)),
      ),
    );
  }
  return and(...conditions);
}

const listColumns = {
  id: users.id,
  loginId: users.loginId,
  displayName: users.displayName,
  nameKana: users.nameKana,
  email: users.email,
  systemRole: users.systemRole,
  departmentName: users.departmentName,
  gender: users.gender,
  linkedAt: users.linkedAt,
  disabledAt: users.disabledAt,
};
export type UserListRow = { [K in keyof typeof listColumns]: (typeof users.$inferSelect)[K] };

const listOrder = [sql`${users.nameKana} asc nulls last`, asc(users.loginId), asc(users.id)];

export async function findUsers(tx: TrainingTx, f: UserFilter, page: { limit: number; offset: number }) {
  const where = filterOf(f);
  const items = await tx
    .select(listColumns)
    .from(users)
    .where(where)
    .orderBy(...listOrder)
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  return { items: items as UserListRow[], total: count?.n ?? 0 };
}

const approvers = alias(users, 'approver');

/** One user with its 承認者 (the export's and the detail's columns). */
const detailColumns = {
  ...listColumns,
  approverId: users.approverId,
  approverLoginId: approvers.loginId,
  approverDisplayName: approvers.displayName,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};
export type UserDetailRow = UserListRow & {
  approverId: string | null;
  approverLoginId: string | null;
  approverDisplayName: string | null;
  hasPassword: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const withApprover = (tx: TrainingTx) =>
  tx
    .select(detailColumns)
    .from(users)
    .leftJoin(approvers, and(eq(approvers.organisationId, users.organisationId), eq(approvers.id, users.approverId)));

/** `lock`: the user's row is held until the transaction ends (two administrators editing at once). */
export async function findUser(tx: TrainingTx, id: string, lock = false): Promise<UserDetailRow | null> {
  if (lock)
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(ofOrganisation(), eq(users.id, id)))
      .for('update');
  const rows = await withApprover(tx)
    .where(and(ofOrganisation(), eq(users.id, id)))
    .limit(1);
  return (rows[0] as UserDetailRow | undefined) ?? null;
}

/** One batch of the export, in ログインID order after `after` (keyset: ログインID is unique per organisation). */
export async function findUserBatch(tx: TrainingTx, f: UserFilter, after: string | null, size: number) {
  return (await withApprover(tx)
    .where(and(filterOf(f), after === null ? undefined : gt(users.loginId, after)))
    .orderBy(asc(users.loginId))
    .limit(size)) as UserDetailRow[];
}

/** The 承認者 choices: enabled users who are 承認者 or 管理者, by keyword, at most `limit`. */
export async function findApproverOptions(tx: TrainingTx, f: { q?: string; searchForm?: string }, limit: number) {
  return tx
    .select({ id: users.id, loginId: users.loginId, displayName: users.displayName })
    .from(users)
    .where(
      and(
        isNull(users.disabledAt),
        inArray(users.systemRole, ['approver', 'admin']),
        filterOf({ ...f, status: 'all' }),
      ),
    )
    .orderBy(...listOrder)
    .limit(limit);
}

/** The bulk send's users, by ログインID (one query for the whole file). */
export async function findUsersByLoginIds(tx: TrainingTx, loginIds: string[]) {
  if (loginIds.length === 0) return [];
  return tx
    .select({
      id: users.id,
      loginId: users.loginId,
      displayName: users.displayName,
      email: users.email,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(and(ofOrganisation(), inArray(users.loginId, loginIds)));
}

export type UserWrite = {
  loginId: string;
  displayName: string;
  nameKana: string | null;
  email: string | null;
  systemRole: TSystemRole;
  departmentName: string | null;
  gender: TUserGender;
  approverId: string | null;
  searchText: string;
};

export async function insertUser(tx: TrainingTx, organisationId: string, row: UserWrite): Promise<string> {
  const [created] = await tx
    .insert(users)
    .values({ organisationId, ...row })
    .returning({ id: users.id });
  return created!.id;
}

export async function updateUser(tx: TrainingTx, id: string, row: Partial<UserWrite>): Promise<void> {
  await tx
    .update(users)
    .set({ ...row, updatedAt: new Date() })
    .where(and(ofOrganisation(), eq(users.id, id)));
}

export async function setUserDisabledAt(tx: TrainingTx, id: string, at: Date | null): Promise<void> {
  await tx
    .update(users)
    .set({ disabledAt: at, updatedAt: new Date() })
    .where(and(ofOrganisation(), eq(users.id, id)));
}

export async function deleteUserSessions(tx: TrainingTx, userId: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.organisationId, currentTenantId()), eq(sessions.userId, userId)));
}

/** The users whose 承認者 is this one (a disabled or demoted 承認者 leaves them with none). */
export async function countApprovedBy(tx: TrainingTx, approverId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(ofOrganisation(), eq(users.approverId, approverId)));
  return row?.n ?? 0;
}

export async function findOrganisation(tx: TrainingTx) {
  const [row] = await tx.select({ code: organisations.code, name: organisations.name }).from(organisations).limit(1);
  return row ?? null;
}

export async function setPassword(tx: TrainingTx, userId: string, passwordHash: string): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
    .where(and(ofOrganisation(), eq(users.id, userId)));
}

/** A password set by link lifts the user's login locks (the holder proved the mailbox). */
export async function deleteLoginThrottles(tx: TrainingTx, userId: string): Promise<void> {
  await tx
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.organisationId, currentTenantId()), eq(loginThrottles.userId, userId)));
}

/** The kit's password-link queries over training.password_links and training.users. */
export const trainingPasswordLinkStore = passwordLinkStore(
  passwordLinks,
  { table: users, id: users.id, loginId: users.loginId, isDisabled: sql<boolean>`${users.disabledAt} is not null` },
  'organisationId',
);
