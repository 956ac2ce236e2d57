// The course-application system's web: the kit's flat-menu app with the auth feature's frame (who is signed
// in, /login), the frame's own texts (app/locales: the menu labels) and the features in the menu's order (the
// seed's), each with its menu entries, its pages beyond the menu and its texts; auth has no menu entry.
import { mountFlatMenuApp, type TFlatMenuTexts } from '@jinji/web-kit/ui/flat-menu-app';
import { ja } from './app/locales/ja';
import { applicationScreens } from './features/applications/applications.screens';
import { authFeature, authFrame } from './features/auth/auth.screens';
import { courseScreens } from './features/courses/courses.screens';
import { integrationScreens } from './features/integration/integration.screens';
import { userScreens } from './features/users/users.screens';

const features = [authFeature, userScreens, courseScreens, applicationScreens, integrationScreens] as const;
const en = () => import('./app/locales/en').then((m) => m.en);
mountFlatMenuApp({ color: 'teal', storageKey: 'jinji.training.lang', texts: { ja, en }, ...authFrame, features });

// What makes t('…') keys type-checked in every file of the app.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: TFlatMenuTexts<typeof ja, typeof features> };
  }
}
