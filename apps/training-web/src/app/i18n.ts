// The training system's texts: the kit's, the shell's and each feature's, merged into one tree.
// Japanese is in the first download; English is its own chunk (resources-en.ts).
import { createI18n } from '@jinji/web-kit/i18n';
import { ja as kitJa, type TStringsOf } from '@jinji/web-kit/locales/ja';
import { ja as applicationsJa } from '../features/applications/locales/ja';
import { ja as authJa } from '../features/auth/locales/ja';
import { ja as coursesJa } from '../features/courses/locales/ja';
import { ja as integrationJa } from '../features/integration/locales/ja';
import { ja as usersJa } from '../features/users/locales/ja';
import { ja as appJa } from './locales/ja';

const ja = { ...kitJa, ...appJa, ...applicationsJa, ...authJa, ...coursesJa, ...integrationJa, ...usersJa };
export type TResources = TStringsOf<typeof ja>;

export const { ready: i18nReady } = createI18n({
  ja,
  load: { en: () => import('./resources-en').then((m) => m.en) },
  storageKey: 'jinji.training.lang',
});

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof ja };
  }
}
