// The auth feature's part of the app's frame (authFrame): who is signed in (the me query, the header's names, what
// the user may open) and the public pages — /login, and 【ログイン情報送付】's link with its labels.
import type { TTrainingMeResponse } from '@jinji/contracts/training/auth';
import { textsOf } from '@jinji/web-kit/i18n';
import type { AppRouterOptions, AppScreens } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent } from '@tanstack/react-router';
import { allows, meQueryOptions } from './api/auth';
import { ja } from './locales/ja';

export const authFrame = {
  me: meQueryOptions,
  userName: (me) => me.user.displayName,
  tenantName: (me) => me.organization.name,
  allows,
  loginPage: lazyRouteComponent(() => import('./components/login-page'), 'LoginPage'),
  passwordLink: {
    codeLabelKey: 'login.organizationCode',
    loginIdLabelKey: 'login.loginId',
    codeSearchKey: 'organizationCode',
  },
} satisfies Partial<AppRouterOptions<TTrainingMeResponse>>;

/** The feature in the app's list (main.tsx): its texts; it has no menu entry. */
export const authFeature = {
  texts: textsOf(ja, () => import('./locales/en').then((m) => m.en)),
} as const satisfies AppScreens<string, string>;
