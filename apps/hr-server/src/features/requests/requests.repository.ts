// 届出's queries (R-REQ-1). Who may see or decide a request is one SQL condition (`isApproverOf`,
// `isDecidableBy`), used by the list, the count badge and the detail alike, so they cannot disagree.

import type { TRequestListQuery, TRequestStatus } from '@jinji/contracts/hr/requests';
import { currentTenantId, queryRows } from '@jinji/db/client';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import {
  departmentHeads,
  requestAttachments,
  requestNotices,
  requestSteps,
  requests,
  requestTypes,
} from '../../db/schema/index';

export type RequestTypeRow = typeof requestTypes.$inferSelect;
export type RequestRow = typeof requests.$inferSelect;
export type RequestStepRow = typeof requestSteps.$inferSelect;
export type Viewer = { userId: string; roles: readonly string[] };

/** the surrounding asTenant() transaction's tenant, named in every tenant query (Citus co-location, docs/scale-out.md) */
const tenant = () => sql`${currentTenantId()}::uuid`;

// ---- types --------------------------------------------------------------------------------------

export async function insertMissingTypes(tx: Tx, rows: (typeof requestTypes.$inferInsert)[]): Promise<void> {
  await tx.insert(requestTypes).values(rows).onConflictDoNothing();
}

export function findTypes(tx: Tx, isActiveOnly: boolean): Promise<RequestTypeRow[]> {
  return tx
    .select()
    .from(requestTypes)
    .where(
      and(eq(requestTypes.tenantId, currentTenantId()), isActiveOnly ? eq(requestTypes.isActive, true) : undefined),
    )
    .orderBy(asc(requestTypes.sortOrder), asc(requestTypes.createdAt));
}

export async function findType(tx: Tx, id: string): Promise<RequestTypeRow | null> {
  return (
    (
      await tx
        .select()
        .from(requestTypes)
        .where(and(eq(requestTypes.tenantId, currentTenantId()), eq(requestTypes.id, id)))
        .limit(1)
    )[0] ?? null
  );
}

export async function insertType(tx: Tx, row: typeof requestTypes.$inferInsert): Promise<RequestTypeRow> {
  return (await tx.insert(requestTypes).values(row).returning())[0]!;
}

export async function updateType(
  tx: Tx,
  id: string,
  values: Partial<typeof requestTypes.$inferInsert>,
): Promise<RequestTypeRow> {
  return (
    await tx
      .update(requestTypes)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(requestTypes.tenantId, currentTenantId()), eq(requestTypes.id, id)))
      .returning()
  )[0]!;
}

// ---- 上長 and recipients -------------------------------------------------------------------------

/**
 * The employee's 上長 on `onDate`: the 所属長 of the department of their 所属 that day, else of the
 * nearest parent department that has one — skipping the employee themselves (a head's own 上長 is the
 * head above) and heads without an account. Null when there is none.
 */
export async function findSupervisor(
  tx: Tx,
  employeeId: string,
  onDate: string,
): Promise<{ userId: string; employeeId: string } | null> {
  const rows = await queryRows<{ user_id: string; employee_id: string }>(
    tx,
    sql`with recursive chain as (
      select d.id, d.parent_id, 0 as depth
      from employee_assignments a join master_items d on d.tenant_id = a.tenant_id and d.id = a.department_id
      where a.tenant_id = ${tenant()} and a.employee_id = ${employeeId}::uuid and a.start_date <= ${onDate}::date
        and (a.end_date is null or a.end_date >= ${onDate}::date)
      union all
      select p.id, p.parent_id, c.depth + 1 from chain c join master_items p on p.tenant_id = ${tenant()} and p.id = c.parent_id where c.depth < 20
    )
    select u.id as user_id, h.employee_id
    from chain c
    join department_heads h on h.department_id = c.id
    join user_accounts u on u.tenant_id = h.tenant_id and u.employee_id = h.employee_id and not u.is_disabled
    where h.tenant_id = ${tenant()} and h.employee_id <> ${employeeId}::uuid
    order by c.depth, u.created_at
    limit 1`,
  );
  const r = rows[0];
  return r ? { userId: r.user_id, employeeId: r.employee_id } : null;
}

export type Recipient = { userId: string; email: string | null; displayName: string };

/** Who decides a step: the 上長's account, or every enabled member of the role. */
export function findStepRecipients(tx: Tx, step: Pick<RequestStepRow, 'approverUserId' | 'role'>) {
  return queryRows<Recipient>(
    tx,
    step.approverUserId
      ? sql`select id as "userId", email, display_name as "displayName" from user_accounts
            where tenant_id = ${tenant()} and id = ${step.approverUserId}::uuid and not is_disabled`
      : sql`select u.id as "userId", u.email, u.display_name as "displayName"
            from role_members m join user_accounts u on u.tenant_id = m.tenant_id and u.id = m.user_id
            where m.tenant_id = ${tenant()} and m.role = ${step.role} and not u.is_disabled order by u.login_id`,
  );
}

export async function findAccount(tx: Tx, userId: string): Promise<Recipient | null> {
  const rows = await queryRows<Recipient>(
    tx,
    sql`select id as "userId", email, display_name as "displayName" from user_accounts where tenant_id = ${tenant()} and id = ${userId}::uuid`,
  );
  return rows[0] ?? null;
}

// ---- requests -----------------------------------------------------------------------------------

export async function insertRequest(tx: Tx, row: typeof requests.$inferInsert): Promise<RequestRow> {
  return (await tx.insert(requests).values(row).returning())[0]!;
}

export async function insertSteps(tx: Tx, rows: (typeof requestSteps.$inferInsert)[]): Promise<void> {
  await tx.insert(requestSteps).values(rows);
}

export async function insertAttachments(tx: Tx, rows: (typeof requestAttachments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(requestAttachments).values(rows);
}

/** The request, locked for a decision (two approvers pressing at once: the second sees the first's result). */
export async function findRequestForUpdate(tx: Tx, id: string): Promise<RequestRow | null> {
  return (
    (
      await tx
        .select()
        .from(requests)
        .where(and(eq(requests.tenantId, currentTenantId()), eq(requests.id, id)))
        .for('update')
        .limit(1)
    )[0] ?? null
  );
}

export async function findRequest(tx: Tx, id: string): Promise<RequestRow | null> {
  return (
    (
      await tx
        .select()
        .from(requests)
        .where(and(eq(requests.tenantId, currentTenantId()), eq(requests.id, id)))
        .limit(1)
    )[0] ?? null
  );
}

export function findSteps(tx: Tx, requestId: string): Promise<RequestStepRow[]> {
  return tx
    .select()
    .from(requestSteps)
    .where(and(eq(requestSteps.tenantId, currentTenantId()), eq(requestSteps.requestId, requestId)))
    .orderBy(asc(requestSteps.stepNo));
}

export async function updateRequest(tx: Tx, id: string, values: Partial<typeof requests.$inferInsert>) {
  await tx
    .update(requests)
    .set(values)
    .where(and(eq(requests.tenantId, currentTenantId()), eq(requests.id, id)));
}

export async function decideStep(
  tx: Tx,
  requestId: string,
  stepNo: number,
  values: Pick<RequestStepRow, 'decision' | 'decidedBy' | 'comment'>,
) {
  await tx
    .update(requestSteps)
    .set({ ...values, decidedAt: new Date() })
    .where(
      and(
        eq(requestSteps.tenantId, currentTenantId()),
        eq(requestSteps.requestId, requestId),
        eq(requestSteps.stepNo, stepNo),
      ),
    );
}

export function findAttachmentsOf(tx: Tx, requestId: string) {
  return tx
    .select({
      id: requestAttachments.id,
      fieldKey: requestAttachments.fieldKey,
      fileName: requestAttachments.fileName,
      contentType: requestAttachments.contentType,
      size: requestAttachments.size,
    })
    .from(requestAttachments)
    .where(and(eq(requestAttachments.tenantId, currentTenantId()), eq(requestAttachments.requestId, requestId)))
    .orderBy(asc(requestAttachments.fileName));
}

export async function findAttachment(tx: Tx, requestId: string, id: string) {
  return (
    (
      await tx
        .select()
        .from(requestAttachments)
        .where(
          and(
            eq(requestAttachments.tenantId, currentTenantId()),
            eq(requestAttachments.requestId, requestId),
            eq(requestAttachments.id, id),
          ),
        )
        .limit(1)
    )[0] ?? null
  );
}

const rolesArray = (roles: readonly string[]) => sql`${`{${roles.join(',')}}`}::text[]`;
/** Any step of the request is the viewer's (their 上長 step, or a role they hold). */
const isApproverOf = (v: Viewer) =>
  sql`exists (select 1 from request_steps s where s.tenant_id = r.tenant_id and s.request_id = r.id
      and (s.approver_user_id = ${v.userId}::uuid or s.role = any(${rolesArray(v.roles)})))`;
/** The current step is the viewer's, the request waits, and it is not their own. */
const isDecidableBy = (v: Viewer) =>
  sql`(r.status = 'pending' and r.applicant_user_id <> ${v.userId}::uuid and exists (
      select 1 from request_steps s where s.tenant_id = r.tenant_id and s.request_id = r.id and s.step_no = r.current_step
      and (s.approver_user_id = ${v.userId}::uuid or s.role = any(${rolesArray(v.roles)}))))`;

export type RequestListRow = {
  id: string;
  typeName: string;
  builtin: string | null;
  employeeNumber: string | null;
  applicantName: string;
  effectiveDate: string;
  status: TRequestStatus;
  currentStep: number;
  stepCount: number;
  createdAt: Date | string;
  canDecide: boolean;
  total: number;
};

const listColumns = (v: Viewer) => sql`r.id, t.name as "typeName", t.builtin, e.employee_number as "employeeNumber",
  e.last_name || ' ' || e.first_name as "applicantName", to_char(r.effective_date, 'YYYY-MM-DD') as "effectiveDate",
  r.status, r.current_step as "currentStep",
  (select count(*)::int from request_steps s where s.tenant_id = r.tenant_id and s.request_id = r.id) as "stepCount",
  r.created_at as "createdAt", ${isDecidableBy(v)} as "canDecide", count(*) over ()::int as total`;

/** 届出一覧: what the viewer approves (any step), filtered, newest first, one page. */
export function findRequestPage(tx: Tx, v: Viewer, q: TRequestListQuery): Promise<RequestListRow[]> {
  const where: SQL[] = [sql`r.tenant_id = ${tenant()}`, isApproverOf(v)];
  if (q.isWaitingOnly) where.push(isDecidableBy(v));
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.typeId) where.push(sql`r.type_id = ${q.typeId}::uuid`);
  if (q.effectiveFrom) where.push(sql`r.effective_date >= ${q.effectiveFrom}::date`);
  if (q.effectiveTo) where.push(sql`r.effective_date <= ${q.effectiveTo}::date`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(e.last_name || e.first_name ilike ${like} or e.last_name_kana || e.first_name_kana ilike ${like}
           or e.employee_number ilike ${like})`,
    );
  }
  return queryRows<RequestListRow>(
    tx,
    sql`select ${listColumns(v)} from requests r join request_types t on t.tenant_id = r.tenant_id and t.id = r.type_id
        join employees e on e.tenant_id = r.tenant_id and e.id = r.employee_id
        where ${sql.join(where, sql` and `)}
        order by r.created_at desc, r.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
}

/** The employee's own requests, newest first. */
export function findOwnRequestPage(
  tx: Tx,
  v: Viewer,
  employeeId: string,
  page: { page: number; pageSize: number },
): Promise<RequestListRow[]> {
  return queryRows<RequestListRow>(
    tx,
    sql`select ${listColumns(v)} from requests r join request_types t on t.tenant_id = r.tenant_id and t.id = r.type_id
        join employees e on e.tenant_id = r.tenant_id and e.id = r.employee_id
        where r.tenant_id = ${tenant()} and r.employee_id = ${employeeId}::uuid
        order by r.created_at desc, r.id limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
}

export async function findRequestRow(tx: Tx, v: Viewer, id: string): Promise<RequestListRow | null> {
  const rows = await queryRows<RequestListRow>(
    tx,
    sql`select ${listColumns(v)} from requests r join request_types t on t.tenant_id = r.tenant_id and t.id = r.type_id
        join employees e on e.tenant_id = r.tenant_id and e.id = r.employee_id where r.tenant_id = ${tenant()} and r.id = ${id}::uuid`,
  );
  return rows[0] ?? null;
}

export async function isApprover(tx: Tx, v: Viewer, id: string): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    tx,
    sql`select ${isApproverOf(v)} as ok from requests r where r.tenant_id = ${tenant()} and r.id = ${id}::uuid`,
  );
  return rows[0]?.ok === true;
}

export async function countWaiting(tx: Tx, v: Viewer): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from requests r where r.tenant_id = ${tenant()} and r.status = 'pending' and ${isDecidableBy(v)}`,
  );
  return rows[0]?.n ?? 0;
}

export function findAccountNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, display_name as name from user_accounts where tenant_id = ${tenant()} and id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
}

/** 承認済み・適用待ち whose 適用日 has come, across tenants (the owner connection: the daily job). */
export function findDueRequests(owner: Db, today: string) {
  return owner
    .select({ tenantId: requests.tenantId, id: requests.id })
    .from(requests)
    .where(and(eq(requests.status, 'scheduled'), sql`${requests.effectiveDate} <= ${today}::date`))
    .orderBy(asc(requests.effectiveDate));
}

// ---- notices ------------------------------------------------------------------------------------

export async function insertNotices(tx: Tx, rows: (typeof requestNotices.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(requestNotices).values(rows);
}

export function findNotices(tx: Tx, userId: string) {
  return queryRows<{
    id: string;
    requestId: string;
    kind: string;
    typeName: string;
    applicantName: string;
    isOwn: boolean;
    createdAt: Date | string;
    readAt: Date | string | null;
  }>(
    tx,
    sql`select n.id, n.request_id as "requestId", n.kind, t.name as "typeName",
          e.last_name || ' ' || e.first_name as "applicantName", r.applicant_user_id = n.user_id as "isOwn",
          n.created_at as "createdAt", n.read_at as "readAt"
        from request_notices n join requests r on r.tenant_id = n.tenant_id and r.id = n.request_id
        join request_types t on t.tenant_id = r.tenant_id and t.id = r.type_id
        join employees e on e.tenant_id = r.tenant_id and e.id = r.employee_id
        where n.tenant_id = ${tenant()} and n.user_id = ${userId}::uuid order by n.created_at desc limit 20`,
  );
}

export async function countUnreadNotices(tx: Tx, userId: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from request_notices where tenant_id = ${tenant()} and user_id = ${userId}::uuid and read_at is null`,
  );
  return rows[0]?.n ?? 0;
}

export async function markNoticesRead(tx: Tx, userId: string): Promise<number> {
  const rows = await tx
    .update(requestNotices)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(requestNotices.tenantId, currentTenantId()),
        eq(requestNotices.userId, userId),
        isNull(requestNotices.readAt),
      ),
    )
    .returning({ id: requestNotices.id });
  return rows.length;
}

// ---- 所属長 -------------------------------------------------------------------------------------

export function findDepartmentHeads(tx: Tx) {
  return queryRows<{
    departmentId: string;
    departmentName: string;
    employeeId: string | null;
    employeeNumber: string | null;
    employeeName: string | null;
  }>(
    tx,
    sql`select d.id as "departmentId", d.name as "departmentName", e.id as "employeeId",
          e.employee_number as "employeeNumber",
          case when e.id is null then null else e.last_name || ' ' || e.first_name end as "employeeName"
        from master_items d left join department_heads h on h.tenant_id = d.tenant_id and h.department_id = d.id
        left join employees e on e.tenant_id = h.tenant_id and e.id = h.employee_id
        where d.tenant_id = ${tenant()} and d.kind = 'department' order by d.sort_order, d.code`,
  );
}

export async function isDepartment(tx: Tx, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from master_items where tenant_id = ${tenant()} and id = ${id}::uuid and kind = 'department'`,
  );
  return rows.length > 0;
}

export async function findEmployeeIdByNumber(tx: Tx, employeeNumber: string): Promise<string | null> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from employees where tenant_id = ${tenant()} and employee_number = ${employeeNumber}`,
  );
  return rows[0]?.id ?? null;
}

export async function findDepartmentHead(tx: Tx, departmentId: string): Promise<string | null> {
  const rows = await tx
    .select({ employeeId: departmentHeads.employeeId })
    .from(departmentHeads)
    .where(and(eq(departmentHeads.tenantId, currentTenantId()), eq(departmentHeads.departmentId, departmentId)));
  return rows[0]?.employeeId ?? null;
}

export async function setDepartmentHead(
  tx: Tx,
  tenantId: string,
  departmentId: string,
  employeeId: string | null,
): Promise<void> {
  if (!employeeId) {
    await tx
      .delete(departmentHeads)
      .where(and(eq(departmentHeads.tenantId, tenantId), eq(departmentHeads.departmentId, departmentId)));
    return;
  }
  await tx
    .insert(departmentHeads)
    .values({ tenantId, departmentId, employeeId })
    .onConflictDoUpdate({
      target: [departmentHeads.tenantId, departmentHeads.departmentId],
      set: { employeeId, updatedAt: new Date() },
    });
}
