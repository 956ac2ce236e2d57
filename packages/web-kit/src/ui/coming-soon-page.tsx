import { Alert, Stack, Title } from '@mantine/core';
import type { LinkProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './router-links';

/** One placeholder (準備中) for every menu item that is not built yet. */
export function ComingSoonPage({ title, backTo = '/' }: { title: string; backTo?: LinkProps['to'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Alert color="gray" title={t('kit.comingSoonTitle')}>
        {t('kit.comingSoonMessage')}
      </Alert>
      <AnchorLink to={backTo}>{t('kit.backHome')}</AnchorLink>
    </Stack>
  );
}
