// The training system's web features, in the menu's order (the seed's): each brings its menu entries,
// its pages beyond the menu and its texts. The auth feature (login, session) has no menu entry.
import { applicationScreens } from '../features/applications/applications.screens';
import { authFeature } from '../features/auth/auth.screens';
import { courseScreens } from '../features/courses/courses.screens';
import { integrationScreens } from '../features/integration/integration.screens';
import { userScreens } from '../features/users/users.screens';

export const features = [authFeature, userScreens, courseScreens, applicationScreens, integrationScreens] as const;
