// 利用者情報 (R-TRN-1): list and search, detail, create, edit, 利用停止 / 利用再開, and the CSV export.
// Access is checked here (users.view / users.manage). A linked user's ログインID, 氏名, 氏名カナ and
// メールアドレス are HR's (R-LINK-2): a change of one is refused with USER_FIELD_LOCKED naming it.
// Every write is audited in its own transaction; the audit rows carry ids and codes, and the changed
// fields before → after.

import type { Readable } from 'node:stream';
import {
  LINKED_FIELDS,
  linkedFieldMessage,
  type TCreateUserRequest,
  type TLinkedField,
  type TUpdateUserRequest,
  type TUserDetail,
  type TUserExportQuery,
  type TUserListItem,
  type TUserListQuery,
  type TUserListResponse,
} from '@jinji/contracts/training/users';
import { isUniqueViolation } from '@jinji/db/errors';
import { toSearchForm } from '@jinji/ja/text';
import { findCp932Losses, streamCsv } from '@jinji/office-files/csv';
import { AppError } from '@jinji/server-kit/app-error';
import { requireTrainingPermission as requirePermission, type TrainingActor } from '../../access';
import type { TrainingDb, TrainingTx } from '../../db/database';
import { recordAudit } from '../audit/audit.service';
import { USER_CSV_HEADER, USER_CSV_KEY_INDEX, userCsvRow } from './user-csv';
import * as repo from './users.repository';

/**
 * The folded form the keyword search reads (users.search_text). Whoever writes a user's ログインID, 氏名,
 * 氏名カナ or メールアドレス (this slice, SCIM) stores it with them.
 */
export const userSearchText = (u: {
  loginId: string;
  displayName: string;
  nameKana: string | null;
  email: string | null;
}) => [u.loginId, u.displayName, u.nameKana ?? '', u.email ?? ''].map(toSearchForm).join(' ');

const notFound = () => new AppError('NOT_FOUND', '利用者が見つかりません');

const toListItem = (r: repo.UserListRow): TUserListItem => ({
  id: r.id,
  loginId: r.loginId,
  displayName: r.displayName,
  nameKana: r.nameKana,
  email: r.email,
  systemRole: r.systemRole,
  departmentName: r.departmentName,
  isLinked: r.linkedAt !== null,
  isDisabled: r.disabledAt !== null,
});

const toDetail = (r: repo.UserDetailRow): TUserDetail => ({
  ...toListItem(r),
  gender: r.gender,
  approver:
    r.approverId && r.approverLoginId
      ? { id: r.approverId, loginId: r.approverLoginId, displayName: r.approverDisplayName ?? '' }
      : null,
  linkedAt: r.linkedAt?.toISOString() ?? null,
  hasPassword: r.hasPassword,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const filterOf = (q: { q?: string; systemRole?: TUserListQuery['systemRole']; status: TUserListQuery['status'] }) => ({
  q: q.q || undefined,
  searchForm: q.q ? toSearchForm(q.q) || undefined : undefined,
  systemRole: q.systemRole,
  status: q.status,
});

export async function listUsers(
  db: TrainingDb,
  actor: TrainingActor,
  query: TUserListQuery,
): Promise<TUserListResponse> {
  requirePermission(actor, 'users.view');
  const { items, total } = await db.asTenant(actor.tenantId, (tx) =>
    repo.findUsers(tx, filterOf(query), { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  );
  return { items: items.map(toListItem), total, page: query.page, pageSize: query.pageSize };
}

export async function getUserDetail(db: TrainingDb, actor: TrainingActor, userId: string): Promise<TUserDetail> {
  requirePermission(actor, 'users.view');
  const row = await db.asTenant(actor.tenantId, (tx) => repo.findUser(tx, userId));
  if (!row) throw notFound();
  return toDetail(row);
}

export async function listApproverOptions(db: TrainingDb, actor: TrainingActor, q?: string) {
  requirePermission(actor, 'users.view');
  const items = await db.asTenant(actor.tenantId, (tx) =>
    repo.findApproverOptions(tx, { q: q || undefined, searchForm: q ? toSearchForm(q) || undefined : undefined }, 50),
  );
  return { items };
}

/** 承認者: another enabled user of the organisation who is 承認者 or 管理者. */
async function checkApprover(tx: TrainingTx, userId: string | null, approverId: string | null) {
  if (approverId === null) return;
  const approverError = (message: string) =>
    new AppError('VALIDATION_FAILED', message, [{ path: 'approverId', message }]);
  if (approverId === userId) throw approverError('承認者に本人は指定できません');
  const approver = await repo.findUser(tx, approverId);
  if (!approver) throw approverError('承認者が見つかりません');
  if (approver.disabledAt) throw approverError('利用停止中の利用者は承認者に指定できません');
  if (approver.systemRole === 'general')
    throw approverError('承認者には、システム権限が「承認者」または「管理者」の利用者を指定してください');
}

const loginIdTaken = (loginId: string) => {
  const message = `ログインID「${loginId}」は既に使われています`;
  return new AppError('CONFLICT', message, [{ path: 'loginId', message }]);
};

export async function createUser(
  db: TrainingDb,
  actor: TrainingActor,
  input: TCreateUserRequest,
): Promise<TUserDetail> {
  requirePermission(actor, 'users.manage');
  try {
    return await db.asTenant(actor.tenantId, async (tx) => {
      await checkApprover(tx, null, input.approverId);
      const id = await repo.insertUser(tx, actor.tenantId, { ...input, searchText: userSearchText(input) });
      await recordAudit(tx, actor, { action: 'create', targetType: 'user', targetId: id, after: input });
      return toDetail((await repo.findUser(tx, id))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw loginIdTaken(input.loginId);
    throw error;
  }
}

const EDITABLE = [
  'loginId',
  'displayName',
  'nameKana',
  'email',
  'systemRole',
  'departmentName',
  'gender',
  'approverId',
] as const satisfies readonly (keyof TUpdateUserRequest)[];

export async function updateUser(
  db: TrainingDb,
  actor: TrainingActor,
  userId: string,
  input: TUpdateUserRequest,
): Promise<TUserDetail> {
  requirePermission(actor, 'users.manage');
  try {
    return await db.asTenant(actor.tenantId, async (tx) => {
      const current = await repo.findUser(tx, userId, true);
      if (!current) throw notFound();
      const changed = EDITABLE.filter((k) => input[k] !== undefined && input[k] !== current[k]);
      if (current.linkedAt) {
        const locked = changed.filter((k): k is TLinkedField => Object.hasOwn(LINKED_FIELDS, k));
        if (locked.length > 0) {
          throw new AppError(
            'USER_FIELD_LOCKED',
            linkedFieldMessage(locked[0]!),
            locked.map((k) => ({ path: k, message: linkedFieldMessage(k) })),
          );
        }
      }
      if (changed.length === 0) return toDetail(current);
      if (changed.includes('approverId')) await checkApprover(tx, userId, input.approverId ?? null);
      if (changed.includes('systemRole') && input.systemRole === 'general') {
        const approving = await repo.countApprovedBy(tx, userId);
        if (approving > 0) {
          const message = `この利用者は${approving}人の承認者に指定されているため、システム権限を「一般」にできません。先に各利用者の承認者を変更してください`;
          throw new AppError('CONFLICT', message, [{ path: 'systemRole', message }]);
        }
      }
      const set = Object.fromEntries(changed.map((k) => [k, input[k]])) as Partial<repo.UserWrite>;
      const next = { ...current, ...set };
      if (changed.some((k) => Object.hasOwn(LINKED_FIELDS, k))) set.searchText = userSearchText(next);
      await repo.updateUser(tx, userId, set);
      await recordAudit(tx, actor, {
        action: 'update',
        targetType: 'user',
        targetId: userId,
        before: Object.fromEntries(changed.map((k) => [k, current[k]])),
        after: Object.fromEntries(changed.map((k) => [k, set[k]])),
      });
      return toDetail((await repo.findUser(tx, userId))!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw loginIdTaken(input.loginId ?? '');
    throw error;
  }
}

/** 利用停止 ends the user's sessions at once; 利用再開 lets them log in again with their password. */
export async function setUserEnabled(
  db: TrainingDb,
  actor: TrainingActor,
  userId: string,
  isEnabled: boolean,
): Promise<TUserDetail> {
  requirePermission(actor, 'users.manage');
  if (!isEnabled && actor.kind === 'user' && actor.userId === userId) {
    throw new AppError('CONFLICT', '自分自身を利用停止にすることはできません');
  }
  return db.asTenant(actor.tenantId, async (tx) => {
    const current = await repo.findUser(tx, userId, true);
    if (!current) throw notFound();
    const wasEnabled = current.disabledAt === null;
    if (wasEnabled === isEnabled) return toDetail(current);
    const at = isEnabled ? null : new Date();
    await repo.setUserDisabledAt(tx, userId, at);
    if (!isEnabled) await repo.deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, {
      action: 'update',
      targetType: 'user',
      targetId: userId,
      before: { loginId: current.loginId, isDisabled: !wasEnabled },
      after: { loginId: current.loginId, isDisabled: !isEnabled },
    });
    return toDetail((await repo.findUser(tx, userId))!);
  });
}

const EXPORT_BATCH = 1000;

async function* exportRows(db: TrainingDb, actor: TrainingActor, query: TUserExportQuery) {
  const filter = filterOf(query);
  let after: string | null = null;
  for (;;) {
    const rows = await db.asTenant(actor.tenantId, (tx) => repo.findUserBatch(tx, filter, after, EXPORT_BATCH));
    yield rows.map(userCsvRow);
    if (rows.length < EXPORT_BATCH) return;
    after = rows.at(-1)!.loginId;
  }
}

/**
 * 「利用者情報CSV出力」 (docs/training-user-csv.md): every user the filter finds, in ログインID order. A
 * Shift_JIS file that would lose characters is refused before anything is sent (CP932_UNENCODABLE,
 * with the cells). The export is audited (who took which filter's rows).
 */
export async function exportUsers(db: TrainingDb, actor: TrainingActor, query: TUserExportQuery): Promise<Readable> {
  requirePermission(actor, 'users.view');
  if (query.encoding === 'cp932') {
    const losses = await findCp932Losses(USER_CSV_HEADER, exportRows(db, actor, query), USER_CSV_KEY_INDEX, 20);
    if (losses.total > 0) {
      throw new AppError(
        'CP932_UNENCODABLE',
        undefined,
        losses.cells.map((c) => ({
          path: `${c.row}行目 ${c.column}`,
          message: `ログインID「${c.key}」の${c.column}に Shift_JIS で保存できない文字「${c.characters}」があります`,
        })),
      );
    }
  }
  await db.asTenant(actor.tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'export',
      targetType: 'user',
      after: {
        encoding: query.encoding,
        q: query.q ?? null,
        systemRole: query.systemRole ?? null,
        status: query.status,
      },
    }),
  );
  return streamCsv(USER_CSV_HEADER, exportRows(db, actor, query), query.encoding);
}
