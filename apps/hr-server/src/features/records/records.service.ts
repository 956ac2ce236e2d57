// 応対記録 (R-REC-1): records about employees, the open tasks among them and the 面談 history.
// Access: records.manage for every call; a record of 健康状態 or プライベート情報 is 要配慮 — flagged when it
// is written (from the category's code, so a renamed category keeps its records protected) and, for a reader
// without employees.sensitive, it does not exist (lists, CSV, the employee tab, 404 on the detail). Every
// change is one transaction with its audit row (flagged is_sensitive for 要配慮 records) and its mails.

import type { Readable } from 'node:stream';
import { systemActor } from '@jinji/auth/actor';
import type { TFieldError } from '@jinji/contracts/common/errors';
import { isAllowed, PERMISSIONS } from '@jinji/contracts/hr/access';
import {
  INTERVIEW_CATEGORY_CODE,
  RECORD_EXPORT_HEADER,
  RECORD_STATUS_LABELS,
  SENSITIVE_RECORD_CATEGORY_CODES,
  type TEmployeeRecords,
  type TRecord,
  type TRecordFilter,
  type TRecordFormOptions,
  type TRecordListQuery,
  type TRecordPage,
  type TRecordValues,
  type TTaskListQuery,
  type TTaskPage,
} from '@jinji/contracts/hr/records';
import { addDays, formatDate, todayInJapan, toSearchForm } from '@jinji/ja/text';
import type { MailWorker } from '@jinji/mail/worker';
import { type CsvEncoding, streamCsv } from '@jinji/office-files/csv';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { auditDiff, recordAudit } from '../audit/audit.service';
import { enqueueHrMails } from '../mail/mail.service';
import { getCurrentTenant } from '../tenants/tenants.service';
import { recordTaskAssignedMail, recordTaskReminderMail } from './record-mails';
import {
  type AccountRow,
  type CategoryRow,
  deleteRecord as deleteRecordRow,
  findAccountsInRoles,
  findAllCategories,
  findCategories,
  findEmployeeIds,
  findEmployeeRecords,
  findInterviews,
  findPeopleIds,
  findRecord,
  findRecordBatch,
  findRecordPage,
  findRecordRowForUpdate,
  findTaskPage,
  findTasksToRemind,
  insertRecord,
  type RecordCursor,
  type RecordFilter,
  type RecordListRow,
  type RecordRow,
  replacePeople,
  updateRecord as updateRecordRow,
  type Visibility,
} from './records.repository';

export type RecordDeps = { db: Database; mail: MailWorker };

const notFound = () => new AppError('NOT_FOUND', '応対記録が見つかりません');
const invalid = (fields: TFieldError[]) => new AppError('VALIDATION_FAILED', fields[0]?.message, fields);
const requireManage = (ctx: Actor) => {
  if (!isAllowed(ctx.roles, 'records.manage')) throw new AppError('FORBIDDEN');
};
const visibilityOf = (ctx: Actor): Visibility => ({ canSeeSensitive: isAllowed(ctx.roles, 'employees.sensitive') });
const userIdOf = (ctx: Actor) => (ctx.kind === 'service' ? null : ctx.userId);
const MANAGER_ROLES = PERMISSIONS['records.manage'].roles;
const isIso = (s: string) => new Date(s).toISOString();

/** Monday-to-Sunday weeks: the Sunday of `today`'s week. */
export function endOfWeek(today: string): string {
  const day = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (7 - day) % 7);
}

function toRecord(r: RecordListRow, today: string): TRecord {
  const person = (p: RecordListRow['people'][number]) => ({
    employeeId: p.employeeId,
    employeeNumber: p.employeeNumber,
    name: p.name,
  });
  const ref = (userId: string | null, name: string | null) =>
    userId ? { userId, displayName: name ?? '（削除されたアカウント）' } : null;
  const isOpen = r.completedAt === null;
  return {
    id: r.id,
    category: { id: r.categoryId, code: r.categoryCode, name: r.categoryName },
    subcategory:
      r.subcategoryId && r.subcategoryCode !== null && r.subcategoryName !== null
        ? { id: r.subcategoryId, code: r.subcategoryCode, name: r.subcategoryName }
        : null,
    title: r.title,
    body: r.body,
    recordedOn: r.recordedOn,
    dueOn: r.dueOn,
    status: isOpen ? 'open' : 'done',
    completedAt: r.completedAt ? isIso(r.completedAt) : null,
    completedBy: ref(r.completedBy, r.completedByName),
    assignee: ref(r.assigneeUserId, r.assigneeName),
    targets: r.people.filter((p) => p.role === 'target').map(person),
    reporters: r.people.filter((p) => p.role === 'reporter').map(person),
    isSensitive: r.isSensitive,
    isOverdue: isOpen && r.dueOn !== null && r.dueOn < today,
    createdBy: ref(r.createdBy, r.createdByName),
    createdAt: isIso(r.createdAt),
    updatedAt: isIso(r.updatedAt),
  };
}

/** An allowed reader shown 要配慮 records: one view_sensitive row per response (R-EMP-5). */
async function recordSensitiveView(tx: Tx, ctx: Actor, rows: { id: string; isSensitive: boolean }[], screen: string) {
  const ids = rows.filter((r) => r.isSensitive).map((r) => r.id);
  if (ids.length === 0) return;
  await recordAudit(tx, ctx, {
    action: 'view_sensitive',
    targetType: 'record',
    after: { screen, recordIds: ids },
    isSensitive: true,
  });
}

// ---- reading -----------------------------------------------------------------------------------

export async function getRecordFormOptions(db: Database, ctx: Actor): Promise<TRecordFormOptions> {
  requireManage(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => {
    const all = await findAllCategories(tx);
    const canSeeSensitive = visibilityOf(ctx).canSeeSensitive;
    const categories = all
      .filter((c) => c.kind === 'record_category')
      .map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        isValid: c.isValid,
        isSensitive: SENSITIVE_RECORD_CATEGORY_CODES.includes(c.code),
        subcategories: all
          .filter((s) => s.kind === 'record_subcategory' && s.parentId === c.id)
          .map((s) => ({ id: s.id, code: s.code, name: s.name, isValid: s.isValid })),
      }))
      .filter((c) => canSeeSensitive || !c.isSensitive);
    const assignees = (await findAccountsInRoles(tx, MANAGER_ROLES)).map((a) => ({
      userId: a.userId,
      displayName: a.displayName,
    }));
    return { categories, assignees };
  });
}

const filterOf = (ctx: Actor, f: TRecordFilter): RecordFilter => ({
  ...visibilityOf(ctx),
  categoryId: f.categoryId,
  from: f.from,
  to: f.to,
  status: f.status,
  employeeId: f.employeeId,
  searchForm: f.q ? toSearchForm(f.q) : undefined,
});

/** 対応記録一覧 */
export async function listRecords(db: Database, ctx: Actor, query: TRecordListQuery): Promise<TRecordPage> {
  requireManage(ctx);
  const today = todayInJapan();
  return db.asTenant(ctx.tenantId, async (tx) => {
    const { items, total } = await findRecordPage(tx, filterOf(ctx, query), {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    await recordSensitiveView(tx, ctx, items, '対応記録一覧');
    return { items: items.map((r) => toRecord(r, today)), total, page: query.page, pageSize: query.pageSize };
  });
}

export async function getRecord(db: Database, ctx: Actor, id: string): Promise<TRecord> {
  requireManage(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => {
    const row = await findRecord(tx, id, visibilityOf(ctx));
    if (!row) throw notFound();
    await recordSensitiveView(tx, ctx, [row], '応対記録');
    return toRecord(row, todayInJapan());
  });
}

/** 期限付きタスク: open tasks with a 対応期限, overdue first, then by 対応期限. */
export async function listTasks(db: Database, ctx: Actor, query: TTaskListQuery): Promise<TTaskPage> {
  requireManage(ctx);
  const today = todayInJapan();
  const weekEnd = endOfWeek(today);
  const range =
    query.due === 'overdue'
      ? { dueTo: addDays(today, -1) }
      : query.due === 'week'
        ? { dueFrom: today, dueTo: weekEnd }
        : {};
  return db.asTenant(ctx.tenantId, async (tx) => {
    const page = await findTaskPage(
      tx,
      { ...visibilityOf(ctx), assigneeUserId: query.isMine ? userIdOf(ctx) : null, today, weekEnd, ...range },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    await recordSensitiveView(tx, ctx, page.items, '期限付きタスク');
    return {
      items: page.items.map((r) => ({
        ...toRecord(r, today),
        isDueThisWeek: r.dueOn !== null && r.dueOn >= today && r.dueOn <= weekEnd,
      })),
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      overdueCount: page.overdue,
      thisWeekCount: page.thisWeek,
      today,
    };
  });
}

const INTERVIEWS_SHOWN = 50;

/** 従業員情報（詳細） › 応対記録: the employee's records as 対象者, and the 面談履歴. */
export async function listEmployeeRecords(
  db: Database,
  ctx: Actor,
  employeeId: string,
  query: { page: number; pageSize: number },
): Promise<TEmployeeRecords> {
  requireManage(ctx);
  const today = todayInJapan();
  const v = visibilityOf(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => {
    if ((await findEmployeeIds(tx, [employeeId])).size === 0) throw new AppError('NOT_FOUND', '従業員が見つかりません');
    const page = await findEmployeeRecords(tx, {
      ...v,
      employeeId,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
      withTotal: true,
    });
    const interviews = await findInterviews(tx, {
      ...v,
      employeeId,
      categoryCode: INTERVIEW_CATEGORY_CODE,
      limit: INTERVIEWS_SHOWN,
    });
    await recordSensitiveView(tx, ctx, page.items, '従業員情報（詳細）応対記録');
    return {
      items: page.items.map((r) => toRecord(r, today)),
      total: page.total,
      page: query.page,
      pageSize: query.pageSize,
      interviews: interviews.items.map((i) => ({
        recordId: i.recordId,
        interviewedOn: i.recordedOn,
        interviewer: i.reporterNames?.length ? i.reporterNames.join('、') : (i.createdByName ?? '-'),
        title: i.title,
        body: i.body,
      })),
      interviewTotal: interviews.total,
    };
  });
}

const EXPORT_BATCH = 500;
const EXPORT_MAX = 200_000;
const names = (people: { name: string }[]) => people.map((p) => p.name).join('、');

/** 対応記録一覧のCSV出力: the list's filter and order, streamed in keyset batches; the export is audited. */
export function exportRecords(db: Database, ctx: Actor, filter: TRecordFilter, encoding: CsvEncoding): Readable {
  requireManage(ctx);
  const f = filterOf(ctx, filter);
  const today = todayInJapan();
  const batches = async function* () {
    let cursor: RecordCursor | null = null;
    let rows = 0;
    let sensitiveRows = 0;
    while (rows < EXPORT_MAX) {
      const c: RecordCursor | null = cursor;
      const batch: RecordListRow[] = await db.asTenant(ctx.tenantId, (tx) => findRecordBatch(tx, f, c, EXPORT_BATCH));
      yield batch.map((row) => {
        const r = toRecord(row, today);
        return [
          formatDate(r.recordedOn),
          r.category.name,
          r.subcategory?.name ?? '',
          r.title,
          r.body,
          names(r.targets),
          names(r.reporters),
          r.dueOn ? formatDate(r.dueOn) : '',
          RECORD_STATUS_LABELS[r.status],
          r.assignee?.displayName ?? '',
          r.createdBy?.displayName ?? '',
        ];
      });
      rows += batch.length;
      sensitiveRows += batch.filter((r) => r.isSensitive).length;
      const last = batch.at(-1);
      if (!last || batch.length < EXPORT_BATCH) break;
      cursor = { recordedOn: last.recordedOn, createdAt: last.createdAt, id: last.id };
    }
    await db.asTenant(ctx.tenantId, (tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        targetType: 'record_list',
        after: { filter, rows, encoding, ...(sensitiveRows > 0 ? { sensitiveRows } : {}) },
        isSensitive: sensitiveRows > 0,
      }),
    );
  };
  return streamCsv(RECORD_EXPORT_HEADER, batches(), encoding);
}

// ---- writing -----------------------------------------------------------------------------------

type Checked = { category: CategoryRow; subcategory: CategoryRow | null; assignee: AccountRow | null };

/** The references of an input, checked against the tenant: employees, 大区分/小区分, 担当者. */
async function checkInput(tx: Tx, ctx: Actor, input: TRecordValues, current: RecordRow | null): Promise<Checked> {
  const errors: TFieldError[] = [];
  const known = await findEmployeeIds(tx, [...input.targetIds, ...input.reporterIds]);
  if (input.targetIds.some((id) => !known.has(id)))
    errors.push({ path: 'targetIds', message: '対象者に登録されていない従業員が含まれています' });
  if (input.reporterIds.some((id) => !known.has(id)))
    errors.push({ path: 'reporterIds', message: '報告者/情報源に登録されていない従業員が含まれています' });
  const cats = await findCategories(tx, [input.categoryId, ...(input.subcategoryId ? [input.subcategoryId] : [])]);
  const category = cats.find((c) => c.id === input.categoryId && c.kind === 'record_category') ?? null;
  const subcategory = input.subcategoryId
    ? (cats.find((c) => c.id === input.subcategoryId && c.kind === 'record_subcategory') ?? null)
    : null;
  if (!category) errors.push({ path: 'categoryId', message: 'カテゴリ（大区分）が見つかりません' });
  else if (!category.isValid && current?.categoryId !== category.id)
    errors.push({ path: 'categoryId', message: 'カテゴリ（大区分）は無効になっているため選択できません' });
  if (input.subcategoryId) {
    if (!subcategory) errors.push({ path: 'subcategoryId', message: 'カテゴリ（小区分）が見つかりません' });
    else if (category && subcategory.parentId !== category.id)
      errors.push({
        path: 'subcategoryId',
        message: `カテゴリ（小区分）「${subcategory.name}」は大区分「${category.name}」に属していません`,
      });
    else if (!subcategory.isValid && current?.subcategoryId !== subcategory.id)
      errors.push({ path: 'subcategoryId', message: 'カテゴリ（小区分）は無効になっているため選択できません' });
  }
  let assignee: AccountRow | null = null;
  if (input.assigneeUserId) {
    assignee = (await findAccountsInRoles(tx, MANAGER_ROLES)).find((a) => a.userId === input.assigneeUserId) ?? null;
    if (!assignee)
      errors.push({
        path: 'assigneeUserId',
        message: '担当者には対応記録一覧・期限付きタスクを使える権限のあるアカウントを選択してください',
      });
  }
  if (errors.length > 0) throw invalid(errors);
  if (SENSITIVE_RECORD_CATEGORY_CODES.includes(category!.code) && !visibilityOf(ctx).canSeeSensitive)
    throw new AppError('FORBIDDEN', `「${category!.name}」の応対記録は要配慮情報を扱える権限が必要です`);
  return { category: category!, subcategory, assignee };
}

/** What the audit trail keeps of a record (title/body under their own keys: `title` means 内容 for 賞罰). */
const auditImage = (
  v: Pick<
    TRecordValues,
    'categoryId' | 'subcategoryId' | 'title' | 'body' | 'recordedOn' | 'dueOn' | 'assigneeUserId'
  > & {
    isCompleted: boolean;
    targetIds: string[];
    reporterIds: string[];
  },
) => ({
  categoryId: v.categoryId,
  subcategoryId: v.subcategoryId,
  recordTitle: v.title,
  recordBody: v.body,
  recordedOn: v.recordedOn,
  dueOn: v.dueOn,
  isCompleted: v.isCompleted,
  assigneeUserId: v.assigneeUserId,
  targetIds: v.targetIds,
  reporterIds: v.reporterIds,
});

async function imageOf(tx: Tx, row: RecordRow) {
  const people = await findPeopleIds(tx, row.id);
  return auditImage({
    ...row,
    isCompleted: row.completedAt !== null,
    targetIds: people.filter((p) => p.role === 'target').map((p) => p.employeeId),
    reporterIds: people.filter((p) => p.role === 'reporter').map((p) => p.employeeId),
  });
}

const isOpenTask = (r: Pick<RecordRow, 'completedAt' | 'dueOn' | 'assigneeUserId'>) =>
  r.completedAt === null && r.dueOn !== null && r.assigneeUserId !== null;

/** The 担当者's mail, when an open task (now) is theirs and was not before. */
async function mailAssignee(
  tx: Tx,
  ctx: Actor,
  after: RecordRow,
  before: RecordRow | null,
  checked: Checked,
  targetIds: string[],
) {
  if (!isOpenTask(after) || !checked.assignee?.email) return;
  if (before && isOpenTask(before) && before.assigneeUserId === after.assigneeUserId) return;
  const tenant = await getCurrentTenant(tx);
  const row = await findRecord(tx, after.id, { canSeeSensitive: true });
  await enqueueHrMails(tx, [
    {
      tenantId: ctx.tenantId,
      to: checked.assignee.email,
      template: recordTaskAssignedMail,
      data: {
        tenantName: tenant?.name ?? '',
        recipientName: checked.assignee.displayName,
        assignedBy: ctx.kind === 'user' ? ctx.displayName : 'jinji',
        title: after.isSensitive ? null : after.title,
        categoryName: checked.category.name,
        targetNames: names((row?.people ?? []).filter((p) => targetIds.includes(p.employeeId))),
        dueOn: after.dueOn!,
      },
    },
  ]);
}

/** The columns an input sets, on create and edit alike (the search form folded from タイトル and 内容). */
const storedValues = (input: TRecordValues, isSensitive: boolean) => ({
  categoryId: input.categoryId,
  subcategoryId: input.subcategoryId,
  title: input.title,
  body: input.body,
  recordedOn: input.recordedOn,
  dueOn: input.dueOn,
  assigneeUserId: input.assigneeUserId,
  isSensitive,
  searchText: toSearchForm(`${input.title}|${input.body}`),
});

export async function createRecord(deps: RecordDeps, ctx: Actor, input: TRecordValues): Promise<TRecord> {
  requireManage(ctx);
  const result = await deps.db.asTenant(ctx.tenantId, async (tx) => {
    const checked = await checkInput(tx, ctx, input, null);
    const isSensitive = SENSITIVE_RECORD_CATEGORY_CODES.includes(checked.category.code);
    const row = await insertRecord(tx, {
      tenantId: ctx.tenantId,
      ...storedValues(input, isSensitive),
      completedAt: input.isCompleted ? new Date() : null,
      completedBy: input.isCompleted ? userIdOf(ctx) : null,
      createdBy: userIdOf(ctx),
    });
    await replacePeople(tx, ctx.tenantId, row.id, { targets: input.targetIds, reporters: input.reporterIds });
    await recordAudit(tx, ctx, {
      action: 'create',
      targetType: 'record',
      targetId: row.id,
      after: auditImage(input),
      isSensitive,
    });
    await mailAssignee(tx, ctx, row, null, checked, input.targetIds);
    return toRecord((await findRecord(tx, row.id, { canSeeSensitive: true }))!, todayInJapan());
  });
  await deps.mail.wake();
  return result;
}

export async function updateRecord(deps: RecordDeps, ctx: Actor, id: string, input: TRecordValues): Promise<TRecord> {
  requireManage(ctx);
  const result = await deps.db.asTenant(ctx.tenantId, async (tx) => {
    const current = await findRecordRowForUpdate(tx, id);
    if (!current || (current.isSensitive && !visibilityOf(ctx).canSeeSensitive)) throw notFound();
    const checked = await checkInput(tx, ctx, input, current);
    const isSensitive = SENSITIVE_RECORD_CATEGORY_CODES.includes(checked.category.code);
    const wasCompleted = current.completedAt !== null;
    const completion =
      input.isCompleted === wasCompleted
        ? {}
        : input.isCompleted
          ? { completedAt: new Date(), completedBy: userIdOf(ctx) }
          : { completedAt: null, completedBy: null };
    const isReminderStale = current.dueOn !== input.dueOn || current.assigneeUserId !== input.assigneeUserId;
    const values = {
      ...storedValues(input, isSensitive),
      ...completion,
      ...(isReminderStale ? { reminderSentOn: null } : {}),
    };
    const before = await imageOf(tx, current);
    await updateRecordRow(tx, id, values);
    await replacePeople(tx, ctx.tenantId, id, { targets: input.targetIds, reporters: input.reporterIds });
    const diff = auditDiff(before, auditImage(input));
    if (diff)
      await recordAudit(tx, ctx, {
        action: 'update',
        targetType: 'record',
        targetId: id,
        ...diff,
        isSensitive: isSensitive || current.isSensitive,
      });
    const after = { ...current, ...values } as RecordRow;
    await mailAssignee(tx, ctx, after, current, checked, input.targetIds);
    return toRecord((await findRecord(tx, id, { canSeeSensitive: true }))!, todayInJapan());
  });
  await deps.mail.wake();
  return result;
}

/** 【完了にする】 / 【未完了に戻す】 from the task list or the record. */
export async function setRecordCompleted(
  deps: RecordDeps,
  ctx: Actor,
  id: string,
  isCompleted: boolean,
): Promise<TRecord> {
  requireManage(ctx);
  return deps.db.asTenant(ctx.tenantId, async (tx) => {
    const current = await findRecordRowForUpdate(tx, id);
    if (!current || (current.isSensitive && !visibilityOf(ctx).canSeeSensitive)) throw notFound();
    const wasCompleted = current.completedAt !== null;
    if (wasCompleted !== isCompleted) {
      await updateRecordRow(
        tx,
        id,
        isCompleted
          ? { completedAt: new Date(), completedBy: userIdOf(ctx) }
          : { completedAt: null, completedBy: null, reminderSentOn: null },
      );
      await recordAudit(tx, ctx, {
        action: 'update',
        targetType: 'record',
        targetId: id,
        before: { isCompleted: wasCompleted },
        after: { isCompleted },
        isSensitive: current.isSensitive,
      });
    }
    return toRecord((await findRecord(tx, id, { canSeeSensitive: true }))!, todayInJapan());
  });
}

export async function deleteRecord(deps: RecordDeps, ctx: Actor, id: string): Promise<void> {
  requireManage(ctx);
  await deps.db.asTenant(ctx.tenantId, async (tx) => {
    const current = await findRecordRowForUpdate(tx, id);
    if (!current || (current.isSensitive && !visibilityOf(ctx).canSeeSensitive)) throw notFound();
    const before = await imageOf(tx, current);
    await deleteRecordRow(tx, id);
    await recordAudit(tx, ctx, {
      action: 'delete',
      targetType: 'record',
      targetId: id,
      before,
      isSensitive: current.isSensitive,
    });
  });
}

// ---- the reminder (daily job, CLI) --------------------------------------------------------------

/**
 * The 前日 reminder: every open task with a 担当者 whose 対応期限 is the day after `today` gets one mail,
 * once — reminder_sent_on is set in the same transaction (a changed 対応期限 or 担当者 clears it).
 */
export async function remindDueTasks(deps: RecordDeps, today = todayInJapan()): Promise<{ sent: number }> {
  const dueOn = addDays(today, 1);
  const due = await findTasksToRemind(deps.db.owner, dueOn);
  let sent = 0;
  for (const { tenantId, id } of due) {
    const actor = systemActor(tenantId, `records-remind:${today}`, { roles: [] });
    await deps.db.asTenant(tenantId, async (tx) => {
      const current = await findRecordRowForUpdate(tx, id);
      if (!current || !isOpenTask(current) || current.dueOn !== dueOn || current.reminderSentOn !== null) return;
      const row = (await findRecord(tx, id, { canSeeSensitive: true }))!;
      const assignee = (await findAccountsInRoles(tx, MANAGER_ROLES)).find((a) => a.userId === current.assigneeUserId);
      await updateRecordRow(tx, id, { reminderSentOn: today });
      await recordAudit(tx, actor, {
        action: 'update',
        targetType: 'record',
        targetId: id,
        before: { reminderSentOn: null },
        after: { reminderSentOn: today },
        isSensitive: current.isSensitive,
      });
      if (!assignee?.email) return;
      const tenant = await getCurrentTenant(tx);
      await enqueueHrMails(tx, [
        {
          tenantId,
          to: assignee.email,
          template: recordTaskReminderMail,
          data: {
            tenantName: tenant?.name ?? '',
            recipientName: assignee.displayName,
            title: current.isSensitive ? null : current.title,
            categoryName: row.categoryName,
            targetNames: names(row.people.filter((p) => p.role === 'target')),
            dueOn,
          },
        },
      ]);
      sent++;
    });
  }
  if (sent > 0) await deps.mail.wake();
  return { sent };
}

// ---- the profile sheet's reads (in its transaction, under the actor's visibility) --------------------

/** 大区分 of 応対記録 but 面談, valid or not, in master order; 要配慮 ones only for a reader allowed them. */
export async function listRecordCategoriesIn(tx: Tx, ctx: Actor) {
  const canSeeSensitive = visibilityOf(ctx).canSeeSensitive;
  return (await findAllCategories(tx))
    .filter((c) => c.kind === 'record_category' && c.code !== INTERVIEW_CATEGORY_CODE)
    .map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      isSensitive: SENSITIVE_RECORD_CATEGORY_CODES.includes(c.code),
    }))
    .filter((c) => canSeeSensitive || !c.isSensitive);
}

/** The `limit` newest 応対記録 of an employee (面談 excluded) in the categories and range; null ids = all. */
export async function findProfileRecordsIn(
  tx: Tx,
  ctx: Actor,
  f: { employeeId: string; categoryIds: string[] | null; from: string | null; to: string | null; limit: number },
) {
  const today = todayInJapan();
  if (f.categoryIds && f.categoryIds.length === 0) return [];
  const page = await findEmployeeRecords(tx, {
    ...visibilityOf(ctx),
    employeeId: f.employeeId,
    categoryIds: f.categoryIds ?? undefined,
    excludeCategoryCode: INTERVIEW_CATEGORY_CODE,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    limit: f.limit,
  });
  return page.items.map((r) => toRecord(r, today));
}

/** The `limit` newest 面談 of an employee in the range (面談者 = the 報告者, else the recording user). */
export async function findProfileInterviewsIn(
  tx: Tx,
  ctx: Actor,
  f: { employeeId: string; from: string | null; to: string | null; limit: number },
) {
  const { items } = await findInterviews(tx, {
    ...visibilityOf(ctx),
    employeeId: f.employeeId,
    categoryCode: INTERVIEW_CATEGORY_CODE,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    limit: f.limit,
  });
  return items;
}
