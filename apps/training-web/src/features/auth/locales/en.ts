import type { TStringsOf } from '@jinji/web-kit/locales/ja';
import type { ja } from './ja';

export const en: TStringsOf<typeof ja> = {
  login: {
    title: 'Log in',
    organizationCode: 'Organization code',
    loginId: 'Login ID',
    password: 'Password',
    submit: 'Log in',
  },
};
