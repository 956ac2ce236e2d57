// PLACEHOLDER (lead, 2026-12-02): the 個人プロフィール slice replaces this file with the real sheet. It exists so
// that the batch output (ZIP of sheets, job with progress) can be built against the one function it calls.
import { existsSync, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { TProfileOutputOverrides } from '@jinji/contracts/hr/profile-sheet';
import { formatDateTime } from '@jinji/ja/text';
import PDFDocument from 'pdfkit';
import type { Database } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import { getEmployee } from '../employees/employees.service';

// PLACEHOLDER body (batch branch): a system Noto CJK font if there is one, read once
const FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
let font: Buffer | null | undefined;
const fontOf = () => {
  if (font === undefined) font = existsSync(FONT_PATH) ? readFileSync(FONT_PATH) : null;
  return font;
};

/**
 * Writes one employee's 個人プロフィール PDF to `out` (not ending it), under the actor's access and the tenant's
 * settings with `overrides` applied; audit-logs the output. Throws AppError NOT_FOUND for an employee the actor
 * cannot see.
 */
export async function writeProfileSheet(
  db: Database,
  actor: Actor,
  employeeId: string,
  overrides: TProfileOutputOverrides | undefined,
  out: Writable,
): Promise<void> {
  // PLACEHOLDER body (batch branch): 社員番号 and 氏名 on one page, and the audit row of the output
  const e = await getEmployee(db, actor, employeeId, false);
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: '個人プロフィール' } });
  const f = fontOf();
  if (f) doc.font(f, 'NotoSansCJKjp-Regular');
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => out.write(chunk));
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.fontSize(16).text('個人プロフィール（仮）');
  doc.fontSize(10).text(`出力日：${formatDateTime(new Date().toISOString())}`);
  doc.fontSize(12).text(`社員番号：${e.employeeNumber ?? '-'}`);
  doc.text(`氏名：${e.basic.lastName} ${e.basic.firstName}`);
  doc.end();
  await ended;
  await db.asTenant(actor.tenantId, (tx) =>
    recordAudit(tx, actor, {
      action: 'export',
      targetType: 'employee',
      targetId: employeeId,
      after: { output: 'profile_sheet', personalItems: overrides?.personalItems ?? null },
    }),
  );
}
