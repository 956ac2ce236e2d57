// 従業員 (R-EMP-1…5). Every change writes one audit row (before → after) in the same transaction;
// every response that carries 要配慮情報 writes a view row. Sensitive sections are left out of the
// response (not just hidden in the UI) for roles the matrix does not allow.

import type { Readable } from 'node:stream';
import { systemActor } from '@jinji/auth/actor';
import type { TFieldError } from '@jinji/contracts/common/errors';
import { isAllowed } from '@jinji/contracts/hr/access';
import type { TEmployeeSelection } from '@jinji/contracts/hr/account-notice';
import type { TAuditAction } from '@jinji/contracts/hr/audit';
import { checkEmployeeDates, checkSystemUse, type RuleIssue } from '@jinji/contracts/hr/employee-rules';
import {
  STATUS_LABELS,
  type TAssignmentInput,
  type TContractInput,
  type TCp932CheckResponse,
  type TCreateEmployeeRequest,
  type TEmployeeDetail,
  type TEmployeeListQuery,
  type TEmployeeListResponse,
  type TEmploymentStatus,
  type TUpdateBasicRequest,
  ZCareerSection,
  ZContactsSection,
  ZSensitiveSection,
} from '@jinji/contracts/hr/employees';
import { isUniqueViolation } from '@jinji/db/errors';
import { formatDate, todayInJapan, toSearchForm } from '@jinji/ja/text';
import { type CsvEncoding, findCp932Losses, streamCsv } from '@jinji/office-files/csv';
import { AppError } from '@jinji/server-kit/app-error';
import type { z } from 'zod';
import type { Database, Tx } from '../../db/client';
import { employeeAssignments, employeeContracts } from '../../db/schema/index';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import { findCodeSettingsIn, generateCodes, generateLoginIdFor } from '../code-settings/code-settings.service';
import { type EmployeeBasicValues, searchColumns, writeNewEmployees } from './employee-writes';
import {
  deleteHistoryRow,
  type EmployeeFilter,
  type EmployeeRow,
  findAssignments,
  findContracts,
  findDepartmentSubtree,
  findEmployeeById,
  findEmployeePage,
  findHistoryRow,
  findLoginIdOf,
  findMailTargets,
  findMastersByIds,
  findSubRecords,
  hasPeriodOn,
  insertAssignment,
  insertContract,
  insertEmployeeAccount,
  lockEmployeeHistory,
  type MailTargetRow,
  recomputeEndDates,
  replaceSubRecords,
  type SubRecordKind,
  findEmployeesByNumberAfter as selectEmployeesByNumberAfter,
  updateEmployee,
  updateEmployeeAccount,
  updateHistoryRow,
} from './employees.repository';

const invalid = (fields: TFieldError[]) => new AppError('VALIDATION_FAILED', undefined, fields);
const refuseIssues = (issues: RuleIssue[]) => {
  if (issues.length > 0) throw invalid(issues.map((i) => ({ path: i.field, message: i.message })));
};

export function statusOf(e: { hireDate: string; retirementDate: string | null }, today: string): TEmploymentStatus {
  if (e.hireDate > today) return 'upcoming';
  if (e.retirementDate && e.retirementDate < today) return 'retired';
  return 'active';
}

const audit = (
  tx: Tx,
  ctx: Actor,
  action: TAuditAction,
  targetId: string,
  before: unknown,
  after: unknown,
  targetType = 'employee',
) => recordAudit(tx, ctx, { action, targetType, targetId, before, after });

/** Only the keys whose values differ, for a readable before → after. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a, isChanged: Object.keys(a).length > 0 };
}

// ---- list ---------------------------------------------------------------------------------------

export async function listEmployees(
  db: Database,
  ctx: Actor,
  query: TEmployeeListQuery,
): Promise<TEmployeeListResponse> {
  const today = todayInJapan();
  const searchForm = query.q ? toSearchForm(query.q) : undefined;
  return db.asTenant(ctx.tenantId, async (tx) => {
    const departmentIds = query.departmentId ? await findDepartmentSubtree(tx, query.departmentId) : undefined;
    const { rows, total, isTotalCapped } = await findEmployeePage(tx, { ...query, searchForm, departmentIds }, today);
    return {
      items: rows.map((r) => ({ ...r, status: statusOf(r, today), createdAt: r.createdAt.toISOString() })),
      total,
      isTotalCapped,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

// ---- the 更新用ファイル export (imports) reads the list's employees through these -------------------

/** 従業員一覧's filter resolved once (search form, department subtree) for an export read in keyset pages. */
export async function resolveEmployeeFilter(
  db: Database,
  ctx: Actor,
  query: Omit<TEmployeeListQuery, 'page' | 'pageSize'>,
  pageSize: number,
): Promise<EmployeeFilter> {
  const departmentIds = query.departmentId
    ? await db.asTenant(ctx.tenantId, (tx) => findDepartmentSubtree(tx, query.departmentId!))
    : undefined;
  return { ...query, page: 1, pageSize, searchForm: query.q ? toSearchForm(query.q) : undefined, departmentIds };
}

/** One keyset page (社員番号 order, after `after`) of the filtered employees that have a 社員番号. */
export function findEmployeesByNumberAfter(
  tx: Tx,
  filter: EmployeeFilter,
  today: string,
  after: string | null,
  limit: number,
): Promise<EmployeeRow[]> {
  return selectEmployeesByNumberAfter(tx, filter, today, after, limit);
}

// ---- 従業員一覧's selection (アカウント通知, リマインド, 個人プロフィール一括出力) -------------------------------

/**
 * The employees of a selection — picked ids, or the list's filter resolved again here over every page — in
 * 社員番号 order, with their accounts. An id the tenant does not have (another tenant's, a deleted one) refuses
 * the whole selection (NOT_FOUND) unless `isMissingAllowed` (a job reading back its own ids); more than `max`
 * refuses it with `tooMany`.
 */
export async function findSelectedEmployeesIn(
  tx: Tx,
  selection: TEmployeeSelection,
  max: number,
  tooMany: string,
  options: { isMissingAllowed?: boolean } = {},
): Promise<MailTargetRow[]> {
  let rows: MailTargetRow[];
  if (selection.kind === 'ids') {
    const ids = [...new Set(selection.ids)];
    rows = await findMailTargets(tx, { ids }, ids.length + 1);
    if (rows.length !== ids.length && !options.isMissingAllowed)
      throw new AppError('NOT_FOUND', '選択した従業員が見つかりません');
  } else {
    const f = selection.filter;
    const filter = {
      ...f,
      searchForm: f.q ? toSearchForm(f.q) : undefined,
      departmentIds: f.departmentId ? await findDepartmentSubtree(tx, f.departmentId) : undefined,
    } as EmployeeFilter;
    rows = await findMailTargets(tx, { filter, today: todayInJapan() }, max + 1);
  }
  if (rows.length > max) throw new AppError('VALIDATION_FAILED', tooMany);
  return rows;
}

// ---- master references of histories -------------------------------------------------------------

const ASSIGNMENT_KINDS = {
  companyId: ['company', '会社'],
  departmentId: ['department', '部署'],
  positionId: ['position', '役職'],
  gradeId: ['grade', '職位'],
  jobTypeId: ['job_type', '職種'],
  locationId: ['location', '勤務地'],
} as const;
const CONTRACT_KINDS = {
  employmentTypeId: ['employment_type', '雇用形態'],
  workStyleId: ['work_style', '勤務形態'],
  hiringCategoryId: ['hiring_category', '採用区分'],
} as const;

/** Each id must be a valid row of the right master (invalid rows are not offered in new input). */
async function checkRefs(
  tx: Tx,
  values: Record<string, string | null>,
  kinds: Record<string, readonly [string, string]>,
  prefix: string,
) {
  const ids = Object.keys(kinds)
    .map((k) => values[k])
    .filter((v): v is string => !!v);
  const found = new Map((await findMastersByIds(tx, ids)).map((m) => [m.id, m]));
  const errors: TFieldError[] = [];
  for (const [key, [kind, label]] of Object.entries(kinds)) {
    const id = values[key];
    if (!id) continue;
    const m = found.get(id);
    if (m?.kind !== kind) errors.push({ path: `${prefix}${key}`, message: `${label}が見つかりません` });
    else if (!m.isValid) errors.push({ path: `${prefix}${key}`, message: `無効な${label}は選択できません` });
  }
  if (errors.length > 0) throw invalid(errors);
}

/** For the audit trail: master ids replaced by 「name (code)」, so 操作ログ reads as people wrote it. */
async function withNames(tx: Tx, values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const ids = Object.values(values).filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
  const masters = new Map((await findMastersByIds(tx, ids)).map((m) => [m.id, `${m.name} (${m.code})`]));
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? (masters.get(v) ?? v) : v]),
  );
}

// ---- create -------------------------------------------------------------------------------------

export async function createEmployee(db: Database, ctx: Actor, input: TCreateEmployeeRequest): Promise<{ id: string }> {
  try {
    return await db.asTenant(ctx.tenantId, async (tx) => {
      const [codes] = await generateCodes(tx, ctx.tenantId, 'single', [
        {
          employeeNumber: input.employeeNumber,
          loginId: input.loginId,
          hireDate: input.hireDate,
          isSystemUse: input.isSystemUse,
        },
      ]);
      const { employeeNumber, loginId } = codes!;
      refuseIssues(
        checkSystemUse({ hasLogin: !!loginId, systemUseStartDate: input.systemUseStartDate, email: input.email }),
      );
      if (input.assignment) await checkRefs(tx, input.assignment, ASSIGNMENT_KINDS, 'assignment.');
      if (input.contract) await checkRefs(tx, input.contract, CONTRACT_KINDS, 'contract.');
      const { employeeNumber: _n, loginId: _l, isSystemUse: _s, assignment, contract, ...basic } = input;
      const [id] = await writeNewEmployees(tx, ctx, [
        {
          basic,
          employeeNumber,
          loginId,
          assignments: assignment ? [{ startDate: input.hireDate, ...assignment }] : [],
          contracts: contract ? [{ startDate: input.hireDate, ...contract }] : [],
          audit: {
            ...basic,
            employeeNumber,
            loginId,
            assignment: assignment && (await withNames(tx, assignment)),
            contract: contract && (await withNames(tx, contract)),
          },
        },
      ]);
      return { id: id! };
    });
  } catch (error) {
    throw uniqueToField(error);
  }
}

function uniqueToField(error: unknown): unknown {
  if (!isUniqueViolation(error)) return error;
  const detail = String(
    (error as { cause?: { constraint?: string; constraint_name?: string } }).cause?.constraint ?? error,
  );
  if (detail.includes('login_id')) {
    return new AppError('DUPLICATE_CODE', 'このログインIDは既に使われています', [
      { path: 'loginId', message: 'このログインIDは既に使われています' },
    ]);
  }
  return new AppError('DUPLICATE_CODE', 'この社員番号は既に使われています', [
    { path: 'employeeNumber', message: 'この社員番号は既に使われています' },
  ]);
}

// ---- detail -------------------------------------------------------------------------------------

function basicOf(e: EmployeeRow): TEmployeeDetail['basic'] {
  return {
    lastName: e.lastName,
    firstName: e.firstName,
    lastNameKana: e.lastNameKana,
    firstNameKana: e.firstNameKana,
    businessLastName: e.businessLastName,
    businessFirstName: e.businessFirstName,
    birthDate: e.birthDate,
    gender: e.gender as TEmployeeDetail['basic']['gender'],
    hireDate: e.hireDate,
    retirementDate: e.retirementDate,
    email: e.email,
    systemUseStartDate: e.systemUseStartDate,
    postalCode: e.postalCode,
    prefecture: e.prefecture,
    city: e.city,
    street: e.street,
    building: e.building,
    phone: e.phone,
    mobilePhone: e.mobilePhone,
    isStartupTarget: e.isStartupTarget,
    startupCompletedAt: e.startupCompletedAt?.toISOString() ?? null,
  };
}

type SubRecords = Awaited<ReturnType<typeof findSubRecords>>;
type NameOf = (masterId: string) => string | undefined;

/** 緊急連絡先 and 学歴・職歴・資格免許 as the detail page (and the audit trail) shows them. */
function sectionsOf(subs: SubRecords, nameOf: NameOf): Pick<TEmployeeDetail, 'contacts' | 'career'> {
  return {
    contacts: {
      emergencyContacts: subs.emergencyContacts.map(({ name, relation, phone }) => ({ name, relation, phone })),
    },
    career: {
      education: subs.education.map(({ school, faculty, graduatedOn }) => ({ school, faculty, graduatedOn })),
      workHistory: subs.workHistory.map(({ company, role, fromDate, toDate }) => ({ company, role, fromDate, toDate })),
      licenses: subs.licenses.map(({ licenseId, acquiredOn }) => ({ licenseId, acquiredOn, name: nameOf(licenseId) })),
    },
  };
}

function sensitiveOf(subs: SubRecords, nameOf: NameOf): NonNullable<TEmployeeDetail['sensitive']> {
  return {
    disabilities: subs.disabilities.map(({ disabilityTypeId, grade }) => ({
      disabilityTypeId,
      grade,
      name: nameOf(disabilityTypeId),
    })),
    awards: subs.awards.map(({ kind, title, awardedOn }) => ({ kind: kind as '賞' | '罰', title, awardedOn })),
  };
}

/** `isView`: false for internal snapshots (audit before-images), which are not a person viewing data. */
export async function getEmployee(db: Database, ctx: Actor, id: string, isView = true): Promise<TEmployeeDetail> {
  return db.asTenant(ctx.tenantId, (tx) => getEmployeeIn(tx, ctx, id, isView));
}

/** getEmployee inside the caller's transaction (the profile sheet reads it with its other parts). */
export async function getEmployeeIn(tx: Tx, ctx: Actor, id: string, isView = true): Promise<TEmployeeDetail> {
  const today = todayInJapan();
  const canSeeSensitive = isAllowed(ctx.roles, 'employees.sensitive');
  {
    const e = await findEmployeeById(tx, id);
    if (!e) throw new AppError('NOT_FOUND', '従業員が見つかりません');
    const [assignments, contracts, subs, loginId] = [
      await findAssignments(tx, id),
      await findContracts(tx, id),
      await findSubRecords(tx, id),
      await findLoginIdOf(tx, id),
    ];
    const refIds = [
      ...assignments.flatMap((a) => [a.companyId, a.departmentId, a.positionId, a.gradeId, a.jobTypeId, a.locationId]),
      ...contracts.flatMap((c) => [c.employmentTypeId, c.workStyleId, c.hiringCategoryId]),
      ...subs.licenses.map((l) => l.licenseId),
      ...(canSeeSensitive ? subs.disabilities.map((d) => d.disabilityTypeId) : []),
    ].filter((v): v is string => !!v);
    const masters = new Map((await findMastersByIds(tx, [...new Set(refIds)])).map((m) => [m.id, m]));
    const ref = (mid: string | null) => {
      const m = mid ? masters.get(mid) : undefined;
      return m ? { id: m.id, code: m.code, name: m.name, isValid: m.isValid } : null;
    };
    const isCurrent = (p: { startDate: string; endDate: string | null }) =>
      p.startDate <= today && (p.endDate === null || p.endDate >= today);
    if (isView && canSeeSensitive && (subs.disabilities.length > 0 || subs.awards.length > 0)) {
      await audit(tx, ctx, 'view_sensitive', id, null, { sections: ['disabilities', 'awards'] });
    }
    return {
      id: e.id,
      employeeNumber: e.employeeNumber,
      loginId,
      accountNotifiedAt: e.accountNotifiedAt?.toISOString() ?? null,
      status: statusOf(e, today),
      basic: basicOf(e),
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
      assignments: assignments.map((a) => ({
        id: a.id,
        startDate: a.startDate,
        endDate: a.endDate,
        isCurrent: isCurrent(a),
        isPlanned: a.startDate > today,
        company: ref(a.companyId),
        department: ref(a.departmentId),
        position: ref(a.positionId),
        grade: ref(a.gradeId),
        jobType: ref(a.jobTypeId),
        location: ref(a.locationId),
        departmentPath: a.departmentPath,
      })),
      contracts: contracts.map((c) => ({
        id: c.id,
        startDate: c.startDate,
        endDate: c.endDate,
        isCurrent: isCurrent(c),
        isPlanned: c.startDate > today,
        employmentType: ref(c.employmentTypeId),
        workStyle: ref(c.workStyleId),
        hiringCategory: ref(c.hiringCategoryId),
      })),
      ...sectionsOf(subs, (mid) => masters.get(mid)?.name),
      sensitive: canSeeSensitive ? sensitiveOf(subs, (mid) => masters.get(mid)?.name) : null,
      canEdit: isAllowed(ctx.roles, 'employees.edit'),
      canEditSensitive: canSeeSensitive && isAllowed(ctx.roles, 'employees.edit'),
    };
  }
}

// ---- edit ---------------------------------------------------------------------------------------

async function requireEmployee(tx: Tx, id: string): Promise<EmployeeRow> {
  const e = await findEmployeeById(tx, id);
  if (!e) throw new AppError('NOT_FOUND', '従業員が見つかりません');
  return e;
}

export async function updateBasic(db: Database, ctx: Actor, id: string, input: TUpdateBasicRequest) {
  const { loginId: requested, isSystemUse, ...basic } = input;
  try {
    await db.asTenant(ctx.tenantId, async (tx) => {
      const current = await requireEmployee(tx, id);
      const currentLogin = await findLoginIdOf(tx, id);
      const loginId = await loginAfterEdit(tx, ctx, current, currentLogin, requested, isSystemUse);
      refuseIssues(
        checkSystemUse({ hasLogin: !!loginId, systemUseStartDate: basic.systemUseStartDate, email: basic.email }),
      );
      const change = diff({ ...basicOf(current), loginId: currentLogin }, { ...basic, loginId });
      if (!change.isChanged) return;
      await updateEmployee(tx, id, { ...basic, ...searchColumns(basic) });
      const account = { email: basic.email, displayName: `${basic.lastName} ${basic.firstName}` };
      // the account is made without a password: the account notice (a later issue) lets its owner set one
      if (loginId && !currentLogin)
        await insertEmployeeAccount(tx, { tenantId: ctx.tenantId, employeeId: id, loginId, ...account });
      else await updateEmployeeAccount(tx, id, { ...account, ...(loginId ? { loginId } : {}) });
      await audit(tx, ctx, 'update', id, change.before, change.after);
    });
  } catch (error) {
    throw uniqueToField(error);
  }
  return getEmployee(db, ctx, id);
}

/** The ログインID after a 基本情報 edit: kept, given for the first time, made by コード設定, or changed (直接入力). */
async function loginAfterEdit(
  tx: Tx,
  ctx: Actor,
  current: EmployeeRow,
  currentLogin: string | null,
  requested: string | null,
  isSystemUse: boolean,
): Promise<string | null> {
  const { loginIdMode } = await findCodeSettingsIn(tx);
  if (currentLogin) {
    if (!requested || requested === currentLogin) return currentLogin;
    if (loginIdMode !== 'direct')
      throw invalid([{ path: 'loginId', message: 'コード設定によりログインIDは自動で決まるため変更できません' }]);
    return requested;
  }
  if (!requested && !isSystemUse) return null;
  const made = await generateLoginIdFor(tx, ctx.tenantId, {
    employeeNumber: current.employeeNumber,
    loginId: requested,
    hireDate: current.hireDate,
  });
  if (!made)
    throw invalid([
      {
        path: 'loginId',
        message:
          loginIdMode === 'employee_number'
            ? 'ログインIDは社員番号から作られます。社員番号のない従業員には作れません'
            : 'システムを利用する場合はログインIDを入力してください',
      },
    ]);
  return made;
}

type Section = 'contacts' | 'career' | 'sensitive';
const SECTION_SCHEMAS = { contacts: ZContactsSection, career: ZCareerSection, sensitive: ZSensitiveSection };
const SECTION_LISTS: Record<Section, SubRecordKind[]> = {
  contacts: ['emergencyContacts'],
  career: ['education', 'workHistory', 'licenses'],
  sensitive: ['disabilities', 'awards'],
};

/** A list section is replaced as a whole (the form sends all its rows). */
export async function replaceSection<S extends Section>(
  db: Database,
  ctx: Actor,
  id: string,
  section: S,
  input: z.infer<(typeof SECTION_SCHEMAS)[S]>,
) {
  if (section === 'sensitive' && !isAllowed(ctx.roles, 'employees.sensitive')) throw new AppError('FORBIDDEN');
  await db.asTenant(ctx.tenantId, (tx) => replaceSectionIn(tx, ctx, id, section, input));
  return getEmployee(db, ctx, id);
}

/**
 * The one way a list section is written — HR's detail page, マイページ and 従業員スタートアップ (the
 * self-service slice, in its own transaction): master references checked, rows replaced, one audit row
 * (before → after). Access is the caller's: the route's permission, or the employee's own record.
 */
export async function replaceSectionIn<S extends Section>(
  tx: Tx,
  ctx: Actor,
  id: string,
  section: S,
  input: z.infer<(typeof SECTION_SCHEMAS)[S]>,
): Promise<void> {
  await requireEmployee(tx, id);
  await checkSectionRefsIn(tx, section, input);
  const values = input as unknown as Record<SubRecordKind, Record<string, unknown>[]>;
  const subs = await findSubRecords(tx, id);
  const names = new Map(
    (
      await findMastersByIds(tx, [
        ...subs.licenses.map((l) => l.licenseId),
        ...subs.disabilities.map((d) => d.disabilityTypeId),
      ])
    ).map((m) => [m.id, m.name]),
  );
  const nameOf = (mid: string) => names.get(mid);
  const before =
    section === 'sensitive' ? sensitiveOf(subs, nameOf) : sectionsOf(subs, nameOf)[section as 'contacts' | 'career'];
  for (const kind of SECTION_LISTS[section]) {
    // `name` is a display label on licenses and disabilities (the master's name), a real column elsewhere
    const isLabel = kind === 'licenses' || kind === 'disabilities';
    const rows = (values[kind] ?? []).map(({ name, ...r }) => (isLabel ? r : { name, ...r }));
    await replaceSubRecords(tx, kind, ctx.tenantId, id, rows);
  }
  await recordAudit(tx, ctx, {
    action: 'update',
    targetType: 'employee',
    targetId: id,
    before: { [section]: before },
    after: { [section]: input },
    isSensitive: section === 'sensitive',
  });
}

/** A section's master references (資格・免許, 障がい種類): each a valid row of its master, else a field error. */
export async function checkSectionRefsIn<S extends Section>(
  tx: Tx,
  section: S,
  input: z.infer<(typeof SECTION_SCHEMAS)[S]>,
): Promise<void> {
  const values = input as unknown as Record<SubRecordKind, Record<string, unknown>[]>;
  if (section === 'career') {
    for (const [i, l] of (values.licenses ?? []).entries())
      await checkRefs(
        tx,
        { licenseId: l.licenseId as string },
        { licenseId: ['license', '資格・免許'] },
        `licenses.${i}.`,
      );
  }
  if (section === 'sensitive') {
    for (const [i, d] of (values.disabilities ?? []).entries()) {
      await checkRefs(
        tx,
        { disabilityTypeId: d.disabilityTypeId as string },
        { disabilityTypeId: ['disability_type', '障がい種類'] },
        `disabilities.${i}.`,
      );
    }
  }
}

/** The 基本情報 fields an employee fills in about themselves: 住所 (スタートアップ only) and phones. */
export type SelfFilledFields = Pick<
  EmployeeBasicValues,
  'postalCode' | 'prefecture' | 'city' | 'street' | 'building' | 'phone' | 'mobilePhone'
>;

/** Changes only the given 基本情報 fields (names and dates untouched), with one audit row of what changed. */
export async function updateSelfFilledIn(
  tx: Tx,
  ctx: Actor,
  id: string,
  patch: Partial<SelfFilledFields>,
): Promise<void> {
  const current = await requireEmployee(tx, id);
  const change = diff(basicOf(current), patch);
  if (!change.isChanged) return;
  await updateEmployee(tx, id, patch);
  await audit(tx, ctx, 'update', id, change.before, change.after);
}

/** The 基本情報 fields a 届出 changes (住所変更, 氏名変更, 生年月日の訂正); none of them has a history. */
export type RequestedFields = Pick<
  EmployeeBasicValues,
  | 'postalCode'
  | 'prefecture'
  | 'city'
  | 'street'
  | 'building'
  | 'lastName'
  | 'firstName'
  | 'lastNameKana'
  | 'firstNameKana'
  | 'birthDate'
>;

/**
 * An approved 届出 reaches the master (the requests slice, in its transaction): the fields changed, the
 * search columns kept in step with a new name, the date rules re-checked, one audit row. Access is the
 * caller's (the request's final approver, or the apply job).
 */
export async function applyRequestedFieldsIn(
  tx: Tx,
  ctx: Actor,
  id: string,
  patch: Partial<RequestedFields>,
): Promise<void> {
  const current = await requireEmployee(tx, id);
  const next = { ...basicOf(current), ...patch };
  refuseIssues(checkEmployeeDates(next, todayInJapan()));
  const change = diff(basicOf(current), patch);
  if (!change.isChanged) return;
  await updateEmployee(tx, id, { ...patch, ...searchColumns(next) });
  // the account shows the name in headers and mails, as after HR's 基本情報 edit
  if ('lastName' in change.after || 'firstName' in change.after)
    await updateEmployeeAccount(tx, id, { email: current.email, displayName: `${next.lastName} ${next.firstName}` });
  await audit(tx, ctx, 'update', id, change.before, change.after);
}

/** 【この内容で登録する】's last write: the flag cleared and the date HR sees as 「スタートアップ完了」. */
export async function markStartupCompletedIn(tx: Tx, ctx: Actor, id: string, at: Date): Promise<void> {
  await requireEmployee(tx, id);
  await updateEmployee(tx, id, { isStartupTarget: false, startupCompletedAt: at });
  await audit(
    tx,
    ctx,
    'update',
    id,
    { isStartupTarget: true },
    { isStartupTarget: false, startupCompletedAt: at.toISOString() },
  );
}

/** The employee's own record for マイページ: read as 一般 (no admin role counts), so 要配慮情報 is never in it. */
export async function getOwnEmployee(db: Database, ctx: Actor, id: string): Promise<TEmployeeDetail> {
  return getEmployee(db, { ...ctx, roles: [] }, id, false);
}

/** The employee row itself (for a flag or a date), or NOT_FOUND. */
export async function getEmployeeRowIn(tx: Tx, id: string): Promise<EmployeeRow> {
  return requireEmployee(tx, id);
}

type HistoryKind = 'assignment' | 'contract';
const HISTORY = {
  assignment: { table: employeeAssignments, kinds: ASSIGNMENT_KINDS },
  contract: { table: employeeContracts, kinds: CONTRACT_KINDS },
} as const;

/** The 適用日 rules shared by adding and correcting a row: not before 入社日, never two rows on one day. */
async function checkStartDate(tx: Tx, e: EmployeeRow, kind: HistoryKind, startDate: string, exceptId?: string) {
  if (startDate < e.hireDate)
    throw invalid([
      { path: 'startDate', message: `適用日は入社日（${formatDate(e.hireDate)}）以降の日付を入力してください` },
    ]);
  if (await hasPeriodOn(tx, HISTORY[kind].table, e.id, startDate, exceptId)) {
    throw invalid([
      {
        path: 'startDate',
        message: `適用日が${formatDate(startDate)}の履歴が既にあります。別の適用日を入力するか、その履歴を編集してください`,
      },
    ]);
  }
}

/** A stored row as the audit trail shows it: 適用日 and its values with master names. */
async function historyImage(tx: Tx, kind: HistoryKind, row: Record<string, unknown>) {
  const values = Object.fromEntries(['startDate', ...Object.keys(HISTORY[kind].kinds)].map((k) => [k, row[k] ?? null]));
  return withNames(tx, values);
}

async function requireHistoryRow(tx: Tx, kind: HistoryKind, id: string, historyId: string) {
  await lockEmployeeHistory(tx, id);
  const row = await findHistoryRow(tx, HISTORY[kind].table, id, historyId);
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      kind === 'assignment' ? '所属の履歴が見つかりません' : '契約の履歴が見つかりません',
    );
  return row as Record<string, unknown> & { id: string; startDate: string };
}

/**
 * 異動: a new 所属 or 契約 period from its 適用日, at any date from 入社日 on (a row between two
 * others is an inserted period); end dates are recomputed over all rows.
 */
export async function addHistory(
  db: Database,
  ctx: Actor,
  id: string,
  kind: HistoryKind,
  input: TAssignmentInput | TContractInput,
) {
  await db.asTenant(ctx.tenantId, async (tx) => {
    const e = await requireEmployee(tx, id);
    await lockEmployeeHistory(tx, id);
    await checkStartDate(tx, e, kind, input.startDate);
    await checkRefs(tx, input, HISTORY[kind].kinds, '');
    if (kind === 'assignment')
      await insertAssignment(tx, { tenantId: ctx.tenantId, employeeId: id, ...(input as TAssignmentInput) });
    else await insertContract(tx, { tenantId: ctx.tenantId, employeeId: id, ...(input as TContractInput) });
    await recomputeEndDates(tx, HISTORY[kind].table, id);
    await audit(tx, ctx, 'update', id, null, { [kind]: await withNames(tx, input) });
  });
  return getEmployee(db, ctx, id);
}

/** Corrects a row (a mistyped 適用日 or value); the neighbours' end dates follow. */
export async function correctHistory(
  db: Database,
  ctx: Actor,
  id: string,
  kind: HistoryKind,
  historyId: string,
  input: TAssignmentInput | TContractInput,
) {
  await db.asTenant(ctx.tenantId, async (tx) => {
    const e = await requireEmployee(tx, id);
    const row = await requireHistoryRow(tx, kind, id, historyId);
    const values = input as Record<string, string | null>;
    const change = diff(row, values);
    if (!change.isChanged) return;
    if (input.startDate !== row.startDate) await checkStartDate(tx, e, kind, input.startDate, historyId);
    // a master made invalid after the row was written may stay on it; only a newly chosen one is checked
    await checkRefs(tx, change.after as Record<string, string | null>, HISTORY[kind].kinds, '');
    await updateHistoryRow(tx, HISTORY[kind].table, historyId, values);
    await recomputeEndDates(tx, HISTORY[kind].table, id);
    await audit(
      tx,
      ctx,
      'update',
      id,
      { [kind]: await historyImage(tx, kind, row) },
      { [kind]: await historyImage(tx, kind, { ...row, ...values }) },
    );
  });
  return getEmployee(db, ctx, id);
}

/** Deletes a row (a period entered by mistake); the previous row then runs to the next one. */
export async function deleteHistory(db: Database, ctx: Actor, id: string, kind: HistoryKind, historyId: string) {
  await db.asTenant(ctx.tenantId, async (tx) => {
    await requireEmployee(tx, id);
    const row = await requireHistoryRow(tx, kind, id, historyId);
    await deleteHistoryRow(tx, HISTORY[kind].table, historyId);
    await recomputeEndDates(tx, HISTORY[kind].table, id);
    await audit(tx, ctx, 'delete', id, { [kind]: await historyImage(tx, kind, row) }, null);
  });
  return getEmployee(db, ctx, id);
}

/** Test and sample data (no session, e.g. the CLI): written like any other new employee, audit row included. */
export async function createSampleEmployees(
  db: Database,
  tenantId: string,
  rows: (EmployeeBasicValues & { employeeNumber?: string | null })[],
): Promise<string[]> {
  const actor = systemActor(tenantId, 'sample-data', { roles: [] });
  return db.asTenant(tenantId, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 2000) {
      const batch = rows.slice(i, i + 2000).map(({ employeeNumber = null, ...basic }) => ({
        basic,
        employeeNumber,
        loginId: null,
        audit: { ...basic, employeeNumber },
      }));
      ids.push(...(await writeNewEmployees(tx, actor, batch)));
    }
    return ids;
  });
}

// ---- export -------------------------------------------------------------------------------------

const EXPORT_COLUMNS = [
  '社員番号',
  '本名(姓)',
  '本名(名)',
  '本名(かな)(せい)',
  '本名(かな)(めい)',
  '入社日',
  '退職日',
  '在籍状況',
  'ログインID',
  '会社',
  '部署',
  '従業員データ作成日',
];
const EXPORT_MAX = 200_000;

/** The rows of the 従業員一覧 CSV, page by page; `onEnd` gets the number of rows once the last page is out. */
async function* exportPages(
  db: Database,
  ctx: Actor,
  query: TEmployeeListQuery,
  onEnd?: (rows: number) => Promise<void>,
): AsyncGenerator<(string | null)[][]> {
  const pageSize = 1000;
  let rows = 0;
  for (let page = 1; (page - 1) * pageSize < EXPORT_MAX; page++) {
    const res = await listEmployees(db, ctx, { ...query, page, pageSize });
    yield res.items.map((e) => [
      e.employeeNumber,
      e.lastName,
      e.firstName,
      e.lastNameKana,
      e.firstNameKana,
      formatDate(e.hireDate),
      e.retirementDate ? formatDate(e.retirementDate) : null,
      STATUS_LABELS[e.status],
      e.loginId,
      e.companyName,
      e.departmentName,
      formatDate(todayInJapan(new Date(e.createdAt))),
    ]);
    rows += res.items.length;
    if (res.items.length < pageSize) break;
  }
  await onEnd?.(rows);
}

/**
 * The cells a Shift_JIS (CP932) file of these rows would turn into 「?」 (𠮷野 → ?野), so the user
 * can choose UTF-8 or Excel before anything is written. Shared by both CP932 exports.
 */
export async function findCp932LossesOf(
  header: string[],
  batches: AsyncIterable<(string | null)[][]>,
): Promise<TCp932CheckResponse> {
  const { cells, total } = await findCp932Losses(header, batches, header.indexOf('社員番号'));
  return {
    cells: cells.map(({ key, ...c }) => ({ ...c, employeeNumber: key })),
    total,
  };
}

/** A CP932 export never writes 「?」 silently: with any unencodable cell it is refused with the list. */
export function cp932Refusal(check: TCp932CheckResponse): AppError {
  return new AppError(
    'CP932_UNENCODABLE',
    `Shift_JISで保存できない文字が${check.total}か所にあります。UTF-8またはExcelで出力してください`,
    check.cells.map((c) => ({
      path: `${c.row}:${c.column}`,
      message: `${c.row}行目 ${c.column}（社員番号 ${c.employeeNumber}）の「${c.characters}」はShift_JISで保存できません`,
    })),
  );
}

export function checkEmployeesCp932(db: Database, ctx: Actor, query: TEmployeeListQuery) {
  return findCp932LossesOf(EXPORT_COLUMNS, exportPages(db, ctx, query));
}

/** The filtered list as CSV (every page), streamed page by page, with one audit row for the export. */
export async function exportEmployees(
  db: Database,
  ctx: Actor,
  query: TEmployeeListQuery,
  encoding: CsvEncoding,
): Promise<Readable> {
  if (encoding === 'cp932') {
    const check = await checkEmployeesCp932(db, ctx, query);
    if (check.total > 0) throw cp932Refusal(check);
  }
  const pages = exportPages(db, ctx, query, (rows) =>
    db.asTenant(ctx.tenantId, (tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        targetType: 'employee_list',
        after: { filter: { ...query, page: undefined, pageSize: undefined }, rows, encoding },
      }),
    ),
  );
  return streamCsv(EXPORT_COLUMNS, pages, encoding);
}
