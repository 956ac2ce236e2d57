import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './router-links';

/** Shown in place of a screen the signed-in user's roles do not allow (direct URL, stale link). */
export function ForbiddenPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Alert color="orange" title={t('forbidden.title')} role="alert">
        {t('forbidden.message')}
      </Alert>
      <AnchorLink to="/admin">{t('common.backHome')}</AnchorLink>
    </Stack>
  );
}
