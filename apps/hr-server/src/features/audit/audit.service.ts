// The audit slice (SECURITY.md "Audit trail"): every slice records its changes and sensitive views
// through recordAudit, in the same transaction as the change, so a change without its row cannot commit.
// Rows holding 要配慮個人情報 are flagged when written; reading them masks the values for roles without
// `employees.sensitive`, and an allowed role's read is itself a view_sensitive row.
import type { Readable } from 'node:stream';
import { actingUserOf } from '@jinji/auth/actor';
import { isAllowed } from '@jinji/contracts/hr/access';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_EXPORT_HEADER,
  auditChanges,
  SENSITIVE_MASK,
  type TAuditAction,
  type TAuditLogFilter,
  type TAuditLogItem,
  type TAuditLogQuery,
  type TAuditLogResponse,
} from '@jinji/contracts/hr/audit';
import { MASTER_KIND_INFO, type TMasterKind } from '@jinji/contracts/hr/masters';
import type { JsonRowSet } from '@jinji/db/json-rows';
import { formatDateTime, toSearchForm } from '@jinji/ja/text';
import { type CsvEncoding, streamCsv } from '@jinji/office-files/csv';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import {
  type AuditFilter,
  auditRowSetBuilder,
  findAuditBatch,
  findAuditPage,
  findNames,
  insertAudits,
  type StoredAuditRow,
} from './audit.repository';

export type AuditEntry = {
  action: TAuditAction;
  /** what was acted on: 'employee', 'master_item', 'user_account', 'code_settings', 'password_policy', … */
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  /** before/after hold 要配慮個人情報 (the employee's 障がい・賞罰 section) */
  isSensitive?: boolean;
};

/** The employee sections that are 要配慮個人情報: a row carrying one is flagged even if the caller forgot. */
const SENSITIVE_KEYS = ['sensitive', 'disabilities', 'awards'];
const hasSensitiveKey = (v: unknown) =>
  typeof v === 'object' && v !== null && SENSITIVE_KEYS.some((k) => Object.hasOwn(v, k));

export function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  return recordAudits(tx, actor, [entry]);
}

/** Many rows in few statements (bulk imports). */
export async function recordAudits(
  tx: Tx,
  actor: Actor,
  entries: AuditEntry[],
  at = new Date(),
  options: { binary?: boolean } = {},
): Promise<void> {
  const by = actingUserOf(actor);
  await insertAudits(
    tx,
    entries.map((e) => auditRowOf(actor, by, e, at)),
    options,
  );
}

/**
 * The rows recordAudits would write, prepared one entry at a time as a recordset, for a batched
 * writer that inserts them in the same statement as the changes they record (employee-writes).
 */
export function auditBatch(actor: Actor, at: Date, options: { binary?: boolean } = {}) {
  const by = actingUserOf(actor);
  const rows = auditRowSetBuilder(options);
  return {
    add: (entry: AuditEntry) => rows.add(auditRowOf(actor, by, entry, at)),
    take: (): JsonRowSet => rows.take(),
    /** a taken set whose statement has run: its bytes are reused */
    release: (set: JsonRowSet) => rows.release(set),
  };
}

function auditRowOf(actor: Actor, by: ReturnType<typeof actingUserOf>, e: AuditEntry, at: Date) {
  return {
    tenantId: actor.tenantId,
    at,
    actorId: by.userId,
    actorLoginId: by.loginId,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    isSensitive:
      e.isSensitive === true ||
      (e.targetType === 'employee' && (hasSensitiveKey(e.before) || hasSensitiveKey(e.after))),
  };
}

/** Only the keys whose values differ, for a readable before → after (null when nothing changed). */
export function auditDiff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length > 0 ? { before: b as Partial<T>, after: a as Partial<T> } : null;
}

// ---- reading ----------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function collectIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value);
  } else if (Array.isArray(value)) for (const v of value) collectIds(v, into);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) collectIds(v, into);
}

const mask = (v: unknown) =>
  v === null || v === undefined
    ? v
    : typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).map((k) => [k, SENSITIVE_MASK]))
      : SENSITIVE_MASK;

const SETTING_LABELS: Record<string, string> = {
  code_settings: 'コード設定',
  password_policy: 'パスワードポリシー設定',
  employee_list: '従業員一覧',
  audit_log: '操作ログ',
};

function fallbackMasterLabel(r: StoredAuditRow): string | null {
  const v = (r.before ?? r.after) as { name?: unknown; code?: unknown } | null;
  return v && typeof v.name === 'string' ? `${v.name}${typeof v.code === 'string' ? ` (${v.code})` : ''}` : null;
}

/** Masks what this reader may not see, and resolves the page's names in one query. */
async function present(
  tx: Tx,
  rows: StoredAuditRow[],
  canSeeSensitive: boolean,
): Promise<{ items: TAuditLogItem[]; names: Record<string, string> }> {
  const shown = rows.map((r) => {
    const isMasked = r.isSensitive && !canSeeSensitive;
    return { r, isMasked, before: isMasked ? mask(r.before) : r.before, after: isMasked ? mask(r.after) : r.after };
  });
  const valueIds = new Set<string>();
  for (const s of shown) {
    collectIds(s.before, valueIds);
    collectIds(s.after, valueIds);
  }
  const ofType = (t: string) => rows.filter((r) => r.targetType === t && r.targetId).map((r) => r.targetId!);
  const found = await findNames(tx, {
    employees: [...new Set([...ofType('employee'), ...valueIds])],
    masters: [...new Set([...ofType('master_item'), ...valueIds])],
    users: [
      ...new Set([...rows.flatMap((r) => (r.actorId ? [r.actorId] : [])), ...ofType('user_account'), ...valueIds]),
    ],
  });
  const byId = new Map(found.map((n) => [`${n.type}:${n.id}`, n]));
  const names: Record<string, string> = {};
  for (const n of found) {
    if (!valueIds.has(n.id)) continue;
    names[n.id] = n.type === 'master' ? (n.b ?? '') : [n.a, n.b].filter(Boolean).join(' ');
  }
  const targetLabel = (r: StoredAuditRow): string | null => {
    if (r.targetType in SETTING_LABELS) return SETTING_LABELS[r.targetType]!;
    if (!r.targetId) return null;
    if (r.targetType === 'employee') {
      const e = byId.get(`employee:${r.targetId}`);
      return e ? [e.a, e.b].filter(Boolean).join(' ') : null;
    }
    if (r.targetType === 'master_item') {
      const m = byId.get(`master:${r.targetId}`);
      if (!m) return fallbackMasterLabel(r);
      const kind = MASTER_KIND_INFO[m.a as TMasterKind]?.label ?? m.a;
      return `${kind}「${m.b}」`;
    }
    if (r.targetType === 'user_account') {
      const u = byId.get(`user:${r.targetId}`);
      return u ? `${u.b} (${u.a})` : null;
    }
    return null;
  };
  return {
    items: shown.map(({ r, isMasked, before, after }) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorLoginId: r.actorLoginId,
      actorName: (r.actorId && byId.get(`user:${r.actorId}`)?.b) || null,
      action: r.action,
      targetType: r.targetType,
      targetId: r.targetId,
      targetLabel: targetLabel(r),
      isSensitive: r.isSensitive,
      isMasked,
      before,
      after,
    })),
    names,
  };
}

/** A reader allowed 要配慮情報 who was shown such values: one view row per employee, like the detail page. */
async function recordSensitiveViews(tx: Tx, ctx: Actor, rows: StoredAuditRow[]): Promise<void> {
  // 要配慮 応対記録 rows (targetType 'record') are not an employee's 障がい・賞罰: they are logged as records
  const employees = [
    ...new Set(rows.filter((r) => r.isSensitive && r.targetId && r.targetType === 'employee').map((r) => r.targetId!)),
  ];
  const records = [...new Set(rows.filter((r) => r.isSensitive && r.targetType === 'record').map((r) => r.targetId))];
  if (records.length > 0)
    await recordAudit(tx, ctx, {
      action: 'view_sensitive',
      targetType: 'record',
      after: { screen: '操作ログ', recordIds: records.filter(Boolean) },
      isSensitive: true,
    });
  await recordAudits(
    tx,
    ctx,
    employees.map((targetId) => ({
      action: 'view_sensitive',
      targetType: 'employee',
      targetId,
      after: { sections: ['disabilities', 'awards'], screen: '操作ログ' },
    })),
  );
}

function filterOf(query: TAuditLogFilter): AuditFilter {
  return {
    targetId: query.targetId,
    employee: query.employee,
    employeeSearchForm: query.employee ? toSearchForm(query.employee) : undefined,
    actor: query.actor,
    action: query.action,
    from: query.from,
    to: query.to,
  };
}

export async function listAuditLogs(db: Database, ctx: Actor, query: TAuditLogQuery): Promise<TAuditLogResponse> {
  const canSeeSensitive = isAllowed(ctx.roles, 'employees.sensitive');
  return db.asTenant(ctx.tenantId, async (tx) => {
    const { items, total } = await findAuditPage(tx, {
      ...filterOf(query),
      page: query.page,
      pageSize: query.pageSize,
    });
    const page = await present(tx, items, canSeeSensitive);
    if (canSeeSensitive) await recordSensitiveViews(tx, ctx, items);
    return { ...page, total, page: query.page, pageSize: query.pageSize };
  });
}

// ---- export ---------------------------------------------------------------------------------------

const EXPORT_BATCH = 1000;
const EXPORT_MAX = 500_000;

const actorOf = (i: TAuditLogItem) =>
  i.actorName ? `${i.actorName}${i.actorLoginId ? ` (${i.actorLoginId})` : ''}` : (i.actorLoginId ?? '');

/** The filtered trail as CSV, one line per changed field, streamed in keyset batches; the export is audited. */
export function exportAuditLogs(db: Database, ctx: Actor, query: TAuditLogFilter, encoding: CsvEncoding): Readable {
  const canSeeSensitive = isAllowed(ctx.roles, 'employees.sensitive');
  const filter = filterOf(query);
  const batches = async function* () {
    let cursor: { at: Date; id: string } | null = null;
    let rows = 0;
    let sensitiveRows = 0;
    while (rows < EXPORT_MAX) {
      const { stored, page } = await db.asTenant(ctx.tenantId, async (tx) => {
        const stored = await findAuditBatch(tx, filter, cursor, EXPORT_BATCH);
        return { stored, page: await present(tx, stored, canSeeSensitive) };
      });
      yield page.items.flatMap((i) => {
        const head = [
          formatDateTime(i.at),
          actorOf(i),
          AUDIT_ACTION_LABELS[i.action as TAuditAction] ?? i.action,
          i.targetLabel ?? i.targetId ?? '',
        ];
        const changes = auditChanges(i.before, i.after, page.names);
        return changes.length === 0
          ? [[...head, '', '', '']]
          : changes.map((c) => [...head, c.label, c.before, c.after]);
      });
      rows += stored.length;
      sensitiveRows += stored.filter((r) => r.isSensitive && canSeeSensitive).length;
      const last = stored.at(-1);
      if (!last || stored.length < EXPORT_BATCH) break;
      cursor = { at: last.at, id: last.id };
    }
    await db.asTenant(ctx.tenantId, (tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        targetType: 'audit_log',
        after: { filter: query, rows, encoding, ...(sensitiveRows > 0 ? { sensitiveRows } : {}) },
      }),
    );
  };
  return streamCsv(AUDIT_EXPORT_HEADER, batches(), encoding);
}
