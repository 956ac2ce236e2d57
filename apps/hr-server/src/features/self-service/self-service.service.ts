// Self-service (R-SELF-1 従業員スタートアップ, R-SELF-2 マイページ): the signed-in employee on their own
// record only. The employee is always the session's (requireOwnEmployeeId), never an id from the
// request; every write goes through the employee slice's own functions (the same rules, the same audit
// rows, with the employee's account as the actor). Nothing here returns 要配慮情報: the record is read as
// 一般 (getOwnEmployee), whatever admin roles the account also holds.

import type { ZCareerSection, ZContactsSection } from '@jinji/contracts/hr/employees';
import {
  STARTUP_STEPS,
  type TMyContactsRequest,
  type TMyProfile,
  type TStartupDraftData,
  type TStartupSaveRequest,
  type TStartupState,
  type TStartupStep,
} from '@jinji/contracts/hr/self-service';
import { AppError } from '@jinji/server-kit/app-error';
import type { z } from 'zod';
import type { Database, Tx } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { recordAudit } from '../audit/audit.service';
import { requireOwnEmployeeId } from '../auth/auth.service';
import {
  checkSectionRefsIn,
  getEmployeeRowIn,
  getOwnEmployee,
  markStartupCompletedIn,
  replaceSectionIn,
  updateSelfFilledIn,
} from '../employees/employees.service';
import { listMasters } from '../masters/masters.service';
import { deleteStartupDraft, findStartupDraft, saveStartupDraft } from './self-service.repository';

const ownId = (db: Database, ctx: Actor) => db.asTenant(ctx.tenantId, (tx) => requireOwnEmployeeId(tx, ctx));

// ---- マイページ ---------------------------------------------------------------------------------------

export async function getMyProfile(db: Database, ctx: Actor): Promise<TMyProfile> {
  const id = await ownId(db, ctx);
  const e = await getOwnEmployee(db, ctx, id);
  const licenses = await listMasters(db, ctx, 'license', { includeInvalid: false, page: 1, pageSize: 500 });
  const b = e.basic;
  return {
    employeeNumber: e.employeeNumber,
    basic: {
      lastName: b.lastName,
      firstName: b.firstName,
      lastNameKana: b.lastNameKana,
      firstNameKana: b.firstNameKana,
      businessLastName: b.businessLastName,
      businessFirstName: b.businessFirstName,
      birthDate: b.birthDate,
      hireDate: b.hireDate,
      email: b.email,
      postalCode: b.postalCode,
      prefecture: b.prefecture,
      city: b.city,
      street: b.street,
      building: b.building,
      phone: b.phone,
      mobilePhone: b.mobilePhone,
    },
    contacts: e.contacts,
    career: e.career,
    licenseChoices: licenses.items.map(({ id, code, name }) => ({ id, code, name })),
    isStartupPending: b.isStartupTarget,
  };
}

/** ご自身の連絡先 (電話番号, 携帯電話番号). */
export async function updateMyContacts(db: Database, ctx: Actor, input: TMyContactsRequest): Promise<TMyProfile> {
  await db.asTenant(ctx.tenantId, async (tx) => {
    await updateSelfFilledIn(tx, ctx, await requireOwnEmployeeId(tx, ctx), input);
  });
  return getMyProfile(db, ctx);
}

type MySections = { contacts: z.infer<typeof ZContactsSection>; career: z.infer<typeof ZCareerSection> };

/** 緊急連絡先, or 学歴・職歴・資格免許: the whole list, as HR's detail page writes it. */
export async function replaceMySection<S extends keyof MySections>(
  db: Database,
  ctx: Actor,
  section: S,
  input: MySections[S],
): Promise<TMyProfile> {
  await db.asTenant(ctx.tenantId, async (tx) => {
    // S is contacts or career: their inputs are exactly the section schemas' outputs
    await replaceSectionIn(
      tx,
      ctx,
      await requireOwnEmployeeId(tx, ctx),
      section as 'contacts',
      input as MySections['contacts'],
    );
  });
  return getMyProfile(db, ctx);
}

// ---- 従業員スタートアップ -------------------------------------------------------------------------------

const isStep = (s: string): s is TStartupStep => (STARTUP_STEPS as readonly string[]).includes(s);

export async function getStartup(db: Database, ctx: Actor): Promise<TStartupState> {
  const profile = await getMyProfile(db, ctx);
  const draft = await db.asTenant(ctx.tenantId, async (tx) =>
    findStartupDraft(tx, await requireOwnEmployeeId(tx, ctx)),
  );
  return {
    isPending: profile.isStartupPending,
    step: draft && isStep(draft.step) ? draft.step : 'prepare',
    draft: (draft?.data ?? {}) as TStartupState['draft'],
    profile,
  };
}

async function requirePending(tx: Tx, id: string) {
  if (!(await getEmployeeRowIn(tx, id)).isStartupTarget)
    throw new AppError('CONFLICT', '従業員スタートアップは完了しています。変更はマイページから行ってください');
}

/**
 * One step done: its answers (already checked by the master's schemas; licences against the master
 * here) join the draft, and `step` is where the employee resumes. The master is not touched.
 */
export async function saveStartupStep(db: Database, ctx: Actor, input: TStartupSaveRequest): Promise<TStartupState> {
  await db.asTenant(ctx.tenantId, async (tx) => {
    const id = await requireOwnEmployeeId(tx, ctx);
    await requirePending(tx, id);
    const { step, ...answers } = input;
    if ('career' in answers) await checkSectionRefsIn(tx, 'career', answers.career);
    const current = ((await findStartupDraft(tx, id))?.data ?? {}) as TStartupDraftData;
    await saveStartupDraft(tx, { tenantId: ctx.tenantId, employeeId: id, step, data: { ...current, ...answers } });
    // the values reach the audit trail once, when they reach the master; here only the progress
    await recordAudit(tx, ctx, {
      action: 'update',
      targetType: 'startup_draft',
      targetId: id,
      after: { step, saved: Object.keys(answers) },
    });
  });
  return getStartup(db, ctx);
}

/**
 * 【この内容で登録する】: the draft reaches the master in one transaction — 基本情報 (住所, phones),
 * 緊急連絡先, 学歴・職歴・資格免許 — each audited as the employee, then the flag clears and the draft
 * goes. A step missing (or a licence made invalid since) refuses the whole, nothing written.
 */
export async function completeStartup(db: Database, ctx: Actor): Promise<{ completedAt: string }> {
  const at = new Date();
  await db.asTenant(ctx.tenantId, async (tx) => {
    const id = await requireOwnEmployeeId(tx, ctx);
    await requirePending(tx, id);
    const draft = ((await findStartupDraft(tx, id))?.data ?? {}) as TStartupDraftData;
    const missing = (
      [
        ['basic', '基本情報'],
        ['emergency', '緊急連絡先'],
        ['career', '学歴・職歴・資格免許'],
      ] as const
    ).filter(([key]) => !draft[key]);
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        `${missing.map(([, label]) => label).join('、')}の入力が終わっていません`,
        missing.map(([key, label]) => ({ path: key, message: `${label}を入力してください` })),
      );
    await updateSelfFilledIn(tx, ctx, id, draft.basic!);
    await replaceSectionIn(tx, ctx, id, 'contacts', draft.emergency!);
    await replaceSectionIn(tx, ctx, id, 'career', draft.career!);
    await markStartupCompletedIn(tx, ctx, id, at);
    await deleteStartupDraft(tx, id);
  });
  return { completedAt: at.toISOString() };
}
