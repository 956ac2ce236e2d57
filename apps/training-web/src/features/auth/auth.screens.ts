// The auth feature's part of the app's frame: who is signed in (the me query, the header's names, what
// the user may open) and the public pages — /login, and 【ログイン情報送付】's link with its labels.
import type { TTrainingMeResponse } from '@jinji/contracts/training/auth';
import type { AppRouterOptions } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent } from '@tanstack/react-router';
import { allows, meQueryOptions } from './api/auth';

export const authScreens = {
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
