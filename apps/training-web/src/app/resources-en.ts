import { en as kitEn } from '@jinji/web-kit/locales/en';
import { en as applicationsEn } from '../features/applications/locales/en';
import { en as authEn } from '../features/auth/locales/en';
import { en as coursesEn } from '../features/courses/locales/en';
import { en as integrationEn } from '../features/integration/locales/en';
import { en as usersEn } from '../features/users/locales/en';
import type { TResources } from './i18n';
import { en as appEn } from './locales/en';

export const en: TResources = {
  ...kitEn,
  ...appEn,
  ...applicationsEn,
  ...authEn,
  ...coursesEn,
  ...integrationEn,
  ...usersEn,
};
