import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  setup: {
    title: 'Initial setup',
    lead: 'Create the organisation (tenant) and its system administrator account.',
    tenantCode: 'Company code',
    tenantCodeHint: '2–32 of a–z, 0–9, - and _ (used to log in)',
    tenantName: 'Company name',
    adminLoginId: 'Administrator login ID',
    adminEmail: 'Administrator email',
    password: 'Password',
    passwordConfirm: 'Password (confirm)',
    passwordMismatch: 'Passwords do not match',
    submit: 'Create',
    done: 'Setup is complete. Log in with the administrator you created.',
  },
};
