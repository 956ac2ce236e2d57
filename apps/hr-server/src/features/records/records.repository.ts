// 応対記録's queries. Every read goes through one select (`RECORD_SELECT`: the record, its category, its
// people and the accounts it names, in one statement) with a different condition and order, so the list,
// the task list, the employee tab, the CSV and — later — the profile sheet cannot disagree. Joins carry
// tenant_id so the statements stay within one tenant's shard.
import { currentTenantId, queryRows } from '@jinji/db/client';
import { escapeLike } from '@jinji/db/like';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { recordPeople, records } from '../../db/schema/index';

export type RecordRow = typeof records.$inferSelect;
export type PersonRole = 'target' | 'reporter';
export type StoredPerson = { employeeId: string; employeeNumber: string | null; name: string; role: PersonRole };
export type RecordListRow = {
  id: string;
  title: string;
  body: string;
  recordedOn: string;
  dueOn: string | null;
  completedAt: string | null;
  isSensitive: boolean;
  createdAt: string;
  updatedAt: string;
  categoryId: string;
  categoryCode: string;
  categoryName: string;
  subcategoryId: string | null;
  subcategoryCode: string | null;
  subcategoryName: string | null;
  completedBy: string | null;
  completedByName: string | null;
  assigneeUserId: string | null;
  assigneeName: string | null;
  createdBy: string | null;
  createdByName: string | null;
  people: StoredPerson[];
};

/** What a reader may see: without employees.sensitive, no 要配慮 record exists for them. */
export type Visibility = { canSeeSensitive: boolean };
/** the surrounding asTenant() transaction's tenant, named in every tenant query (Citus co-location, docs/scale-out.md) */
const tenant = () => sql`${currentTenantId()}::uuid`;
/** the tenant's records `r` this reader may see: every statement over records r starts from here */
const visible = (v: Visibility) =>
  v.canSeeSensitive ? sql`r.tenant_id = ${tenant()}` : sql`r.tenant_id = ${tenant()} and not r.is_sensitive`;

const PERSON_NAME = sql`coalesce(nullif(trim(coalesce(e.business_last_name, '') || ' ' || coalesce(e.business_first_name, '')), ''),
  e.last_name || ' ' || e.first_name)`;

const RECORD_SELECT = sql`select r.id, r.title, r.body, r.recorded_on::text as "recordedOn", r.due_on::text as "dueOn",
    to_json(r.completed_at)#>>'{}' as "completedAt", r.is_sensitive as "isSensitive",
    to_json(r.created_at)#>>'{}' as "createdAt", to_json(r.updated_at)#>>'{}' as "updatedAt",
    c.id as "categoryId", c.code as "categoryCode", c.name as "categoryName",
    s.id as "subcategoryId", s.code as "subcategoryCode", s.name as "subcategoryName",
    r.completed_by as "completedBy", cb.display_name as "completedByName",
    r.assignee_user_id as "assigneeUserId", au.display_name as "assigneeName",
    r.created_by as "createdBy", cr.display_name as "createdByName",
    (select coalesce(json_agg(json_build_object('employeeId', e.id, 'employeeNumber', e.employee_number,
        'name', ${PERSON_NAME}, 'role', p.role) order by p.role, p.sort_order), '[]'::json)
      from record_people p join employees e on e.tenant_id = p.tenant_id and e.id = p.employee_id
      where p.tenant_id = r.tenant_id and p.record_id = r.id) as people
  from records r
  join master_items c on c.tenant_id = r.tenant_id and c.id = r.category_id
  left join master_items s on s.tenant_id = r.tenant_id and s.id = r.subcategory_id
  left join user_accounts cb on cb.tenant_id = r.tenant_id and cb.id = r.completed_by
  left join user_accounts au on au.tenant_id = r.tenant_id and au.id = r.assignee_user_id
  left join user_accounts cr on cr.tenant_id = r.tenant_id and cr.id = r.created_by`;

const NEWEST_FIRST = sql`r.recorded_on desc, r.created_at desc, r.id desc`;

const selectRecords = (tx: Tx, where: SQL, order: SQL, limit: number, offset = 0) =>
  queryRows<RecordListRow>(tx, sql`${RECORD_SELECT} where ${where} order by ${order} limit ${limit} offset ${offset}`);

const countRecords = async (tx: Tx, where: SQL) =>
  Number(
    (
      await queryRows<{ n: number | string }>(
        tx,
        sql`select count(*) as n from records r join master_items c on c.tenant_id = r.tenant_id and c.id = r.category_id where ${where}`,
      )
    )[0]?.n ?? 0,
  );

const hasPerson = (employeeId: string, role: PersonRole) =>
  sql`exists (select 1 from record_people p where p.tenant_id = r.tenant_id and p.record_id = r.id
    and p.employee_id = ${employeeId}::uuid and p.role = ${role})`;

// ---- reading -----------------------------------------------------------------------------------

export type RecordFilter = Visibility & {
  categoryId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: 'open' | 'done' | undefined;
  employeeId?: string | undefined;
  /** toSearchForm of the keyword */
  searchForm?: string | undefined;
};

function filterSql(f: RecordFilter): SQL {
  const parts: SQL[] = [visible(f)];
  if (f.categoryId) parts.push(sql`r.category_id = ${f.categoryId}::uuid`);
  if (f.from) parts.push(sql`r.recorded_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`r.recorded_on <= ${f.to}::date`);
  if (f.status === 'open') parts.push(sql`r.completed_at is null`);
  if (f.status === 'done') parts.push(sql`r.completed_at is not null`);
  if (f.employeeId) parts.push(hasPerson(f.employeeId, 'target'));
  if (f.searchForm) parts.push(sql`r.search_text like ${`%${escapeLike(f.searchForm)}%`}`);
  return sql.join(parts, sql` and `);
}

/** 対応記録一覧: 記録日 newest first. */
export async function findRecordPage(tx: Tx, f: RecordFilter, page: { limit: number; offset: number }) {
  const where = filterSql(f);
  const items = await selectRecords(tx, where, NEWEST_FIRST, page.limit, page.offset);
  return { items, total: await countRecords(tx, where) };
}

export type RecordCursor = { recordedOn: string; createdAt: string; id: string };

/** The CSV export: the same filter and order, in keyset batches. */
export function findRecordBatch(tx: Tx, f: RecordFilter, cursor: RecordCursor | null, limit: number) {
  const where = cursor
    ? sql`${filterSql(f)} and (r.recorded_on, r.created_at, r.id) < (${cursor.recordedOn}::date, ${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
    : filterSql(f);
  return selectRecords(tx, where, NEWEST_FIRST, limit);
}

export async function findRecord(tx: Tx, id: string, v: Visibility): Promise<RecordListRow | null> {
  return (await selectRecords(tx, sql`r.id = ${id}::uuid and ${visible(v)}`, NEWEST_FIRST, 1))[0] ?? null;
}

/** 期限付きタスク: open, with a 対応期限; by 対応期限 (so the overdue come first), optionally only `assignee`'s. */
export async function findTaskPage(
  tx: Tx,
  f: Visibility & { assigneeUserId: string | null; dueFrom?: string; dueTo?: string; today: string; weekEnd: string },
  page: { limit: number; offset: number },
) {
  const scope = sql.join(
    [
      visible(f),
      sql`r.completed_at is null and r.due_on is not null`,
      f.assigneeUserId ? sql`r.assignee_user_id = ${f.assigneeUserId}::uuid` : sql`true`,
    ],
    sql` and `,
  );
  const range = sql.join(
    [
      scope,
      f.dueFrom ? sql`r.due_on >= ${f.dueFrom}::date` : sql`true`,
      f.dueTo ? sql`r.due_on <= ${f.dueTo}::date` : sql`true`,
    ],
    sql` and `,
  );
  const items = await selectRecords(tx, range, sql`r.due_on, r.recorded_on, r.id`, page.limit, page.offset);
  const total = await countRecords(tx, range);
  const counts = await queryRows<{ overdue: number | string; week: number | string }>(
    tx,
    sql`select count(*) filter (where r.due_on < ${f.today}::date) as overdue,
        count(*) filter (where r.due_on between ${f.today}::date and ${f.weekEnd}::date) as week
        from records r where ${scope}`,
  );
  return { items, total, overdue: Number(counts[0]?.overdue ?? 0), thisWeek: Number(counts[0]?.week ?? 0) };
}

/**
 * An employee's records as 対象者, newest first: the 応対記録 tab, and the profile sheet's 応対記録
 * ("the N newest of E in categories C within a date range") — one statement either way.
 */
export async function findEmployeeRecords(
  tx: Tx,
  f: Visibility & {
    employeeId: string;
    categoryIds?: string[];
    excludeCategoryCode?: string;
    from?: string;
    to?: string;
    limit: number;
    offset?: number;
    withTotal?: boolean;
  },
) {
  const parts: SQL[] = [visible(f), hasPerson(f.employeeId, 'target')];
  if (f.categoryIds) parts.push(sql`r.category_id = any(${`{${f.categoryIds.join(',')}}`}::uuid[])`);
  if (f.excludeCategoryCode) parts.push(sql`c.code <> ${f.excludeCategoryCode}`);
  if (f.from) parts.push(sql`r.recorded_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`r.recorded_on <= ${f.to}::date`);
  const where = sql.join(parts, sql` and `);
  const items = await selectRecords(tx, where, NEWEST_FIRST, f.limit, f.offset ?? 0);
  return { items, total: f.withTotal ? await countRecords(tx, where) : -1 };
}

export type InterviewRow = {
  recordId: string;
  recordedOn: string;
  title: string;
  body: string;
  reporterNames: string[] | null;
  createdByName: string | null;
};

/** 面談履歴 of an employee (records of the 面談 大区分), newest first, in one statement. */
export async function findInterviews(
  tx: Tx,
  f: Visibility & { employeeId: string; categoryCode: string; from?: string; to?: string; limit: number },
) {
  const parts: SQL[] = [visible(f), hasPerson(f.employeeId, 'target'), sql`c.code = ${f.categoryCode}`];
  if (f.from) parts.push(sql`r.recorded_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`r.recorded_on <= ${f.to}::date`);
  const where = sql.join(parts, sql` and `);
  const items = await queryRows<InterviewRow>(
    tx,
    sql`select r.id as "recordId", r.recorded_on::text as "recordedOn", r.title, r.body, cr.display_name as "createdByName",
        (select array_agg(${PERSON_NAME} order by p.sort_order) from record_people p
          join employees e on e.tenant_id = p.tenant_id and e.id = p.employee_id
          where p.tenant_id = r.tenant_id and p.record_id = r.id and p.role = 'reporter') as "reporterNames"
        from records r
        join master_items c on c.tenant_id = r.tenant_id and c.id = r.category_id
        left join user_accounts cr on cr.tenant_id = r.tenant_id and cr.id = r.created_by
        where ${where} order by ${NEWEST_FIRST} limit ${f.limit}`,
  );
  return { items, total: await countRecords(tx, where) };
}

// ---- what a record refers to ---------------------------------------------------------------------

export type CategoryRow = {
  id: string;
  kind: string;
  code: string;
  name: string;
  parentId: string | null;
  isValid: boolean;
};

export function findCategories(tx: Tx, ids: string[]): Promise<CategoryRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<CategoryRow>(
    tx,
    sql`select id, kind, code, name, parent_id as "parentId", is_valid as "isValid" from master_items
      where tenant_id = ${tenant()} and id = any(${`{${ids.join(',')}}`}::uuid[]) and kind in ('record_category', 'record_subcategory')`,
  );
}

export function findAllCategories(tx: Tx): Promise<(CategoryRow & { sortOrder: number })[]> {
  return queryRows(
    tx,
    sql`select id, kind, code, name, parent_id as "parentId", is_valid as "isValid", sort_order as "sortOrder"
      from master_items where tenant_id = ${tenant()} and kind in ('record_category', 'record_subcategory') order by sort_order, code`,
  );
}

/** Which of these ids are the tenant's employees. */
export async function findEmployeeIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select id from employees where tenant_id = ${tenant()} and id = any(${`{${ids.join(',')}}`}::uuid[])`,
  );
  return new Set(rows.map((r) => r.id));
}

export type AccountRow = { userId: string; displayName: string; email: string | null };

/** Enabled accounts of these roles (the 担当者 candidates: the roles of records.manage). */
export function findAccountsInRoles(tx: Tx, roles: readonly string[]): Promise<AccountRow[]> {
  return queryRows<AccountRow>(
    tx,
    sql`select distinct on (u.login_id) u.id as "userId", u.display_name as "displayName", u.email
      from role_members m join user_accounts u on u.tenant_id = m.tenant_id and u.id = m.user_id
      where m.tenant_id = ${tenant()} and m.role = any(${`{${roles.join(',')}}`}::text[]) and not u.is_disabled order by u.login_id`,
  );
}

// ---- writing -----------------------------------------------------------------------------------

export async function insertRecord(tx: Tx, row: typeof records.$inferInsert): Promise<RecordRow> {
  return (await tx.insert(records).values(row).returning())[0]!;
}

export async function findRecordRowForUpdate(tx: Tx, id: string): Promise<RecordRow | null> {
  return (
    (
      await tx
        .select()
        .from(records)
        .where(and(eq(records.tenantId, currentTenantId()), eq(records.id, id)))
        .for('update')
        .limit(1)
    )[0] ?? null
  );
}

export async function updateRecord(tx: Tx, id: string, values: Partial<typeof records.$inferInsert>): Promise<void> {
  await tx
    .update(records)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(records.tenantId, currentTenantId()), eq(records.id, id)));
}

export async function deleteRecord(tx: Tx, id: string): Promise<void> {
  await tx.delete(records).where(and(eq(records.tenantId, currentTenantId()), eq(records.id, id)));
}

export async function findPeopleIds(tx: Tx, recordId: string): Promise<{ employeeId: string; role: PersonRole }[]> {
  return queryRows(
    tx,
    sql`select employee_id as "employeeId", role from record_people where tenant_id = ${tenant()} and record_id = ${recordId}::uuid order by role, sort_order`,
  );
}

export async function replacePeople(
  tx: Tx,
  tenantId: string,
  recordId: string,
  people: { targets: string[]; reporters: string[] },
): Promise<void> {
  await tx.delete(recordPeople).where(and(eq(recordPeople.tenantId, tenantId), eq(recordPeople.recordId, recordId)));
  const rows = [
    ...people.targets.map((employeeId, i) => ({ tenantId, recordId, employeeId, role: 'target', sortOrder: i })),
    ...people.reporters.map((employeeId, i) => ({ tenantId, recordId, employeeId, role: 'reporter', sortOrder: i })),
  ];
  if (rows.length > 0) await tx.insert(recordPeople).values(rows);
}

// ---- the reminder --------------------------------------------------------------------------------

/** Across tenants (owner): open tasks with a 担当者 due on `dueOn` that have had no reminder yet. */
export function findTasksToRemind(owner: Db, dueOn: string): Promise<{ tenantId: string; id: string }[]> {
  return queryRows(
    owner,
    sql`select tenant_id as "tenantId", id from records
      where due_on = ${dueOn}::date and completed_at is null and assignee_user_id is not null and reminder_sent_on is null
      order by tenant_id, id`,
  );
}
