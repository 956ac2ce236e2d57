import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { AppShell, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HeaderUser } from './header-user';

/** Login, setup and the password page: product name, language, and (if signed in) the user. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" c="indigo.8">
            {t('app.productName')}
          </Title>
          <Group gap="sm" wrap="nowrap">
            <HeaderUser showPasswordLink={false} />
            <LanguageToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
