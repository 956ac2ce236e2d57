import { useDocumentTitleText } from '@jinji/web-kit/page-title';
import { useTranslation } from 'react-i18next';
import type { TResources } from './i18n';

export type TPageTitleKey =
  | 'setup.title'
  | 'login.title'
  | 'password.title'
  | 'forgot.title'
  | 'passwordLink.title'
  | 'my.title'
  | 'startup.title'
  | 'requests.myTitle'
  | 'requests.newTitle'
  | 'requests.detailTitle'
  | 'requests.approvalsTitle'
  | `nav.${keyof TResources['nav']}`;

/** Sets the document title from one of HR's screen names and follows the language. */
export function usePageTitle(key: TPageTitleKey) {
  const { t } = useTranslation();
  const title = t(key);
  useDocumentTitleText(title);
  return title;
}
