// The course-application system's screens (the kit's flat-menu router and frame): the auth feature's
// /login and session, then each feature's menu entries (app/features.ts) and its pages beyond the menu.
import { createAppRouter } from '@jinji/web-kit/ui/app-router';
import { authFrame } from '../features/auth/auth.screens';
import { features } from './features';

export const { router, queryClient } = createAppRouter({ color: 'teal', ...authFrame, features });
