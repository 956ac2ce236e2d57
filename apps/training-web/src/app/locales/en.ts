import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  app: { productName: 'jinji Course Applications' },
  common: { userMenu: 'User menu' },
  nav: {
    main: 'Main menu',
    users: 'User information',
    courses: 'Public courses',
    applications: 'Applications',
    approvals: 'Awaiting approval',
    purchases: 'Course and service purchases',
    attendees: 'Attendee details',
    integration: 'Integration settings',
  },
};
