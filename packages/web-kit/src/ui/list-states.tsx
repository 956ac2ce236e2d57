import { Alert, Paper, Skeleton, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A paged list's states around its table, the same on every list: the error, a skeleton while the first
 * page loads, the empty message, then the table (dimmed while the next page is on its way).
 */
export function ListStates<T extends { total: number }>({
  error,
  data,
  emptyText,
  isPlaceholderData,
  children,
}: {
  error: Error | null;
  /** undefined until the first page has arrived */
  data: T | undefined;
  emptyText: string;
  isPlaceholderData: boolean;
  /** the table of a page that has rows */
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && <Alert color="red">{error.message}</Alert>}
      {data === undefined ? (
        !error && <Skeleton h={240} aria-label={t('kit.loading')} />
      ) : data.total === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {emptyText}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" opacity={isPlaceholderData ? 0.6 : 1}>
          {children(data)}
        </Paper>
      )}
    </>
  );
}
