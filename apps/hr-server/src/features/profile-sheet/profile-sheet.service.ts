// 個人プロフィール (R-PROF-1): the tenant's 個人プロフィール出力設定 and the sheet itself. The sheet is read in
// one transaction into a plain model (profile-sheet.model) under the actor's access, audit-logged there
// (who printed whose sheet), then laid out by the renderer. docs/decisions/020-profile-sheet.md.
import type { Writable } from 'node:stream';
import { actingUserOf } from '@jinji/auth/actor';
import { isAllowed } from '@jinji/contracts/hr/access';
import {
  applyOverrides,
  DEFAULT_PROFILE_SETTINGS,
  PROFILE_PERSONAL_ITEMS,
  resolveRange,
  SENSITIVE_PERSONAL_ITEMS,
  type TProfileOutputOverrides,
  type TProfilePersonalItem,
  type TProfileSettings,
  type TProfileSettingsResponse,
  ZProfileOutputOverrides,
  ZProfileSettings,
} from '@jinji/contracts/hr/profile-sheet';
import { todayInJapan } from '@jinji/ja/text';
import { AppError } from '@jinji/server-kit/app-error';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { findAttendanceMonthsIn } from '../attendance/attendance.service';
import { auditDiff, recordAudit } from '../audit/audit.service';
import { getEmployeeIn } from '../employees/employees.service';
import { findProfileInterviewsIn, findProfileRecordsIn, listRecordCategoriesIn } from '../records/records.service';
import { buildSheetModel, type SheetModel } from './profile-sheet.model';
import { renderProfileSheet } from './profile-sheet.render';
import { findSettingsRow, upsertSettingsRow } from './profile-sheet.repository';

const requireView = (ctx: Actor) => {
  if (!isAllowed(ctx.roles, 'employees.view')) throw new AppError('FORBIDDEN');
};

/** The saved settings, or the defaults (a row written by an older version falls back key by key). */
async function effectiveSettingsIn(tx: Tx): Promise<{ settings: TProfileSettings; updatedAt: Date | null }> {
  const row = await findSettingsRow(tx);
  if (!row) return { settings: DEFAULT_PROFILE_SETTINGS, updatedAt: null };
  const parsed = ZProfileOutputOverrides.safeParse(row.settings);
  return {
    settings: applyOverrides(DEFAULT_PROFILE_SETTINGS, parsed.success ? parsed.data : {}),
    updatedAt: row.updatedAt,
  };
}

export async function getProfileSettings(db: Database, ctx: Actor): Promise<TProfileSettingsResponse> {
  requireView(ctx);
  return db.asTenant(ctx.tenantId, async (tx) => {
    const { settings, updatedAt } = await effectiveSettingsIn(tx);
    return {
      settings,
      isDefault: updatedAt === null,
      updatedAt: updatedAt?.toISOString() ?? null,
      categories: await listRecordCategoriesIn(tx, ctx),
      canEdit: isAllowed(ctx.roles, 'employees.profile_settings'),
    };
  });
}

export async function updateProfileSettings(
  db: Database,
  ctx: Actor,
  input: TProfileSettings,
): Promise<TProfileSettingsResponse> {
  if (!isAllowed(ctx.roles, 'employees.profile_settings')) throw new AppError('FORBIDDEN');
  const settings = ZProfileSettings.parse(input);
  await db.asTenant(ctx.tenantId, async (tx) => {
    if (settings.recordCategoryIds) {
      const known = new Set((await listRecordCategoriesIn(tx, ctx)).map((c) => c.id));
      if (settings.recordCategoryIds.some((id) => !known.has(id)))
        throw new AppError('VALIDATION_FAILED', '応対記録の大区分の指定が正しくありません', [
          { path: 'recordCategoryIds', message: '応対記録の大区分の指定が正しくありません' },
        ]);
    }
    const before = (await effectiveSettingsIn(tx)).settings;
    const change = auditDiff(before, settings);
    await upsertSettingsRow(tx, ctx.tenantId, settings, actingUserOf(ctx).userId);
    if (change) await recordAudit(tx, ctx, { action: 'update', targetType: 'profile_sheet_settings', ...change });
  });
  return getProfileSettings(db, ctx);
}

const printedByOf = (ctx: Actor) =>
  'displayName' in ctx && typeof ctx.displayName === 'string' ? ctx.displayName : (actingUserOf(ctx).loginId ?? '-');

/**
 * The sheet of one employee as the actor may see it, with the output audit-logged in the same transaction.
 * NOT_FOUND for an employee the actor cannot see (another tenant's, a deleted one).
 */
export async function loadProfileSheet(
  db: Database,
  ctx: Actor,
  employeeId: string,
  overrides: TProfileOutputOverrides | undefined,
  now = new Date(),
): Promise<SheetModel> {
  requireView(ctx);
  const today = todayInJapan(now);
  const canSeeSensitive = isAllowed(ctx.roles, 'employees.sensitive');
  return db.asTenant(ctx.tenantId, async (tx) => {
    const settings = applyOverrides(
      (await effectiveSettingsIn(tx)).settings,
      ZProfileOutputOverrides.parse(overrides ?? {}),
    );
    const detail = await getEmployeeIn(tx, ctx, employeeId, false);
    const printed = new Set<TProfilePersonalItem>(
      PROFILE_PERSONAL_ITEMS.filter(
        (item) =>
          settings.personalItems.includes(item) && (canSeeSensitive || !SENSITIVE_PERSONAL_ITEMS.includes(item)),
      ),
    );
    const recordRange = resolveRange(settings.recordRange, today);
    const interviewRange = resolveRange(settings.interviewRange, today);
    // 直近3か月: the three months before the output's month
    const month = (back: number) => {
      const [y, m] = today.split('-').map(Number) as [number, number];
      const d = new Date(Date.UTC(y, m - 1 - back, 1));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    const attendance = await findAttendanceMonthsIn(tx, employeeId, month(3), month(1));
    const records = await findProfileRecordsIn(tx, ctx, {
      employeeId,
      categoryIds: settings.recordCategoryIds,
      ...recordRange,
      limit: settings.recordLimit,
    });
    const interviews = await findProfileInterviewsIn(tx, ctx, {
      employeeId,
      ...interviewRange,
      limit: settings.interviewLimit,
    });
    const sensitiveRecordIds = records.filter((r) => r.isSensitive).map((r) => r.id);
    await recordAudit(tx, ctx, {
      action: 'export',
      targetType: 'employee',
      targetId: employeeId,
      after: {
        document: '個人プロフィール',
        personalItems: [...printed],
        recordIds: records.map((r) => r.id),
        interviewIds: interviews.map((i) => i.recordId),
      },
    });
    if (sensitiveRecordIds.length > 0 || (printed.has('disabilityAwards') && detail.sensitive))
      await recordAudit(tx, ctx, {
        action: 'view_sensitive',
        targetType: 'employee',
        targetId: employeeId,
        after: {
          screen: '個人プロフィール出力',
          recordIds: sensitiveRecordIds,
          sections: printed.has('disabilityAwards') ? ['disabilities', 'awards'] : [],
        },
        isSensitive: true,
      });
    return buildSheetModel({
      detail,
      attendance,
      records,
      interviews,
      printed,
      recordRange,
      interviewRange,
      printedAt: now,
      printedBy: printedByOf(ctx),
      today,
    });
  });
}

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
  const model = await loadProfileSheet(db, actor, employeeId, overrides);
  await renderProfileSheet(model, out);
}
