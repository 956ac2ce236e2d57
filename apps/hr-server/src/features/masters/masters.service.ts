// マスタメンテナンス rules (R-MST-1/2): codes unique per master, 部署 trees without cycles that move
// with their subtree, rows in use never deleted, invalid rows kept for old data, CSV all-or-nothing.
import type { TFieldError } from '@jinji/contracts/common/errors';
import {
  MASTER_CODE_PATTERN,
  MASTER_KIND_INFO,
  type TMasterInput,
  type TMasterItem,
  type TMasterKind,
  type TMasterListResponse,
} from '@jinji/contracts/hr/masters';
import { isUniqueViolation } from '@jinji/db/errors';
import { type CsvEncoding, encodeCsv } from '@jinji/office-files/csv';
import { FileReadError } from '@jinji/office-files/file-read-error';
import { openTable, type TableRow } from '@jinji/office-files/table';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { type AuditEntry, auditDiff, recordAudit, recordAudits } from '../audit/audit.service';
import {
  countMastersByKind,
  deleteMaster,
  findAllOfKind,
  findMasterById,
  findMasterPage,
  findSubtreeIds,
  insertMaster,
  isMasterInUse,
  lockKind,
  type MasterRow,
  type MasterValues,
  reorderMasters,
  setCompanyOfRows,
  setParents,
  updateMaster,
  upsertMastersByCode,
} from './masters.repository';

const invalid = (fields: TFieldError[]) => new AppError('VALIDATION_FAILED', undefined, fields);
const duplicate = (code: string) =>
  new AppError('DUPLICATE_CODE', undefined, [{ path: 'code', message: `コード「${code}」は既に使われています` }]);

/** What the audit trail keeps of a row: its editable values (会社・上位 only for kinds that have them). */
function auditValues(kind: TMasterKind, row: MasterRow): Record<string, unknown> {
  const info = MASTER_KIND_INFO[kind];
  return {
    code: row.code,
    name: row.name,
    sortOrder: row.sortOrder,
    isValid: row.isValid,
    ...(info.hasCompany ? { companyId: row.companyId } : {}),
    ...(info.parentKind ? { parentId: row.parentId } : {}),
  };
}

/** One row per master item whose values changed between two snapshots of its kind (new rows: create). */
function changesOf(kind: TMasterKind, before: MasterRow[], after: MasterRow[]): AuditEntry[] {
  const old = new Map(before.map((r) => [r.id, r]));
  return after.flatMap((row): AuditEntry[] => {
    const prev = old.get(row.id);
    if (!prev)
      return [{ action: 'create', targetType: 'master_item', targetId: row.id, after: auditValues(kind, row) }];
    const change = auditDiff(auditValues(kind, prev), auditValues(kind, row));
    return change ? [{ action: 'update', targetType: 'master_item', targetId: row.id, ...change }] : [];
  });
}

function toItem(row: MasterRow, isInUse: boolean): TMasterItem {
  return {
    id: row.id,
    kind: row.kind as TMasterKind,
    code: row.code,
    name: row.name,
    sortOrder: row.sortOrder,
    isValid: row.isValid,
    companyId: row.companyId,
    parentId: row.parentId,
    isInUse,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listMasters(
  db: Database,
  ctx: Actor,
  kind: TMasterKind,
  query: { companyId?: string; includeInvalid: boolean; q?: string; page: number; pageSize: number },
): Promise<TMasterListResponse> {
  const { items, total } = await db.asTenant(ctx.tenantId, (tx) => findMasterPage(tx, kind, query));
  return {
    items: items.map((i) => ({ ...i, kind: i.kind as TMasterKind, updatedAt: i.updatedAt.toISOString() })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getMasterCounts(db: Database, ctx: Actor): Promise<Record<string, number>> {
  return db.asTenant(ctx.tenantId, countMastersByKind);
}

/** Checks company and parent of a row; `current` is the row being edited (null when new). */
async function checkRelations(
  tx: Tx,
  kind: TMasterKind,
  input: Pick<TMasterInput, 'companyId' | 'parentId'>,
  current: MasterRow | null,
): Promise<Pick<MasterValues, 'companyId' | 'parentId'>> {
  const info = MASTER_KIND_INFO[kind];
  const companyId = info.hasCompany ? input.companyId : null;
  const parentId = info.parentKind ? input.parentId : null;
  if (info.hasCompany) {
    if (!companyId) throw invalid([{ path: 'companyId', message: '会社を選択してください' }]);
    const company = await findMasterById(tx, companyId);
    if (company?.kind !== 'company') throw invalid([{ path: 'companyId', message: '会社が見つかりません' }]);
    if (!company.isValid && current?.companyId !== companyId) {
      throw invalid([{ path: 'companyId', message: '無効な会社は選択できません' }]);
    }
  }
  if (info.parentKind) {
    if (!parentId && info.parentRequired) {
      throw invalid([{ path: 'parentId', message: `${info.parentLabel}を選択してください` }]);
    }
    if (parentId) {
      const parent = await findMasterById(tx, parentId);
      if (parent?.kind !== info.parentKind) {
        throw invalid([{ path: 'parentId', message: `${info.parentLabel}が見つかりません` }]);
      }
      if (!parent.isValid && current?.parentId !== parentId) {
        throw invalid([{ path: 'parentId', message: `無効な${info.parentLabel}は選択できません` }]);
      }
      if (info.hasCompany && parent.companyId !== companyId) {
        throw invalid([{ path: 'parentId', message: `${info.parentLabel}は同じ会社の部署を選択してください` }]);
      }
      if (current && (await findSubtreeIds(tx, current.id)).includes(parentId)) {
        throw new AppError('DEPARTMENT_CYCLE', undefined, [
          { path: 'parentId', message: '上位部署に自分自身または配下の部署は指定できません' },
        ]);
      }
    }
  }
  return { companyId, parentId };
}

export async function createMaster(
  db: Database,
  ctx: Actor,
  kind: TMasterKind,
  input: TMasterInput,
): Promise<TMasterItem> {
  try {
    return await db.asTenant(ctx.tenantId, async (tx) => {
      await lockKind(tx, ctx.tenantId, kind);
      const relations = await checkRelations(tx, kind, input, null);
      const row = await insertMaster(tx, ctx.tenantId, kind, {
        code: input.code,
        name: input.name,
        sortOrder: input.sortOrder,
        isValid: input.isValid,
        ...relations,
      });
      await recordAudit(tx, ctx, {
        action: 'create',
        targetType: 'master_item',
        targetId: row.id,
        after: auditValues(kind, row),
      });
      return toItem(row, false);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.code);
    throw error;
  }
}

export async function updateMasterItem(
  db: Database,
  ctx: Actor,
  kind: TMasterKind,
  id: string,
  input: TMasterInput,
): Promise<TMasterItem> {
  try {
    return await db.asTenant(ctx.tenantId, async (tx) => {
      await lockKind(tx, ctx.tenantId, kind);
      const current = await findMasterById(tx, id);
      if (current?.kind !== kind) throw new AppError('NOT_FOUND');
      const relations = await checkRelations(tx, kind, input, current);
      const row = await updateMaster(tx, id, {
        code: input.code,
        name: input.name,
        sortOrder: input.sortOrder,
        isValid: input.isValid,
        ...relations,
      });
      const entries = changesOf(kind, [current], [row]);
      // A department moved to another company takes its whole subtree with it.
      if (MASTER_KIND_INFO[kind].hasCompany && kind === 'department' && current.companyId !== relations.companyId) {
        const subtree = (await findSubtreeIds(tx, id)).filter((x) => x !== id);
        await setCompanyOfRows(tx, subtree, relations.companyId);
        entries.push(
          ...subtree.map(
            (sid): AuditEntry => ({
              action: 'update',
              targetType: 'master_item',
              targetId: sid,
              before: { companyId: current.companyId },
              after: { companyId: relations.companyId },
            }),
          ),
        );
      }
      await recordAudits(tx, ctx, entries);
      return toItem(row, await isMasterInUse(tx, id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.code);
    throw error;
  }
}

export async function deleteMasterItem(db: Database, ctx: Actor, kind: TMasterKind, id: string): Promise<void> {
  await db.asTenant(ctx.tenantId, async (tx) => {
    await lockKind(tx, ctx.tenantId, kind);
    const current = await findMasterById(tx, id);
    if (current?.kind !== kind) throw new AppError('NOT_FOUND');
    if (await isMasterInUse(tx, id)) throw new AppError('MASTER_IN_USE');
    await deleteMaster(tx, id);
    await recordAudit(tx, ctx, {
      action: 'delete',
      targetType: 'master_item',
      targetId: id,
      before: auditValues(kind, current),
    });
  });
}

export async function reorderMasterItems(db: Database, ctx: Actor, kind: TMasterKind, ids: string[]): Promise<void> {
  await db.asTenant(ctx.tenantId, async (tx) => {
    await lockKind(tx, ctx.tenantId, kind);
    const before = await findAllOfKind(tx, kind);
    const n = await reorderMasters(tx, kind, ids);
    if (n !== new Set(ids).size) throw new AppError('NOT_FOUND', '並べ替える行が見つかりません');
    await recordAudits(tx, ctx, changesOf(kind, before, await findAllOfKind(tx, kind)));
  });
}

// ---- CSV --------------------------------------------------------------------------------------

function csvColumns(kind: TMasterKind): string[] {
  const info = MASTER_KIND_INFO[kind];
  return [
    'コード',
    '名称',
    '並び順',
    '有効',
    ...(info.hasCompany ? ['会社コード'] : []),
    ...(info.parentKind ? [`${info.parentLabel}コード`] : []),
  ];
}

export async function exportMastersCsv(
  db: Database,
  ctx: Actor,
  kind: TMasterKind,
  encoding: CsvEncoding,
): Promise<Buffer> {
  const info = MASTER_KIND_INFO[kind];
  const { rows, companies, parents } = await db.asTenant(ctx.tenantId, async (tx) => ({
    rows: await findAllOfKind(tx, kind),
    companies: info.hasCompany ? await findAllOfKind(tx, 'company') : [],
    parents: info.parentKind ? await findAllOfKind(tx, info.parentKind) : [],
  }));
  const codeOf = (list: MasterRow[]) => new Map(list.map((r) => [r.id, r.code]));
  const companyCode = codeOf(companies);
  const parentCode = codeOf(parents);
  return encodeCsv(
    [
      csvColumns(kind),
      ...rows.map((r) => [
        r.code,
        r.name,
        r.sortOrder,
        r.isValid ? '1' : '0',
        ...(info.hasCompany ? [r.companyId ? (companyCode.get(r.companyId) ?? '') : ''] : []),
        ...(info.parentKind ? [r.parentId ? (parentCode.get(r.parentId) ?? '') : ''] : []),
      ]),
    ],
    encoding,
  );
}

type CsvRow = {
  line: number;
  code: string;
  values: Omit<MasterValues, 'companyId' | 'parentId'>;
  companyCode: string;
  parentCode: string;
};

const MAX_ROWS = 10_000;

/** Validates the whole file first; writes nothing unless every row is valid. */
export async function importMastersCsv(
  db: Database,
  ctx: Actor,
  kind: TMasterKind,
  bytes: Buffer,
): Promise<{ created: number; updated: number }> {
  const info = MASTER_KIND_INFO[kind];
  const columns = csvColumns(kind);
  const rows: TableRow[] = [];
  try {
    const table = await openTable(bytes, { maxRows: MAX_ROWS, keepBlankRows: true });
    if (table.header.length === 0 || table.header.map((h) => h.trim()).join(',') !== columns.join(',')) {
      throw new AppError('CSV_INVALID', `1行目の項目名が正しくありません（${columns.join(', ')}）`);
    }
    for await (const row of table.rows()) rows.push(row);
  } catch (e) {
    if (e instanceof FileReadError) throw new AppError('CSV_INVALID', e.message);
    throw e;
  }
  if (rows.length === 0) throw new AppError('CSV_INVALID', 'データ行がありません');

  const errors: TFieldError[] = [];
  const err = (line: number, column: string, message: string) =>
    errors.push({ path: `行 ${line}・${column}`, message });
  const seen = new Map<string, number>();
  const parsed: CsvRow[] = rows.map(({ line, cells }) => {
    const cell = (n: number) => (cells[n] ?? '').trim();
    const code = cell(0);
    if (!code) err(line, 'コード', 'コードを入力してください');
    else if (!MASTER_CODE_PATTERN.test(code))
      err(line, 'コード', `半角英数字・-_ の20文字以内で入力してください「${code}」`);
    else if (seen.has(code)) err(line, 'コード', `ファイル内で重複しています（行 ${seen.get(code)}）「${code}」`);
    else seen.set(code, line);
    const name = cell(1);
    if (!name) err(line, '名称', '名称を入力してください');
    else if (name.length > 100) err(line, '名称', '100文字以内で入力してください');
    const order = cell(2);
    const sortOrder = order === '' ? 0 : Number(order.normalize('NFKC'));
    if (!Number.isInteger(sortOrder) || sortOrder < 0 || sortOrder > 999_999) {
      err(line, '並び順', `0〜999999の整数で入力してください「${order}」`);
    }
    const valid = cell(3).normalize('NFKC');
    if (!['', '0', '1'].includes(valid)) err(line, '有効', `1（有効）または0（無効）で入力してください「${cell(3)}」`);
    let n = 4;
    const companyCode = info.hasCompany ? cell(n++) : '';
    const parentCode = info.parentKind ? cell(n++) : '';
    return { line, code, values: { code, name, sortOrder, isValid: valid !== '0' }, companyCode, parentCode };
  });

  return db.asTenant(ctx.tenantId, async (tx) => {
    await lockKind(tx, ctx.tenantId, kind);
    const existing = await findAllOfKind(tx, kind);
    const byCode = new Map(existing.map((r) => [r.code, r]));
    const companies = info.hasCompany
      ? new Map((await findAllOfKind(tx, 'company')).map((r) => [r.code, r]))
      : new Map<string, MasterRow>();
    const parentPool =
      info.parentKind && info.parentKind !== kind
        ? new Map((await findAllOfKind(tx, info.parentKind)).map((r) => [r.code, r]))
        : null;
    const fileCodes = new Set(parsed.map((r) => r.code));

    for (const r of parsed) {
      if (info.hasCompany) {
        const company = companies.get(r.companyCode);
        if (!r.companyCode) err(r.line, '会社コード', '会社コードを入力してください');
        else if (!company) err(r.line, '会社コード', `会社が見つかりません「${r.companyCode}」`);
      }
      if (info.parentKind) {
        const label = `${info.parentLabel}コード`;
        if (!r.parentCode && info.parentRequired) err(r.line, label, `${info.parentLabel}コードを入力してください`);
        else if (r.parentCode) {
          const known = parentPool
            ? parentPool.has(r.parentCode)
            : byCode.has(r.parentCode) || fileCodes.has(r.parentCode);
          if (!known) err(r.line, label, `${info.parentLabel}が見つかりません「${r.parentCode}」`);
          if (r.parentCode === r.code) err(r.line, label, '自分自身は指定できません');
        }
      }
    }
    if (errors.length > 0) throw new AppError('CSV_INVALID', undefined, byRow(errors, columns));

    // Pass 1: every row by code (new rows without a parent yet); pass 2: parent links, once every
    // code of the file exists.
    const saved = await upsertMastersByCode(
      tx,
      ctx.tenantId,
      kind,
      parsed.map((r) => ({
        ...r.values,
        companyId: info.hasCompany ? companies.get(r.companyCode)!.id : null,
        parentId: byCode.get(r.code)?.parentId ?? null,
      })),
    );
    const ids = new Map([
      ...existing.map((r) => [r.code, r.id] as const),
      ...saved.map((r) => [r.code, r.id] as const),
    ]);
    const created = saved.filter((r) => r.isNew).length;
    const updated = saved.length - created;
    if (info.parentKind) {
      await setParents(
        tx,
        parsed.map((r) => ({
          id: ids.get(r.code)!,
          parentId: r.parentCode ? (parentPool ? parentPool.get(r.parentCode)!.id : ids.get(r.parentCode)!) : null,
        })),
      );
      if (info.parentKind === kind) checkTree(await findAllOfKind(tx, kind), parsed, info.hasCompany);
    }
    // one audit row per item the file created or changed (rows it left as they were write none)
    await recordAudits(tx, ctx, changesOf(kind, existing, await findAllOfKind(tx, kind)));
    return { created, updated };
  });
}

/** The report reads through the file row by row, columns left to right, whichever check found each error. */
function byRow(errors: TFieldError[], columns: string[]): TFieldError[] {
  const at = (e: TFieldError) => {
    const m = /^行 (\d+)・(.*)$/.exec(e.path);
    return { line: Number(m?.[1] ?? 0), column: columns.indexOf(m?.[2] ?? '') };
  };
  return errors
    .map((e, i) => ({ e, i, ...at(e) }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.i - b.i)
    .map((x) => x.e);
}

/** After an import: no cycles, and each parent in the same company. */
function checkTree(rows: MasterRow[], parsed: CsvRow[], sameCompany: boolean): void {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lineOf = new Map(parsed.map((p) => [p.code, p.line]));
  const errors: TFieldError[] = [];
  for (const row of rows) {
    const line = lineOf.get(row.code);
    if (line === undefined) continue;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (sameCompany && parent && parent.companyId !== row.companyId) {
      errors.push({
        path: `行 ${line}・上位部署コード`,
        message: `上位部署は同じ会社の部署を指定してください「${parent.code}」`,
      });
    }
    const visited = new Set<string>([row.id]);
    for (let p = parent; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
      if (visited.has(p.id)) {
        errors.push({ path: `行 ${line}・上位部署コード`, message: '上位部署が循環しています' });
        break;
      }
      visited.add(p.id);
    }
  }
  if (errors.length > 0) throw new AppError('CSV_INVALID', undefined, errors);
}
