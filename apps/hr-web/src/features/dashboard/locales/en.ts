import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  home: {
    welcome: 'Welcome to HR management for {{tenant}}',
    lead: 'Choose a task from the menu.',
    employeeCount: 'Employees',
    people: '{{count}}',
    tenantCode: 'Company code',
    roles: 'Your roles',
    passwordPolicy: 'Password policy',
    openPolicy: 'View settings',
    firstStepsTitle: 'Getting started: registering employees',
    firstSteps:
      'System administrators manage settings. To register or edit employees and run bulk imports, add yourself or a colleague to “Full administrator” or “HR administrator” in Access rights.',
  },
};
