// HR's texts: the kit's, the shell's (app/locales) and each feature's own (features/<slice>/locales),
// merged into one tree. Japanese is in the first download; English is its own chunk (resources-en.ts).
import { createI18n } from '@jinji/web-kit/i18n';
import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import { ja as kitJa } from '@jinji/web-kit/locales/ja';
import { ja as accessJa } from '../features/access/locales/ja';
import { ja as auditLogsJa } from '../features/audit-logs/locales/ja';
import { ja as authJa } from '../features/auth/locales/ja';
import { ja as codeSettingsJa } from '../features/code-settings/locales/ja';
import { ja as dashboardJa } from '../features/dashboard/locales/ja';
import { ja as employeesJa } from '../features/employees/locales/ja';
import { ja as importsJa } from '../features/imports/locales/ja';
import { ja as mailsJa } from '../features/mails/locales/ja';
import { ja as mastersJa } from '../features/masters/locales/ja';
import { ja as myStoryJa } from '../features/my-story/locales/ja';
import { ja as passwordJa } from '../features/password/locales/ja';
import { ja as profileSheetJa } from '../features/profile-sheet/locales/ja';
import { ja as recordsJa } from '../features/records/locales/ja';
import { ja as requestsJa } from '../features/requests/locales/ja';
import { ja as setupJa } from '../features/setup/locales/ja';
import { ja as appJa } from './locales/ja';

const ja = {
  ...kitJa,
  ...appJa,
  ...setupJa,
  ...authJa,
  ...mastersJa,
  ...codeSettingsJa,
  ...accessJa,
  ...dashboardJa,
  ...employeesJa,
  ...importsJa,
  ...auditLogsJa,
  ...mailsJa,
  ...passwordJa,
  ...myStoryJa,
  ...requestsJa,
  ...recordsJa,
  ...profileSheetJa,
};
export type TResources = TStringsOf<typeof ja>;

export const { ready: i18nReady } = createI18n({
  ja,
  // English is fetched when chosen: most users never need it, and it is not part of the first paint.
  load: { en: () => import('./resources-en').then((m) => m.en) },
  storageKey: 'jinji.lang',
});

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof ja };
  }
}
