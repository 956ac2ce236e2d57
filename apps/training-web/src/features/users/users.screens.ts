// 利用者情報 in the menu, for the システム権限 that may view users (the server refuses the rest on its own).
import type { TTrainingPermission } from '@jinji/contracts/training/access';
import { textsOf } from '@jinji/web-kit/i18n';
import type { AppScreens } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent } from '@tanstack/react-router';
import { ja } from './locales/ja';

export const userScreens = {
  texts: textsOf(ja, () => import('./locales/en').then((m) => m.en)),
  nav: [
    {
      label: 'users',
      to: '/users',
      permission: 'users.view',
      page: lazyRouteComponent(() => import('./components/users-page'), 'UsersPage'),
    },
  ],
} as const satisfies AppScreens<TTrainingPermission, string>;
