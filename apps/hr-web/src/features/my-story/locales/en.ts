import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  my: {
    title: 'My page',
    basicInfo: 'Basic information',
    name: 'Name',
    loginId: 'Login ID',
    email: 'Email',
    tenant: 'Company',
    upcoming: 'Upcoming and past courses',
    findCourses: 'Find public courses',
    comingSoon: 'Coming soon',
    comingSoonText: 'This feature is coming soon.',
  },
};
