import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TResources } from '../../app/locales/ja';

export type TPageTitleKey =
  | 'setup.title'
  | 'login.title'
  | 'password.title'
  | 'my.title'
  | `nav.${keyof TResources['nav']}`;

/** Sets the document title and follows the language. */
export function usePageTitle(key: TPageTitleKey) {
  const { t } = useTranslation();
  const title = t(key);
  useDocumentTitle(`${title} | ${t('app.productName')}`);
  return title;
}
