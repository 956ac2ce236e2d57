import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  login: {
    title: 'Log in',
    tenantCode: 'Company code',
    loginId: 'Login ID',
    password: 'Password',
    submit: 'Log in',
  },
  forgot: {
    link: 'Forgot your password?',
    title: 'Forgot your password?',
    lead: 'Enter the company code and your login ID or mail address. A link to set a new password (valid for one hour) is sent to the registered address.',
    loginIdOrEmail: 'Login ID or mail address',
    submit: 'Send the reset mail',
    back: 'Back to log in',
  },
  passwordLink: {
    title: 'Set your password',
  },
};
