import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A route or query still loading: a spinner a screen reader announces as 読み込み中. */
export function LoadingIndicator() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-label={t('kit.loading')}>
      <Loader size="md" />
    </Center>
  );
}
