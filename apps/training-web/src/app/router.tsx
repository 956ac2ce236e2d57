// The course-application system's screens: /login, and its menu in the seed's order (the kit's flat-menu
// router and frame); and the pages beyond the menu (講座詳細, 講座の編集, the deep link to a session's
// お申込みフォーム, the form itself). Every page is a chunk of its own.
import { createAppRouter } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent, type RouteComponent } from '@tanstack/react-router';
import { meQueryOptions } from '../features/auth/api/auth';
import type { TResources } from './i18n';

const nav = (label: Exclude<keyof TResources['nav'], 'main'>, to: `/${string}`, page?: RouteComponent) => ({
  label,
  to,
  page,
});
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
  nav: [
    nav(
      'users',
      '/users',
      lazyRouteComponent(() => import('../features/users/components/users-page'), 'UsersPage'),
    ),
    nav('courses', '/courses', lazyRouteComponent(coursePage, 'CourseSearchPage')),
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
    nav(
      'integration',
      '/integration',
      lazyRouteComponent(() => import('../features/integration/components/integration-page'), 'IntegrationPage'),
    ),
  ],
  pages: [
    { path: '/courses/new', title: 'courses.newTitle', page: lazyRouteComponent(courseEdit, 'CourseEditPage') },
    {
      path: '/courses/$courseId',
      title: 'courses.detailTitle',
      page: lazyRouteComponent(courseDetail, 'CourseDetailPage'),
    },
    {
      path: '/courses/$courseId/edit',
      title: 'courses.editTitle',
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
