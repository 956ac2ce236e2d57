// The course-application system's screens: /login, and its menu in the seed's order, a page 準備中 until
// its issue (the kit's flat-menu router and frame).
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
  // 【ログイン情報送付】's link
  passwordLink: {
    codeLabelKey: 'login.organizationCode',
    loginIdLabelKey: 'login.loginId',
    codeSearchKey: 'organizationCode',
  },
  nav: [
    nav(
      'users',
      '/users',
      lazyRouteComponent(() => import('../features/users/components/users-page'), 'UsersPage'),
    ),
    nav('courses', '/courses'),
    nav('applications', '/applications'),
    nav('approvals', '/approvals'),
    nav('purchases', '/purchases'),
    nav('attendees', '/attendees'),
    nav(
      'integration',
      '/integration',
      lazyRouteComponent(() => import('../features/integration/components/integration-page'), 'IntegrationPage'),
    ),
  ],
});
