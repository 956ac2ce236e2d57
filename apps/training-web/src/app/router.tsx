// The course-application system's screens: /login, and its menu in the seed's order (the kit's flat-menu
// router and frame); and the pages beyond the menu (講座詳細, 講座の編集, the deep link to a session's
// お申込みフォーム, the form itself). Every page is a chunk of its own.
import type { TTrainingPermission } from '@jinji/contracts/training/access';
import { createAppRouter } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent, type RouteComponent } from '@tanstack/react-router';
import { allows, meQueryOptions } from '../features/auth/api/auth';
import type { TResources } from './i18n';

/** A menu entry, shown to the システム権限 that holds `permission` (the server refuses the rest on its own). */
const nav = (
  label: Exclude<keyof TResources['nav'], 'main'>,
  to: `/${string}`,
  permission: TTrainingPermission,
  page?: RouteComponent,
) => ({ label, to, permission, page });
const coursePage = () => import('../features/courses/components/course-search-page');
const courseDetail = () => import('../features/courses/components/course-detail-page');
const courseEdit = () => import('../features/courses/components/course-edit-page');
const sessionApply = () => import('../features/courses/components/session-apply-page');

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
  allows,
  nav: [
    nav(
      'users',
      '/users',
      'users.view',
      lazyRouteComponent(() => import('../features/users/components/users-page'), 'UsersPage'),
    ),
    nav('courses', '/courses', 'courses.view', lazyRouteComponent(coursePage, 'CourseSearchPage')),
    nav(
      'applications',
      '/applications',
      'applications.apply',
      lazyRouteComponent(() => import('../features/applications/components/applications-page'), 'ApplicationsPage'),
    ),
    nav(
      'approvals',
      '/approvals',
      'applications.approve',
      lazyRouteComponent(() => import('../features/applications/components/approvals-page'), 'ApprovalsPage'),
    ),
    nav(
      'purchases',
      '/purchases',
      'applications.apply',
      lazyRouteComponent(() => import('../features/applications/components/purchases-page'), 'PurchasesPage'),
    ),
    nav(
      'attendees',
      '/attendees',
      'applications.manage',
      lazyRouteComponent(() => import('../features/applications/components/attendees-page'), 'AttendeesPage'),
    ),
    nav(
      'integration',
      '/integration',
      'integration.manage',
      lazyRouteComponent(() => import('../features/integration/components/integration-page'), 'IntegrationPage'),
    ),
  ],
  pages: [
    {
      path: '/courses/new',
      title: 'courses.newTitle',
      permission: 'courses.manage',
      page: lazyRouteComponent(courseEdit, 'CourseEditPage'),
    },
    {
      path: '/courses/$courseId',
      title: 'courses.detailTitle',
      page: lazyRouteComponent(courseDetail, 'CourseDetailPage'),
    },
    {
      path: '/courses/$courseId/edit',
      title: 'courses.editTitle',
      permission: 'courses.manage',
      page: lazyRouteComponent(courseEdit, 'CourseEditPage'),
    },
    {
      path: '/courses/$courseId/sessions/$sessionId/apply',
      title: 'courses.applyTitle',
      page: lazyRouteComponent(sessionApply, 'SessionApplyPage'),
    },
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
