// The course-application system's screens: /login, and its menu in the seed's order, every page 準備中
// until its issue (the kit's flat-menu router and frame), and the お申込みフォーム outside the menu.
import { createAppRouter } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent, type RouteComponent } from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/api/auth';
import type { TResources } from './i18n';

const nav = (label: Exclude<keyof TResources['nav'], 'main'>, to: `/${string}`, page?: RouteComponent) => ({
  label,
  to,
  page,
});

export const { router, queryClient } = createAppRouter({
  color: 'teal',
  me: meQueryOptions,
  userName: (me) => me.user.displayName,
  tenantName: (me) => me.organization.name,
  loginPage: lazyRouteComponent(() => import('../features/auth/components/login-page'), 'LoginPage'),
  nav: [
    nav('users', '/users'),
    nav('courses', '/courses'),
    nav(
      'applications',
      '/applications',
      lazyRouteComponent(() => import('../features/applications/components/applications-page'), 'ApplicationsPage'),
    ),
    nav(
      'approvals',
      '/approvals',
      lazyRouteComponent(() => import('../features/applications/components/approvals-page'), 'ApprovalsPage'),
    ),
    nav(
      'purchases',
      '/purchases',
      lazyRouteComponent(() => import('../features/applications/components/purchases-page'), 'PurchasesPage'),
    ),
    nav(
      'attendees',
      '/attendees',
      lazyRouteComponent(() => import('../features/applications/components/attendees-page'), 'AttendeesPage'),
    ),
  ],
  pages: [
    {
      path: '/applications/new',
      title: 'applications.formTitle',
      page: lazyRouteComponent(
        () => import('../features/applications/components/application-form-page'),
        'ApplicationFormPage',
      ),
    },
  ],
});
