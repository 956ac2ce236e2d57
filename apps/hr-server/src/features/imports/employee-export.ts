// R-IMP-5/6 of issue 5: every employee field in the 「更新用ファイル」 layout, so export → edit in Excel →
// import round-trips. Masters are written as codes (unique, unlike names); 適用日 columns stay empty,
// so an unchanged row changes nothing.
import type { TEmployeeListQuery } from '@jinji/contracts/employees';
import { IMPORT_COLUMNS_UPDATE } from '@jinji/contracts/imports';
import type { Database } from '../../db/client';
import type { AuthContext } from '../../lib/auth-context';
import { encodeCsv } from '../../lib/csv';
import { buildXlsx } from '../../lib/xlsx';
import { insertAudit } from '../employees/employees.repository';
import { listEmployees } from '../employees/employees.service';
import { findCurrentByNumbers, findMastersForImport } from './imports.repository';
import type { TemplateFormat } from './imports.service';

const EXPORT_MAX = 200_000;
const slashDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v.replaceAll('-', '/') : v);

export async function exportForUpdate(
  db: Database,
  ctx: AuthContext,
  query: Omit<TEmployeeListQuery, 'page' | 'pageSize'>,
  format: TemplateFormat,
): Promise<Buffer> {
  const columns = IMPORT_COLUMNS_UPDATE;
  const rows: (string | null)[][] = [];
  const codes = new Map((await db.asTenant(ctx.tenantId, findMastersForImport)).map((m) => [m.id, m.code]));
  const pageSize = 1000;
  for (let page = 1; (page - 1) * pageSize < EXPORT_MAX; page++) {
    const res = await listEmployees(db, ctx, { ...query, page, pageSize });
    // an employee without 社員番号 cannot be found by an update file, so it is not exported
    const numbers = res.items.flatMap((e) => (e.employeeNumber ? [e.employeeNumber] : []));
    const current = await db.asTenant(ctx.tenantId, (tx) => findCurrentByNumbers(tx, numbers));
    for (const n of numbers) {
      const c = current.get(n);
      if (!c) continue;
      const e = c.employee as unknown as Record<string, unknown>;
      rows.push(
        columns.map((col) => {
          if (col.key === 'isStartupTarget') return e.isStartupTarget ? '1' : '0';
          if (col.key === 'assignmentStartDate' || col.key === 'contractStartDate') return null;
          if (col.master) {
            const id = c.assignment?.[col.key] ?? c.contract?.[col.key] ?? null;
            return id ? (codes.get(id) ?? null) : null;
          }
          const v = slashDate(e[col.key]);
          return v === null || v === undefined ? null : String(v);
        }),
      );
    }
    if (res.items.length < pageSize) break;
  }
  await db.asTenant(ctx.tenantId, (tx) =>
    insertAudit(tx, {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      actorLoginId: ctx.loginId,
      action: 'export',
      targetType: 'employee_list',
      after: { layout: '更新用ファイル', filter: query, rows: rows.length, format },
    }),
  );
  if (format === 'xlsx') return buildXlsx({ sheetName: '従業員データ', columns, rows });
  return encodeCsv([columns.map((c) => c.header), ...rows], format);
}
