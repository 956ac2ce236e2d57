import { Alert, Stack, Title } from '@mantine/core';
import type { LinkProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './router-links';

/** Shown in place of a screen the signed-in user's roles do not allow (direct URL, stale link). */
export function ForbiddenPage({ title, backTo = '/' }: { title: string; backTo?: LinkProps['to'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      <Alert color="orange" title={t('kit.forbiddenTitle')} role="alert">
        {t('kit.forbiddenMessage')}
      </Alert>
      <AnchorLink to={backTo}>{t('kit.backHome')}</AnchorLink>
    </Stack>
  );
}
