// Every employee field in the 「更新用ファイル」 layout, so export → edit in Excel → import round-trips.
// Masters are written as codes (unique, unlike names); 適用日 columns stay empty, so an unchanged row
// changes nothing. Streamed in keyset batches by 社員番号: 100,000 employees never sit in memory at once.
import type { Readable } from 'node:stream';
import type { TFileFormat } from '@jinji/contracts/common/enums';
import type { TEmployeeListQuery } from '@jinji/contracts/hr/employees';
import { companyScopedLabeller, IMPORT_COLUMNS_UPDATE, type ImportColumn } from '@jinji/contracts/hr/imports';
import { todayInJapan } from '@jinji/ja/text';
import { streamCsv } from '@jinji/office-files/csv';
import { streamXlsx } from '@jinji/office-files/xlsx';
import type { Database } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import {
  cp932Refusal,
  findCp932LossesOf,
  findEmployeesByNumberAfter,
  resolveEmployeeFilter,
} from '../employees/employees.service';
import { type CurrentEmployee, findMastersForImport, withLatestPeriods } from './imports.repository';

const BATCH = 2000;
const slashDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.replaceAll('-', '/') : v);

/**
 * The drop-down values of an Excel file: a fixed column's choices, and the names of each master column's
 * valid rows (部署 and 勤務地 labelled with their company, as the import reads them back).
 */
export async function masterLists(
  db: Database,
  ctx: Actor,
  columns: ImportColumn[],
): Promise<Record<string, string[]>> {
  const masters = await db.asTenant(ctx.tenantId, findMastersForImport);
  const scopedLabel = companyScopedLabeller(masters);
  const label = (m: (typeof masters)[number]) => scopedLabel(m) ?? m.name;
  const lists: Record<string, string[]> = {};
  for (const c of columns) {
    if (c.choices) lists[c.key] = c.choices;
    if (!c.master) continue;
    const names = masters.filter((m) => m.kind === c.master && m.isValid).map(label);
    if (names.length > 0) lists[c.key] = [...new Set(names)];
  }
  return lists;
}

export type ExportQuery = Omit<TEmployeeListQuery, 'page' | 'pageSize'>;

function toRow(c: CurrentEmployee, codes: Map<string, string>): (string | null)[] {
  const e = c.employee as unknown as Record<string, unknown>;
  return IMPORT_COLUMNS_UPDATE.map((col) => {
    if (col.key === 'isStartupTarget') return e.isStartupTarget ? '1' : '0';
    if (col.key === 'assignmentStartDate' || col.key === 'contractStartDate') return null;
    if (col.master) {
      const id = c.assignment?.[col.key] ?? c.contract?.[col.key] ?? null;
      return id ? (codes.get(id) ?? null) : null;
    }
    const v = slashDate(e[col.key]);
    return v === null || v === undefined ? null : String(v);
  });
}

/** The rows in batches; `onEnd` gets the number exported once the last batch is out. */
async function* exportBatches(
  db: Database,
  ctx: Actor,
  query: ExportQuery,
  onEnd: (rows: number) => Promise<void>,
): AsyncGenerator<(string | null)[][]> {
  const today = todayInJapan();
  const codes = new Map((await db.asTenant(ctx.tenantId, findMastersForImport)).map((m) => [m.id, m.code]));
  const filter = await resolveEmployeeFilter(db, ctx, query, BATCH);
  let after: string | null = null;
  let total = 0;
  for (;;) {
    const batch: CurrentEmployee[] = await db.asTenant(ctx.tenantId, async (tx) => {
      const page = await findEmployeesByNumberAfter(tx, filter, today, after, BATCH);
      const current = await withLatestPeriods(tx, page);
      return page.flatMap((e) => current.get(e.employeeNumber!) ?? []);
    });
    if (batch.length > 0) yield batch.map((c) => toRow(c, codes));
    total += batch.length;
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1]!.employee.employeeNumber;
  }
  await onEnd(total);
}

/** The cells a Shift_JIS file of this export would lose characters from (see findCp932LossesOf). */
export function checkForUpdateCp932(db: Database, ctx: Actor, query: ExportQuery) {
  const columns = IMPORT_COLUMNS_UPDATE;
  return findCp932LossesOf(
    columns.map((c) => c.header),
    exportBatches(db, ctx, query, async () => {}),
  );
}

export async function exportForUpdate(
  db: Database,
  ctx: Actor,
  query: ExportQuery,
  format: TFileFormat,
): Promise<Readable> {
  const columns = IMPORT_COLUMNS_UPDATE;
  if (format === 'cp932') {
    // re-importing a file with 「?」 for 𠮷 would overwrite the name: refuse before writing
    const check = await checkForUpdateCp932(db, ctx, query);
    if (check.total > 0) throw cp932Refusal(check);
  }
  const batches = exportBatches(db, ctx, query, (rows) =>
    db.asTenant(ctx.tenantId, (tx) =>
      recordAudit(tx, ctx, {
        action: 'export',
        targetType: 'employee_list',
        after: { layout: '更新用ファイル', filter: query, rows, format },
      }),
    ),
  );
  if (format === 'xlsx')
    return streamXlsx({ sheetName: '従業員データ', columns, batches, lists: masterLists(db, ctx, columns) });
  return streamCsv(
    columns.map((c) => c.header),
    batches,
    format,
  );
}
