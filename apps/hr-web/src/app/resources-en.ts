// Every English text of HR, one chunk fetched when the user picks English (see i18n.ts).
import { en as kitEn } from '@jinji/web-kit/locales/en';
import { en as accessEn } from '../features/access/locales/en';
import { en as auditLogsEn } from '../features/audit-logs/locales/en';
import { en as authEn } from '../features/auth/locales/en';
import { en as codeSettingsEn } from '../features/code-settings/locales/en';
import { en as dashboardEn } from '../features/dashboard/locales/en';
import { en as employeesEn } from '../features/employees/locales/en';
import { en as importsEn } from '../features/imports/locales/en';
import { en as mailsEn } from '../features/mails/locales/en';
import { en as mastersEn } from '../features/masters/locales/en';
import { en as myStoryEn } from '../features/my-story/locales/en';
import { en as passwordEn } from '../features/password/locales/en';
import { en as profileSheetEn } from '../features/profile-sheet/locales/en';
import { en as recordsEn } from '../features/records/locales/en';
import { en as requestsEn } from '../features/requests/locales/en';
import { en as setupEn } from '../features/setup/locales/en';
import type { TResources } from './i18n';
import { en as appEn } from './locales/en';

export const en: TResources = {
  ...kitEn,
  ...appEn,
  ...setupEn,
  ...authEn,
  ...mastersEn,
  ...codeSettingsEn,
  ...accessEn,
  ...dashboardEn,
  ...employeesEn,
  ...importsEn,
  ...auditLogsEn,
  ...mailsEn,
  ...passwordEn,
  ...myStoryEn,
  ...requestsEn,
  ...recordsEn,
  ...profileSheetEn,
};
