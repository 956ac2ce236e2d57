// The applications' menu entries (申込一覧, 承認待ち, 研修・サービス購入履歴, 受講者詳細), each for the システム権限
// that holds its permission, and the お申込みフォーム beyond the menu. Every page is a chunk of its own.
import type { TTrainingPermission } from '@jinji/contracts/training/access';
import { textsOf } from '@jinji/web-kit/i18n';
import type { AppScreens } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent } from '@tanstack/react-router';
import { ja } from './locales/ja';

export const applicationScreens = {
  texts: textsOf(ja, () => import('./locales/en').then((m) => m.en)),
  nav: [
    {
      label: 'applications',
      to: '/applications',
      permission: 'applications.apply',
      page: lazyRouteComponent(() => import('./components/applications-page'), 'ApplicationsPage'),
    },
    {
      label: 'approvals',
      to: '/approvals',
      permission: 'applications.approve',
      page: lazyRouteComponent(() => import('./components/approvals-page'), 'ApprovalsPage'),
    },
    {
      label: 'purchases',
      to: '/purchases',
      permission: 'applications.apply',
      page: lazyRouteComponent(() => import('./components/purchases-page'), 'PurchasesPage'),
    },
    {
      label: 'attendees',
      to: '/attendees',
      permission: 'applications.manage',
      page: lazyRouteComponent(() => import('./components/attendees-page'), 'AttendeesPage'),
    },
  ],
  pages: [
    {
      path: '/applications/new',
      title: 'applications.formTitle',
      page: lazyRouteComponent(() => import('./components/application-form-page'), 'ApplicationFormPage'),
    },
  ],
} as const satisfies AppScreens<TTrainingPermission, string>;
