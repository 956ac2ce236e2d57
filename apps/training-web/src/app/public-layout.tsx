import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { AppShell, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The login page: product name and language. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" c="teal.8" style={{ whiteSpace: 'nowrap' }}>
            {t('app.productName')}
          </Title>
          <LanguageToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
