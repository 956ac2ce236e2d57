// The course-application system's screens (the kit's flat-menu router and frame): the auth feature's
// /login and session, then each feature's menu entries in the seed's order and its pages beyond the menu.
import { createAppRouter } from '@jinji/web-kit/ui/app-router';
import { applicationScreens } from '../features/applications/applications.screens';
import { authScreens } from '../features/auth/auth.screens';
import { courseScreens } from '../features/courses/courses.screens';
import { integrationScreens } from '../features/integration/integration.screens';
import { userScreens } from '../features/users/users.screens';

export const { router, queryClient } = createAppRouter({
  color: 'teal',
  ...authScreens,
  features: [userScreens, courseScreens, applicationScreens, integrationScreens],
});
