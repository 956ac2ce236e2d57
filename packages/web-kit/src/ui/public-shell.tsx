import { AppShell, type DefaultMantineColor, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the pages before the menu (login, setup, password): product name, and the app's corner. */
export function PublicShell({
  color,
  headerRight,
  children,
}: {
  color: DefaultMantineColor;
  headerRight: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          {/* one line at 375 px: the name must not break inside 人事管理 beside the buttons */}
          <Title order={2} size="h4" c={`${color}.8`} style={{ whiteSpace: 'nowrap' }}>
            {t('app.productName')}
          </Title>
          <Group gap="xs" wrap="nowrap">
            {headerRight}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
