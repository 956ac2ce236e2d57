import type { ja, TStringsOf } from './ja';

export const en: TStringsOf<typeof ja> = {
  kit: {
    updated: 'Updated',
    logout: 'Log out',
    language: 'Language',
    error: 'An error occurred',
    loading: 'Loading…',
    total: '{{total}} in total',
    pagination: 'Pages',
    backHome: 'Back to home',
    comingSoonTitle: 'Coming soon',
    comingSoonMessage: 'This feature is coming soon.',
    forbiddenTitle: 'Not permitted',
    forbiddenMessage: 'You do not have permission to view this page. Ask a system administrator if you need it.',
    passwordPolicyTitle: 'Password policy',
    passwordInvalidChars: '* Not allowed: full-width characters, full- and half-width spaces',
    passwordNoLoginId: '* Must not contain the login ID',
  },
};
