// 連携設定 (HR's SCIM tokens) in the menu, for the システム権限 that manages the integration.
import type { TTrainingPermission } from '@jinji/contracts/training/access';
import type { AppScreens } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent } from '@tanstack/react-router';

export const integrationScreens: AppScreens<TTrainingPermission> = {
  nav: [
    {
      label: 'integration',
      to: '/integration',
      permission: 'integration.manage',
      page: lazyRouteComponent(() => import('./components/integration-page'), 'IntegrationPage'),
    },
  ],
};
