import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './router-links';

/** One placeholder for every menu item that is not built yet. */
export function ComingSoonPage({ title, backTo = '/' }: { title: string; backTo?: '/' | '/admin' | '/my' }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Alert color="gray" title={t('my.comingSoon')}>
        {t('comingSoon.message')}
      </Alert>
      <AnchorLink to={backTo}>{t('common.backHome')}</AnchorLink>
    </Stack>
  );
}
