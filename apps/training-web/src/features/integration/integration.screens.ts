// 連携設定 (HR's SCIM tokens) in the menu, for the システム権限 that manages the integration.
import type { TTrainingPermission } from '@jinji/contracts/training/access';
import { textsOf } from '@jinji/web-kit/i18n';
import type { AppScreens } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent } from '@tanstack/react-router';
import { ja } from './locales/ja';

export const integrationScreens = {
  texts: textsOf(ja, () => import('./locales/en').then((m) => m.en)),
  nav: [
    {
      label: 'integration',
      to: '/integration',
      permission: 'integration.manage',
      page: lazyRouteComponent(() => import('./components/integration-page'), 'IntegrationPage'),
    },
  ],
} as const satisfies AppScreens<TTrainingPermission, string>;
