import { en as kitEn } from '@jinji/web-kit/locales/en';
import { en as applicationsEn } from '../features/applications/locales/en';
import { en as authEn } from '../features/auth/locales/en';
import type { TResources } from './i18n';
import { en as appEn } from './locales/en';

export const en: TResources = { ...kitEn, ...appEn, ...authEn, ...applicationsEn };
