// コード設定 (R-CODE-1). generateCodes implements the seed's two tables; employee registration and
// bulk import only call it:
//   ログインID  直接入力: as entered | 社員番号: same string as the 社員番号 | ユーザー設定: from the rule
//   社員番号    直接入力: as entered | ユーザー設定: from the rule
//   bulk *new* registration: the setting wins even when the file has a value; bulk *update*: untouched.
import { actingUserOf } from '@jinji/auth/actor';
import { DEFAULT_CODE_SETTINGS, formatCode, type TCodeSettings } from '@jinji/contracts/hr/code-settings';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { auditDiff, recordAudit } from '../audit/audit.service';
import { findCodeSettings, peekSequences, takeSequence, upsertCodeSettings } from './code-settings.repository';

export type CodeOperation = 'single' | 'bulk_new' | 'bulk_update';
/** `isSystemUse: false` (社員番号/ユーザー設定 modes): no ログインID is made, and no rule number is taken. */
export type CodeInput = {
  employeeNumber: string | null;
  loginId: string | null;
  hireDate: string | null;
  isSystemUse?: boolean;
};
export type CodeOutput = { employeeNumber: string | null; loginId: string | null };

const hireYear = (d: string | null) => (d ? Number(d.slice(0, 4)) : null);

/** Runs inside the caller's transaction so numbers taken by a rolled-back registration are not reused. */
export async function generateCodes(
  tx: Tx,
  tenantId: string,
  operation: CodeOperation,
  items: CodeInput[],
): Promise<CodeOutput[]> {
  if (operation === 'bulk_update') return items.map(({ employeeNumber, loginId }) => ({ employeeNumber, loginId }));
  const s = (await findCodeSettings(tx)) ?? DEFAULT_CODE_SETTINGS;
  const direct = codesWithoutSequence(s, items);
  if (direct) return direct;

  let employeeNumbers = items.map((i) => i.employeeNumber);
  if (s.employeeNumberMode === 'rule' && s.employeeNumberRule && items.length > 0) {
    const rule = s.employeeNumberRule;
    const first = await takeSequence(tx, tenantId, 'employee_number', items.length);
    employeeNumbers = items.map((item, i) => formatCode(rule, first + i, hireYear(item.hireDate)));
  }

  const uses = (item: CodeInput) => item.isSystemUse !== false;
  let loginIds = items.map((i) => i.loginId);
  if (s.loginIdMode === 'employee_number') loginIds = items.map((item, i) => (uses(item) ? employeeNumbers[i]! : null));
  else if (s.loginIdMode === 'rule' && s.loginIdRule) {
    const rule = s.loginIdRule;
    const count = items.filter(uses).length;
    let next = count > 0 ? await takeSequence(tx, tenantId, 'login_id', count) : 0;
    loginIds = items.map((item) => (uses(item) ? formatCode(rule, next++, hireYear(item.hireDate)) : null));
  }
  return items.map((_, i) => ({ employeeNumber: employeeNumbers[i] ?? null, loginId: loginIds[i] ?? null }));
}

/**
 * generateCodes when no rule numbers anything (直接入力, ログインID = 社員番号): no database needed, so a
 * bulk import can compute them while it parses. Null when a ユーザー設定 rule takes sequence numbers.
 */
export function codesWithoutSequence(s: TCodeSettings, items: CodeInput[]): CodeOutput[] | null {
  if ((s.employeeNumberMode === 'rule' && s.employeeNumberRule) || (s.loginIdMode === 'rule' && s.loginIdRule))
    return null;
  const byNumber = s.loginIdMode === 'employee_number';
  return items.map((item) => {
    const employeeNumber = item.employeeNumber ?? null;
    const loginId = byNumber ? (item.isSystemUse !== false ? employeeNumber : null) : (item.loginId ?? null);
    return { employeeNumber, loginId };
  });
}

/**
 * The ログインID of an employee registered earlier who starts using the system: the ログインID half of
 * コード設定 only (直接入力: as entered, 社員番号: the 社員番号, ユーザー設定: the next number of the rule).
 */
export async function generateLoginIdFor(
  tx: Tx,
  tenantId: string,
  e: { employeeNumber: string | null; loginId: string | null; hireDate: string },
): Promise<string | null> {
  const s = (await findCodeSettings(tx)) ?? DEFAULT_CODE_SETTINGS;
  if (s.loginIdMode === 'employee_number') return e.employeeNumber;
  if (s.loginIdMode === 'rule' && s.loginIdRule)
    return formatCode(s.loginIdRule, await takeSequence(tx, tenantId, 'login_id', 1), hireYear(e.hireDate));
  return e.loginId;
}

/** Inside the caller's transaction (PGlite has one connection: a second transaction would wait). */
export async function findCodeSettingsIn(tx: Tx): Promise<TCodeSettings> {
  return (await findCodeSettings(tx)) ?? DEFAULT_CODE_SETTINGS;
}

/** For background jobs, which have a tenant but no session. */
export async function getTenantCodeSettings(db: Database, tenantId: string): Promise<TCodeSettings> {
  return (await db.asTenant(tenantId, findCodeSettings)) ?? DEFAULT_CODE_SETTINGS;
}

export async function getCodeSettings(db: Database, ctx: Actor) {
  return db.asTenant(ctx.tenantId, async (tx) => {
    const settings = (await findCodeSettings(tx)) ?? DEFAULT_CODE_SETTINGS;
    const next = await peekSequences(tx);
    return { settings, next: { loginId: next.login_id ?? 1, employeeNumber: next.employee_number ?? 1 } };
  });
}

export async function updateCodeSettings(db: Database, ctx: Actor, settings: TCodeSettings) {
  // A rule is kept only for the mode that uses it.
  const clean: TCodeSettings = {
    loginIdMode: settings.loginIdMode,
    loginIdRule: settings.loginIdMode === 'rule' ? settings.loginIdRule : null,
    employeeNumberMode: settings.employeeNumberMode,
    employeeNumberRule: settings.employeeNumberMode === 'rule' ? settings.employeeNumberRule : null,
  };
  await db.asTenant(ctx.tenantId, async (tx) => {
    const change = auditDiff((await findCodeSettings(tx)) ?? DEFAULT_CODE_SETTINGS, clean);
    await upsertCodeSettings(tx, ctx.tenantId, clean, actingUserOf(ctx).userId);
    if (change) await recordAudit(tx, ctx, { action: 'update', targetType: 'code_settings', ...change });
  });
  return getCodeSettings(db, ctx);
}
