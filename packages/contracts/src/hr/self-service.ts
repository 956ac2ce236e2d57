// Self-service (R-SELF-1, R-SELF-2): マイページ and 従業員スタートアップ under /api/v1/me. No route takes
// an employee id: the employee is the signed-in account's own (user_accounts.employee_id). The input
// schemas are the employee master's own (employees.ts), so a rule is written once for HR and employee.
import { z } from 'zod';
import { ZCareerSection, ZContactsSection, ZEmployeeBasic, ZEmployeeBasicView, ZEmployeeDetail } from './employees';

/** ご自身の連絡先 on マイページ: the phone numbers (メールアドレス is the account's, changed by HR). */
export const ZMyContactsRequest = ZEmployeeBasic.pick({ phone: true, mobilePhone: true });
export type TMyContactsRequest = z.infer<typeof ZMyContactsRequest>;

/** スタートアップ's 基本情報: the address and phones; 氏名・生年月日 are HR's and shown read-only. */
const ADDRESS_KEYS = {
  postalCode: true,
  prefecture: true,
  city: true,
  street: true,
  building: true,
  phone: true,
  mobilePhone: true,
} as const;
export const ZStartupBasic = ZEmployeeBasic.pick(ADDRESS_KEYS);
export type TStartupBasic = z.infer<typeof ZStartupBasic>;

const str = z.string();
const strOrNull = z.string().nullable();

/** What マイページ shows: no 要配慮情報 (障がい, 賞罰) — the SPEC gives the employee none of it. */
export const ZMyProfile = z.object({
  employeeNumber: strOrNull,
  basic: ZEmployeeBasicView.pick({
    lastName: true,
    firstName: true,
    lastNameKana: true,
    firstNameKana: true,
    businessLastName: true,
    businessFirstName: true,
    birthDate: true,
    hireDate: true,
    email: true,
    postalCode: true,
    prefecture: true,
    city: true,
    street: true,
    building: true,
    phone: true,
    mobilePhone: true,
  }),
  contacts: ZEmployeeDetail.shape.contacts,
  career: ZEmployeeDetail.shape.career,
  /** the 資格・免許 master's valid rows: the choices of the licence input */
  licenseChoices: z.array(z.object({ id: str, code: str, name: str })),
  /** true: 従業員スタートアップ is still to be done (the flag is 1) */
  isStartupPending: z.boolean(),
});
export type TMyProfile = z.infer<typeof ZMyProfile>;

export const STARTUP_STEPS = ['prepare', 'start', 'basic', 'emergency', 'career', 'confirm'] as const;
export type TStartupStep = (typeof STARTUP_STEPS)[number];

/** The wizard's answers so far; a step not yet reached is absent. */
export const ZStartupDraftData = z.object({
  basic: ZStartupBasic.optional(),
  emergency: ZContactsSection.optional(),
  career: ZCareerSection.optional(),
});
export type TStartupDraftData = z.infer<typeof ZStartupDraftData>;

/**
 * Saves one step: `step` is where the employee resumes next time, `data` the answers of the step just
 * done (validated with the master's rules before the draft is written).
 */
export const ZStartupSaveRequest = z.discriminatedUnion('step', [
  z.object({ step: z.literal('prepare') }),
  z.object({ step: z.literal('start') }),
  z.object({ step: z.literal('basic') }),
  z.object({ step: z.literal('emergency'), basic: ZStartupBasic }),
  z.object({ step: z.literal('career'), emergency: ZContactsSection }),
  z.object({ step: z.literal('confirm'), career: ZCareerSection }),
]);
export type TStartupSaveRequest = z.infer<typeof ZStartupSaveRequest>;

const draftView = z.object({
  basic: ZEmployeeBasicView.pick(ADDRESS_KEYS).optional(),
  emergency: ZEmployeeDetail.shape.contacts.optional(),
  career: ZEmployeeDetail.shape.career.optional(),
});

export const ZStartupState = z.object({
  /** false: nothing to do (the flag is 0, or it was completed) — the web goes to マイページ */
  isPending: z.boolean(),
  step: z.enum(STARTUP_STEPS),
  draft: draftView,
  profile: ZMyProfile,
});
export type TStartupState = z.infer<typeof ZStartupState>;

export const ZStartupCompleteResponse = z.object({ completedAt: str });
