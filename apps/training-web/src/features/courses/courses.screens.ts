// 公開講座 in the menu, and the course pages beyond it: 講座詳細, 講座の編集 (new and existing) and the deep
// link to a session's お申込みフォーム. Every page is a chunk of its own.
import type { TTrainingPermission } from '@jinji/contracts/training/access';
import { textsOf } from '@jinji/web-kit/i18n';
import type { AppScreens } from '@jinji/web-kit/ui/app-router';
import { lazyRouteComponent } from '@tanstack/react-router';
import { ja } from './locales/ja';

const courseDetail = () => import('./components/course-detail-page');
const courseEdit = () => import('./components/course-edit-page');

export const courseScreens = {
  texts: textsOf(ja, () => import('./locales/en').then((m) => m.en)),
  nav: [
    {
      label: 'courses',
      to: '/courses',
      permission: 'courses.view',
      page: lazyRouteComponent(() => import('./components/course-search-page'), 'CourseSearchPage'),
    },
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
      page: lazyRouteComponent(() => import('./components/session-apply-page'), 'SessionApplyPage'),
    },
  ],
} as const satisfies AppScreens<TTrainingPermission, string>;
