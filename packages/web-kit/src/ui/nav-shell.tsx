// The signed-in frame of an app: a header (menu button below 768 px, product name, the tenant's name,
// the app's own corner on the right) and the menu at the side; the page goes in `children`.
import { AppShell, Burger, type DefaultMantineColor, Group, ScrollArea, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function NavShell({
  color,
  tenantName,
  headerRight,
  nav,
  navLabel,
  navWidth = 260,
  isNavOpen,
  onToggleNav,
  children,
}: {
  /** the product name's colour family (the app's primary colour) */
  color: DefaultMantineColor;
  tenantName?: string;
  headerRight: ReactNode;
  nav: ReactNode;
  /** the menu's accessible name, also the menu button's */
  navLabel: string;
  navWidth?: number;
  isNavOpen: boolean;
  onToggleNav: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: navWidth, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={isNavOpen} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={navLabel} />
            <Title
              order={2}
              size="h4"
              c={`${color}.8`}
              style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}
            >
              {t('app.productName')}
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="md" truncate>
              {tenantName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {headerRight}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={navLabel}>
        <ScrollArea>{nav}</ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
    </AppShell>
  );
}
