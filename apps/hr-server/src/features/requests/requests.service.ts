// 届出 (R-REQ-1, decision 013). An employee files a request for their own record (the session's employee,
// never an id from the request); each step of its type's route is decided by the employee's 上長 (the
// 所属長 of their department, resolved when filed) or by the members of a role with the approve permission.
// The final approval writes the change to the master through the employee slice (one audit row there)
// at once when the 適用日 has come, else the daily job does on the day. Every step is one transaction
// with its audit row, its notices and its mails (outbox); the mail worker is woken after the commit.
import { systemActor } from '@jinji/auth/actor';
import type { TFieldError } from '@jinji/contracts/common/errors';
import { isAllowed } from '@jinji/contracts/hr/access';
import { EMPLOYEE_FIELD_LABELS } from '@jinji/contracts/hr/employee-rules';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  BUILTIN_REQUEST_LABELS,
  BUILTIN_REQUEST_TYPES,
  BUILTIN_VALUE_SCHEMAS,
  REQUEST_NOTICE_KINDS,
  REQUEST_STATUS_LABELS,
  type TBuiltinRequestType,
  type TDecisionRequest,
  type TDepartmentHead,
  type TFileRequest,
  type TRequestDetail,
  type TRequestField,
  type TRequestListQuery,
  type TRequestNoticeKind,
  type TRequestNotices,
  type TRequestPage,
  type TRequestStatus,
  type TRequestSummary,
  type TRequestType,
  type TRequestTypeInput,
  type TRouteStep,
} from '@jinji/contracts/hr/requests';
import { ROLE_LABELS_JA } from '@jinji/contracts/hr/roles';
import { formatDate, todayInJapan } from '@jinji/ja/text';
import type { MailWorker } from '@jinji/mail/worker';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import { requireOwnEmployeeId } from '../auth/auth.service';
import { applyRequestedFieldsIn, getEmployeeRowIn, type RequestedFields } from '../employees/employees.service';
import { enqueueHrMails } from '../mail/mail.service';
import { getCurrentTenant } from '../tenants/tenants.service';
import { REQUEST_PROGRESS_TEXT, requestApprovalMail, requestProgressMail, requestWithdrawnMail } from './request-mails';
import {
  countUnreadNotices,
  countWaiting,
  decideStep,
  findAccount,
  findAccountNames,
  findAttachment,
  findAttachmentsOf,
  findDepartmentHeads,
  findDueRequests,
  findEmployeeIdByNumber,
  findNotices,
  findOwnRequestPage,
  findRequest,
  findRequestForUpdate,
  findRequestPage,
  findRequestRow,
  findStepRecipients,
  findSteps,
  findSupervisor,
  findType,
  findTypes,
  insertAttachments,
  insertMissingTypes,
  insertNotices,
  insertRequest,
  insertSteps,
  insertType,
  isApprover,
  isDepartment,
  markNoticesRead,
  type Recipient,
  type RequestListRow,
  type RequestRow,
  type RequestStepRow,
  type RequestTypeRow,
  setDepartmentHead,
  updateRequest,
  updateType,
  type Viewer,
} from './requests.repository';

export type RequestDeps = { db: Database; mail: MailWorker };

const invalid = (fields: TFieldError[], message?: string) => new AppError('VALIDATION_FAILED', message, fields);
const notFound = () => new AppError('NOT_FOUND', '届出が見つかりません');
const NO_USER = '00000000-0000-0000-0000-000000000000';
const viewerOf = (ctx: Actor): Viewer => ({ userId: ctx.kind === 'user' ? ctx.userId : NO_USER, roles: ctx.roles });
const requireManage = (ctx: Actor) => {
  if (!isAllowed(ctx.roles, 'requests.manage')) throw new AppError('FORBIDDEN');
};
/** Every route of this slice acts for a signed-in person; a job acts only through applyDueRequests. */
const requireUser = (ctx: Actor) => {
  if (ctx.kind !== 'user') throw new AppError('FORBIDDEN');
  return ctx.userId;
};

// ---- types --------------------------------------------------------------------------------------

/** The built-in types: 上長, then 人事管理者, until an administrator changes the route. */
const DEFAULT_ROUTE: TRouteStep[] = [{ kind: 'supervisor' }, { kind: 'role', role: 'hr_admin' }];
const BUILTIN_DESCRIPTIONS: Record<TBuiltinRequestType, string> = {
  address: '引越しなどで住所が変わったときに届け出てください。通勤経路が変わる場合は通勤経路欄に記入してください。',
  name: '結婚などで氏名が変わったときに届け出てください。',
  birth_date: '登録されている生年月日に誤りがあるときに届け出てください。',
};

async function ensureBuiltinTypes(tx: Tx, tenantId: string) {
  await insertMissingTypes(
    tx,
    BUILTIN_REQUEST_TYPES.map((builtin, i) => ({
      tenantId,
      builtin,
      name: BUILTIN_REQUEST_LABELS[builtin],
      description: BUILTIN_DESCRIPTIONS[builtin],
      route: DEFAULT_ROUTE,
      sortOrder: i,
    })),
  );
}

const typeOf = (r: RequestTypeRow): TRequestType => ({
  id: r.id,
  builtin: (r.builtin as TBuiltinRequestType | null) ?? null,
  name: r.name,
  description: r.description,
  fields: r.fields,
  route: r.route,
  isActive: r.isActive,
});

async function listTypesIn(tx: Tx, tenantId: string, isActiveOnly: boolean) {
  await ensureBuiltinTypes(tx, tenantId);
  return (await findTypes(tx, isActiveOnly)).map(typeOf);
}

/** 届出を作成: the types an employee may file now. */
export async function listFilableTypes(db: Database, ctx: Actor): Promise<{ items: TRequestType[] }> {
  return db.asTenant(ctx.tenantId, async (tx) => ({ items: await listTypesIn(tx, ctx.tenantId, true) }));
}

export async function listRequestTypes(db: Database, ctx: Actor): Promise<{ items: TRequestType[] }> {
  requireManage(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => ({ items: await listTypesIn(tx, ctx.tenantId, false) }));
}

export async function createRequestType(db: Database, ctx: Actor, input: TRequestTypeInput): Promise<TRequestType> {
  requireManage(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => {
    const row = await insertType(tx, { tenantId: ctx.tenantId, ...input, sortOrder: 100 });
    await recordAudit(tx, ctx, { action: 'create', targetType: 'request_type', targetId: row.id, after: input });
    return typeOf(row);
  });
}

/** A built-in type keeps its name and fields (they are the master's); its route, text and use can change. */
export async function updateRequestType(
  db: Database,
  ctx: Actor,
  id: string,
  input: TRequestTypeInput,
): Promise<TRequestType> {
  requireManage(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => {
    const current = await findType(tx, id);
    if (!current) throw new AppError('NOT_FOUND', '届出種類が見つかりません');
    const values = current.builtin
      ? { description: input.description, route: input.route, isActive: input.isActive }
      : input;
    const row = await updateType(tx, id, values);
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, current[k as keyof RequestTypeRow]]));
    await recordAudit(tx, ctx, { action: 'update', targetType: 'request_type', targetId: id, before, after: values });
    return typeOf(row);
  });
}

// ---- 所属長 -------------------------------------------------------------------------------------

export async function listDepartmentHeads(db: Database, ctx: Actor): Promise<{ items: TDepartmentHead[] }> {
  requireManage(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => ({ items: await findDepartmentHeads(tx) }));
}

export async function updateDepartmentHead(
  db: Database,
  ctx: Actor,
  departmentId: string,
  employeeNumber: string | null,
): Promise<{ items: TDepartmentHead[] }> {
  requireManage(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => {
    if (!(await isDepartment(tx, departmentId))) throw new AppError('NOT_FOUND', '部署が見つかりません');
    const employeeId = employeeNumber ? await findEmployeeIdByNumber(tx, employeeNumber) : null;
    if (employeeNumber && !employeeId)
      throw invalid([{ path: 'employeeNumber', message: `社員番号「${employeeNumber}」の従業員が見つかりません` }]);
    const before = (await findDepartmentHeads(tx)).find((h) => h.departmentId === departmentId)?.employeeId ?? null;
    await setDepartmentHead(tx, ctx.tenantId, departmentId, employeeId);
    await recordAudit(tx, ctx, {
      action: 'update',
      targetType: 'department_head',
      targetId: departmentId,
      before: { headEmployeeId: before },
      after: { headEmployeeId: employeeId },
    });
    return { items: await findDepartmentHeads(tx) };
  });
}

// ---- filing -------------------------------------------------------------------------------------

const MAGIC: Record<(typeof ATTACHMENT_TYPES)[number], (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};
const isAllowedType = (t: string): t is (typeof ATTACHMENT_TYPES)[number] =>
  (ATTACHMENT_TYPES as readonly string[]).includes(t);

/** Size and type: the declared type must be one we take and the first bytes must say the same. */
function checkAttachments(input: TFileRequest, type: RequestTypeRow) {
  const errors: TFieldError[] = [];
  const fieldKeys = new Map(type.fields.filter((f) => f.kind === 'attachment').map((f) => [f.key, f.label]));
  const files = input.attachments.map((a, i) => {
    const bytes = Buffer.from(a.data, 'base64');
    const path = `attachments.${i}`;
    if (bytes.length === 0) errors.push({ path, message: `添付ファイル「${a.fileName}」が空です` });
    else if (bytes.length > ATTACHMENT_MAX_BYTES)
      errors.push({
        path,
        message: `添付ファイル「${a.fileName}」は${(bytes.length / 1024 / 1024).toFixed(1)}MBあります。1件2MBまでのファイルを添付してください`,
      });
    else if (!isAllowedType(a.contentType) || !MAGIC[a.contentType](bytes))
      errors.push({
        path,
        message: `添付ファイル「${a.fileName}」は添付できない種類のファイルです。PDF・PNG・JPEGのファイルを添付してください`,
      });
    if (a.fieldKey && !fieldKeys.has(a.fieldKey))
      errors.push({ path: `${path}.fieldKey`, message: `添付項目「${a.fieldKey}」はこの届出にありません` });
    return { ...a, bytes };
  });
  return { files, errors };
}

type Checked = { before: Record<string, unknown>; after: Record<string, unknown>; errors: TFieldError[] };

function checkBuiltinValues(
  builtin: TBuiltinRequestType,
  values: TFileRequest['values'],
  current: Record<string, unknown>,
): Checked {
  const parsed = BUILTIN_VALUE_SCHEMAS[builtin].safeParse(values);
  if (!parsed.success)
    return {
      before: {},
      after: {},
      errors: parsed.error.issues.map((i) => ({ path: ['values', ...i.path].join('.'), message: i.message })),
    };
  const after = parsed.data as Record<string, unknown>;
  const before = Object.fromEntries(Object.keys(after).map((k) => [k, current[k] ?? null]));
  const isSame = Object.keys(after).every((k) => k === 'commuteNote' || (after[k] ?? null) === (before[k] ?? null));
  return {
    before,
    after,
    errors: isSame ? [{ path: 'values', message: '変更後の内容が現在の登録内容と同じです' }] : [],
  };
}

function checkCustomValues(
  fields: TRequestField[],
  values: TFileRequest['values'],
  attachedKeys: Set<string>,
): Checked {
  const errors: TFieldError[] = [];
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(values))
    if (!fields.some((f) => f.key === key && f.kind !== 'attachment'))
      errors.push({ path: `values.${key}`, message: `項目「${key}」はこの届出にありません` });
  for (const f of fields) {
    const path = `values.${f.key}`;
    if (f.kind === 'attachment') {
      if (f.isRequired && !attachedKeys.has(f.key)) errors.push({ path, message: `${f.label}を添付してください` });
      continue;
    }
    const v = (values[f.key] ?? '').trim();
    if (!v) {
      if (f.isRequired) errors.push({ path, message: `${f.label}を入力してください` });
      after[f.key] = null;
      continue;
    }
    if (f.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      errors.push({ path, message: `${f.label}は yyyy-mm-dd の形式で入力してください` });
    if (f.kind === 'choice' && !f.choices.includes(v))
      errors.push({ path, message: `${f.label}は選択肢から選んでください` });
    if (f.kind === 'text' && v.length > 1000)
      errors.push({ path, message: `${f.label}は1000文字以内で入力してください` });
    after[f.key] = v;
  }
  return { before: {}, after, errors };
}

async function ownEmployeeOrNull(tx: Tx, ctx: Actor): Promise<string | null> {
  try {
    return await requireOwnEmployeeId(tx, ctx);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NO_LINKED_EMPLOYEE') return null;
    throw error;
  }
}

/** 届出をする: checked whole (every field's message at once), then written with its steps in one go. */
export async function fileRequest(deps: RequestDeps, ctx: Actor, input: TFileRequest): Promise<TRequestDetail> {
  const userId = requireUser(ctx);
  const id = await deps.db.asTenant(ctx.tenantId, async (tx) => {
    const employeeId = await requireOwnEmployeeId(tx, ctx);
    await ensureBuiltinTypes(tx, ctx.tenantId);
    const type = await findType(tx, input.typeId);
    if (!type?.isActive) throw invalid([{ path: 'typeId', message: '届出の種類を選択してください' }]);
    const e = await getEmployeeRowIn(tx, employeeId);
    const errors: TFieldError[] = [];
    if (input.effectiveDate < e.hireDate)
      errors.push({
        path: 'effectiveDate',
        message: `適用日は入社日（${formatDate(e.hireDate)}）以降の日付を入力してください`,
      });
    const { files, errors: fileErrors } = checkAttachments(input, type);
    const builtin = type.builtin as TBuiltinRequestType | null;
    const checked = builtin
      ? checkBuiltinValues(builtin, input.values, e as unknown as Record<string, unknown>)
      : checkCustomValues(type.fields, input.values, new Set(files.map((f) => f.fieldKey).filter((k) => k !== null)));
    if (builtin === 'birth_date' && checked.errors.length === 0) {
      const birthDate = checked.after.birthDate as string;
      if (birthDate > todayInJapan())
        errors.push({ path: 'values.birthDate', message: '生年月日に未来の日付は入力できません' });
      else if (birthDate >= e.hireDate)
        errors.push({ path: 'values.birthDate', message: '生年月日は入社日より前の日付を入力してください' });
    }
    errors.push(...checked.errors, ...fileErrors);
    const steps = await resolveSteps(tx, type.route, employeeId, errors);
    if (errors.length > 0) throw invalid(errors);

    const row = await insertRequest(tx, {
      tenantId: ctx.tenantId,
      typeId: type.id,
      employeeId,
      applicantUserId: userId,
      effectiveDate: input.effectiveDate,
      before: checked.before,
      after: checked.after,
      note: input.note,
    });
    await insertSteps(
      tx,
      steps.map((s, i) => ({ tenantId: ctx.tenantId, requestId: row.id, stepNo: i + 1, ...s })),
    );
    await insertAttachments(
      tx,
      files.map((f) => ({
        tenantId: ctx.tenantId,
        requestId: row.id,
        fieldKey: f.fieldKey,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.bytes.length,
        bytes: f.bytes,
      })),
    );
    // the values reach the audit trail with the master's change; here what was asked and when
    await recordAudit(tx, ctx, {
      action: 'create',
      targetType: 'request',
      targetId: row.id,
      after: {
        type: type.name,
        effectiveDate: input.effectiveDate,
        fields: Object.keys(checked.after),
        attachments: files.map((f) => f.fileName),
      },
    });
    await notifyApprovers(tx, ctx, row, type.name, steps[0]!, { kind: 'submitted', stepNo: 1 });
    return row.id;
  });
  await deps.mail.wake();
  return getMyRequest(deps.db, ctx, id);
}

type StepSpec = Pick<RequestStepRow, 'kind' | 'role' | 'approverUserId'>;

/** The route made concrete for this employee: each 上長 step gets the account that decides it. */
async function resolveSteps(tx: Tx, route: TRouteStep[], employeeId: string, errors: TFieldError[]) {
  const steps: StepSpec[] = [];
  for (const step of route) {
    if (step.kind === 'role') {
      steps.push({ kind: 'role', role: step.role, approverUserId: null });
      continue;
    }
    const head = await findSupervisor(tx, employeeId, todayInJapan());
    if (!head)
      errors.push({
        path: 'typeId',
        message:
          '上長（所属部署の所属長）が設定されていないため、この届出はできません。人事担当者にお問い合わせください',
      });
    steps.push({ kind: 'supervisor', role: null, approverUserId: head?.userId ?? null });
  }
  return steps;
}

// ---- notices and mails --------------------------------------------------------------------------

async function tenantName(tx: Tx, ctx: Actor) {
  return ctx.kind === 'user' ? ctx.tenantName : ((await getCurrentTenant(tx))?.name ?? '');
}

async function applicantNameOf(tx: Tx, req: RequestRow) {
  const e = await getEmployeeRowIn(tx, req.employeeId);
  return `${e.lastName} ${e.firstName}`;
}

/**
 * The approvers of a step: a notice each and a mail to those with an address — the step now waits for
 * them (submitted), or the applicant took the request back (withdrawn). Never the applicant themselves.
 */
async function notifyApprovers(
  tx: Tx,
  ctx: Actor,
  req: RequestRow,
  typeName: string,
  step: StepSpec,
  event: { kind: 'submitted'; stepNo: number } | { kind: 'withdrawn' },
) {
  const recipients = (await findStepRecipients(tx, step)).filter((r) => r.userId !== req.applicantUserId);
  await insertNotices(
    tx,
    recipients.map((r) => ({ tenantId: ctx.tenantId, userId: r.userId, requestId: req.id, kind: event.kind })),
  );
  const common = {
    tenantName: await tenantName(tx, ctx),
    typeName,
    applicantName: await applicantNameOf(tx, req),
    effectiveDate: req.effectiveDate,
  };
  const to = withAddress(recipients);
  await enqueueHrMails(
    tx,
    event.kind === 'submitted'
      ? to.map((r) => ({
          tenantId: ctx.tenantId,
          to: r.email,
          template: requestApprovalMail,
          data: { ...common, recipientName: r.displayName, stepNo: event.stepNo },
        }))
      : to.map((r) => ({
          tenantId: ctx.tenantId,
          to: r.email,
          template: requestWithdrawnMail,
          data: { ...common, recipientName: r.displayName },
        })),
  );
}

const withAddress = (rs: Recipient[]) => rs.filter((r): r is Recipient & { email: string } => !!r.email);

/** The applicant hears of every move of their request (a notice, and a mail when they have an address). */
async function notifyApplicant(
  tx: Tx,
  ctx: Actor,
  req: RequestRow,
  typeName: string,
  kind: TRequestNoticeKind,
  message: string,
  comment: string | null,
) {
  const applicant = await findAccount(tx, req.applicantUserId);
  if (!applicant) return;
  const name = await tenantName(tx, ctx);
  await insertNotices(tx, [{ tenantId: ctx.tenantId, userId: applicant.userId, requestId: req.id, kind }]);
  await enqueueHrMails(
    tx,
    withAddress([applicant]).map((r) => ({
      tenantId: ctx.tenantId,
      to: r.email,
      template: requestProgressMail,
      data: {
        tenantName: name,
        recipientName: r.displayName,
        typeName,
        applicantName: r.displayName,
        effectiveDate: req.effectiveDate,
        message,
        comment: comment || null,
      },
    })),
  );
}

// ---- reading ------------------------------------------------------------------------------------

const summaryOf = (r: RequestListRow): TRequestSummary => ({
  id: r.id,
  typeName: r.typeName,
  builtin: (r.builtin as TBuiltinRequestType | null) ?? null,
  employeeNumber: r.employeeNumber,
  applicantName: r.applicantName,
  effectiveDate: r.effectiveDate,
  status: r.status,
  currentStep: r.currentStep,
  stepCount: r.stepCount,
  createdAt: new Date(r.createdAt).toISOString(),
  canDecide: r.canDecide,
});

const pageOf = (rows: RequestListRow[], q: { page: number; pageSize: number }): TRequestPage => ({
  items: rows.map(summaryOf),
  total: rows[0]?.total ?? 0,
  page: q.page,
  pageSize: q.pageSize,
});

const LABELS: Record<string, string> = { ...EMPLOYEE_FIELD_LABELS, commuteNote: '通勤経路' };
const shown = (key: string, v: unknown) =>
  v === null || v === undefined || v === '' ? null : key.endsWith('Date') ? formatDate(String(v)) : String(v);

async function detailOf(tx: Tx, ctx: Actor, row: RequestListRow): Promise<TRequestDetail> {
  const req = (await findRequest(tx, row.id))!;
  const type = (await findType(tx, req.typeId))!;
  const steps = await findSteps(tx, req.id);
  const attachments = await findAttachmentsOf(tx, req.id);
  const names = new Map(
    (
      await findAccountNames(tx, [
        ...new Set(steps.flatMap((s) => [s.decidedBy, s.approverUserId]).filter((x) => !!x)),
      ] as string[])
    ).map((n) => [n.id, n.name]),
  );
  const before = req.before as Record<string, unknown>;
  const after = req.after as Record<string, unknown>;
  const fieldOf = new Map(type.fields.map((f) => [f.key, f]));
  const changes = type.builtin
    ? // in the form's order (jsonb keeps its own key order)
      Object.keys(BUILTIN_VALUE_SCHEMAS[type.builtin as TBuiltinRequestType].shape)
        .filter((k) => k in after)
        .map((k) => ({ label: LABELS[k] ?? k, before: shown(k, before[k]), after: shown(k, after[k]) }))
    : type.fields.map((f) => ({
        label: f.label,
        before: null,
        after:
          f.kind === 'attachment'
            ? attachments
                .filter((a) => a.fieldKey === f.key)
                .map((a) => a.fileName)
                .join('、') || null
            : f.kind === 'date' && after[f.key]
              ? formatDate(String(after[f.key]))
              : ((after[f.key] as string | null) ?? null),
      }));
  const isOwn = ctx.kind === 'user' && req.applicantUserId === ctx.userId;
  return {
    ...summaryOf(row),
    note: req.note,
    changes,
    steps: steps.map((s) => ({
      stepNo: s.stepNo,
      label:
        s.kind === 'supervisor'
          ? `上長${s.approverUserId && names.get(s.approverUserId) ? `（${names.get(s.approverUserId)}）` : ''}`
          : (ROLE_LABELS_JA[s.role as keyof typeof ROLE_LABELS_JA] ?? String(s.role)),
      decision: (s.decision as 'approved' | 'returned' | null) ?? null,
      decidedByName: s.decidedBy ? (names.get(s.decidedBy) ?? null) : null,
      decidedAt: s.decidedAt?.toISOString() ?? null,
      comment: s.comment,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fieldLabel: a.fieldKey ? (fieldOf.get(a.fieldKey)?.label ?? a.fieldKey) : null,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
    })),
    canWithdraw: isOwn && req.status === 'pending',
    decidedAt: req.decidedAt?.toISOString() ?? null,
    appliedAt: req.appliedAt?.toISOString() ?? null,
  };
}

/** The employee's own requests. */
export async function listMyRequests(db: Database, ctx: Actor, q: { page: number; pageSize: number }) {
  return db.asTenant(ctx.tenantId, async (tx) => {
    const employeeId = await requireOwnEmployeeId(tx, ctx);
    return pageOf(await findOwnRequestPage(tx, viewerOf(ctx), employeeId, q), q);
  });
}

/** One own request: another employee's id is 「見つかりません」, as if it did not exist. */
async function requireOwnRequest(tx: Tx, ctx: Actor, id: string): Promise<RequestListRow> {
  const employeeId = await ownEmployeeOrNull(tx, ctx);
  const row = employeeId ? await findRequestRow(tx, viewerOf(ctx), id) : null;
  const req = row ? await findRequest(tx, id) : null;
  if (!row || !req || req.employeeId !== employeeId) throw notFound();
  return row;
}

export async function getMyRequest(db: Database, ctx: Actor, id: string): Promise<TRequestDetail> {
  return db.asTenant(ctx.tenantId, async (tx) => detailOf(tx, ctx, await requireOwnRequest(tx, ctx, id)));
}

/** 届出一覧: the requests the caller approves at any step (their 上長 steps, their roles' steps). */
export async function listRequests(db: Database, ctx: Actor, q: TRequestListQuery): Promise<TRequestPage> {
  return db.asTenant(ctx.tenantId, async (tx) => pageOf(await findRequestPage(tx, viewerOf(ctx), q), q));
}

async function requireApproverRequest(tx: Tx, ctx: Actor, id: string): Promise<RequestListRow> {
  const row = await findRequestRow(tx, viewerOf(ctx), id);
  if (!row || !(await isApprover(tx, viewerOf(ctx), id))) throw notFound();
  return row;
}

export async function getRequest(db: Database, ctx: Actor, id: string): Promise<TRequestDetail> {
  return db.asTenant(ctx.tenantId, async (tx) => detailOf(tx, ctx, await requireApproverRequest(tx, ctx, id)));
}

export type AttachmentFile = { fileName: string; contentType: string; bytes: Buffer };

export async function getMyAttachment(db: Database, ctx: Actor, id: string, attachmentId: string) {
  return db.asTenant(ctx.tenantId, async (tx) => {
    await requireOwnRequest(tx, ctx, id);
    return requireAttachment(tx, id, attachmentId);
  });
}

export async function getRequestAttachment(db: Database, ctx: Actor, id: string, attachmentId: string) {
  return db.asTenant(ctx.tenantId, async (tx) => {
    await requireApproverRequest(tx, ctx, id);
    return requireAttachment(tx, id, attachmentId);
  });
}

async function requireAttachment(tx: Tx, id: string, attachmentId: string): Promise<AttachmentFile> {
  const a = await findAttachment(tx, id, attachmentId);
  if (!a) throw new AppError('NOT_FOUND', '添付ファイルが見つかりません');
  return { fileName: a.fileName, contentType: a.contentType, bytes: a.bytes };
}

// ---- deciding -----------------------------------------------------------------------------------

const statusText = (s: string) => REQUEST_STATUS_LABELS[s as TRequestStatus] ?? s;

/** 取下げ: the applicant, while no one has decided the last step. */
export async function withdrawMyRequest(deps: RequestDeps, ctx: Actor, id: string): Promise<TRequestDetail> {
  await deps.db.asTenant(ctx.tenantId, async (tx) => {
    await requireOwnRequest(tx, ctx, id);
    const req = (await findRequestForUpdate(tx, id))!;
    if (req.status !== 'pending')
      throw new AppError('CONFLICT', `この届出は既に「${statusText(req.status)}」のため、取下げできません`);
    await updateRequest(tx, id, { status: 'withdrawn', decidedAt: new Date() });
    await recordAudit(tx, ctx, {
      action: 'update',
      targetType: 'request',
      targetId: id,
      before: { status: req.status },
      after: { status: 'withdrawn' },
    });
    const type = (await findType(tx, req.typeId))!;
    const step = (await findSteps(tx, id)).find((s) => s.stepNo === req.currentStep)!;
    await notifyApprovers(tx, ctx, req, type.name, step, { kind: 'withdrawn' });
  });
  await deps.mail.wake();
  return getMyRequest(deps.db, ctx, id);
}

/**
 * The current step's approver decides. Refused: a request the caller approves at no step (404, as if
 * it did not exist), one already decided or withdrawn, the caller's own, a step that is not theirs.
 */
async function decide(
  deps: RequestDeps,
  ctx: Actor,
  id: string,
  decision: 'approved' | 'returned',
  input: TDecisionRequest,
): Promise<{ appliedAt: Date | null }> {
  const userId = requireUser(ctx);
  let appliedAt: Date | null = null;
  await deps.db.asTenant(ctx.tenantId, async (tx) => {
    await requireApproverRequest(tx, ctx, id);
    const req = (await findRequestForUpdate(tx, id))!;
    const verb = decision === 'approved' ? '承認' : '差戻し';
    if (req.status !== 'pending')
      throw new AppError('CONFLICT', `この届出は既に「${statusText(req.status)}」のため、${verb}できません`);
    if (req.applicantUserId === userId) throw new AppError('FORBIDDEN', `ご自身の届出は${verb}できません`);
    const steps = await findSteps(tx, id);
    const step = steps.find((s) => s.stepNo === req.currentStep)!;
    const isMine = step.approverUserId ? step.approverUserId === userId : ctx.roles.some((r) => r === step.role);
    if (!isMine)
      throw new AppError('FORBIDDEN', `この届出は現在、第${step.stepNo}段階の承認者の承認待ちです。${verb}できません`);
    if (decision === 'returned' && !input.comment)
      throw invalid([{ path: 'comment', message: '差戻しの理由をコメントに入力してください' }]);

    await decideStep(tx, id, step.stepNo, { decision, decidedBy: userId, comment: input.comment || null });
    const type = (await findType(tx, req.typeId))!;
    const isLast = step.stepNo === steps.length;
    const now = new Date();
    let status: TRequestStatus = 'pending';
    if (decision === 'returned') status = 'returned';
    else if (isLast)
      status = !type.builtin ? 'approved' : req.effectiveDate <= todayInJapan() ? 'applied' : 'scheduled';
    await updateRequest(tx, id, {
      status,
      currentStep: isLast || decision === 'returned' ? step.stepNo : step.stepNo + 1,
      ...(status === 'pending' ? {} : { decidedAt: now }),
    });
    await recordAudit(tx, ctx, {
      action: 'update',
      targetType: 'request',
      targetId: id,
      before: { status: req.status, step: step.stepNo },
      after: { status, step: step.stepNo, decision, comment: input.comment || null },
    });
    if (status === 'pending') {
      await notifyApprovers(tx, ctx, req, type.name, steps[step.stepNo]!, {
        kind: 'submitted',
        stepNo: step.stepNo + 1,
      });
      await notifyApplicant(
        tx,
        ctx,
        req,
        type.name,
        'approved_step',
        REQUEST_PROGRESS_TEXT.approved_step(step.stepNo),
        input.comment,
      );
    } else if (status === 'returned') {
      await notifyApplicant(tx, ctx, req, type.name, 'returned', REQUEST_PROGRESS_TEXT.returned(), input.comment);
    } else if (status === 'applied') {
      await applyIn(tx, ctx, req);
      appliedAt = now;
      await notifyApplicant(tx, ctx, req, type.name, 'applied', REQUEST_PROGRESS_TEXT.applied(), input.comment);
    } else {
      const text = status === 'scheduled' ? REQUEST_PROGRESS_TEXT.scheduled() : REQUEST_PROGRESS_TEXT.approved();
      await notifyApplicant(tx, ctx, req, type.name, 'approved', text, input.comment);
    }
  });
  await deps.mail.wake();
  return { appliedAt };
}

export async function approveRequest(deps: RequestDeps, ctx: Actor, id: string, input: TDecisionRequest) {
  await decide(deps, ctx, id, 'approved', input);
  return getRequest(deps.db, ctx, id);
}

export async function returnRequest(deps: RequestDeps, ctx: Actor, id: string, input: TDecisionRequest) {
  await decide(deps, ctx, id, 'returned', input);
  return getRequest(deps.db, ctx, id);
}

/** The master changes: the requested fields (通勤経路 is the request's note, not a master field). */
async function applyIn(tx: Tx, ctx: Actor, req: RequestRow) {
  const { commuteNote: _note, ...fields } = req.after as Partial<RequestedFields> & { commuteNote?: unknown };
  await applyRequestedFieldsIn(tx, ctx, req.employeeId, fields);
  await updateRequest(tx, req.id, { status: 'applied', appliedAt: new Date() });
}

/**
 * The daily job (and any catch-up): every 承認済み・適用待ち request whose 適用日 is `today` or earlier is
 * applied, each in its own transaction with its audit row and the applicant's notice. A request that
 * cannot be applied any more (the master changed so the date rules refuse it) stays waiting; the count
 * of those is returned so the job's log shows it.
 */
export async function applyDueRequests(
  deps: RequestDeps,
  today = todayInJapan(),
): Promise<{ applied: number; failed: number }> {
  const due = await findDueRequests(deps.db.owner, today);
  let applied = 0;
  let failed = 0;
  for (const { tenantId, id } of due) {
    const actor = systemActor(tenantId, `requests-apply:${today}`, { roles: [] });
    try {
      await deps.db.asTenant(tenantId, async (tx) => {
        const req = await findRequestForUpdate(tx, id);
        if (req?.status !== 'scheduled' || req.effectiveDate > today) return;
        await applyIn(tx, actor, req);
        await recordAudit(tx, actor, {
          action: 'update',
          targetType: 'request',
          targetId: id,
          before: { status: 'scheduled' },
          after: { status: 'applied' },
        });
        const type = (await findType(tx, req.typeId))!;
        await notifyApplicant(tx, actor, req, type.name, 'applied', REQUEST_PROGRESS_TEXT.applied(), null);
        applied++;
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed++;
    }
  }
  if (applied > 0) await deps.mail.wake();
  return { applied, failed };
}

// ---- notices ------------------------------------------------------------------------------------

export async function getRequestNotices(db: Database, ctx: Actor): Promise<TRequestNotices> {
  const userId = requireUser(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => ({
    waitingCount: await countWaiting(tx, viewerOf(ctx)),
    unreadCount: await countUnreadNotices(tx, userId),
    items: (await findNotices(tx, userId)).map((n) => ({
      id: n.id,
      requestId: n.requestId,
      kind: (REQUEST_NOTICE_KINDS as readonly string[]).includes(n.kind) ? (n.kind as TRequestNoticeKind) : 'submitted',
      typeName: n.typeName,
      applicantName: n.applicantName,
      isOwn: n.isOwn,
      createdAt: new Date(n.createdAt).toISOString(),
      isRead: n.readAt !== null,
    })),
  }));
}

/** 【既読にする】: one audit row with how many notices it marked (none when there were none). */
export async function readRequestNotices(db: Database, ctx: Actor): Promise<TRequestNotices> {
  const userId = requireUser(ctx);
  await db.asTenant(ctx.tenantId, async (tx) => {
    const read = await markNoticesRead(tx, userId);
    if (read > 0)
      await recordAudit(tx, ctx, { action: 'update', targetType: 'request_notice', targetId: userId, after: { read } });
  });
  return getRequestNotices(db, ctx);
}
