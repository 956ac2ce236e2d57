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

/** The document title for a screen whose title is data-driven (a master kind, a role). */
export function useDocumentTitleText(title: string) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} | ${t('app.productName')}`);
}
