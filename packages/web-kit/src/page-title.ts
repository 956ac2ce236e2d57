import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/**
 * Sets the document title to `<title> | <product name>` and follows the language. The product name is
 * the app's `app.productName` text, which every app's resources carry.
 */
export function useDocumentTitleText(title: string) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} | ${t('app.productName')}`);
}
