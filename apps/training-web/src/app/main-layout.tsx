import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { NavLinkLink } from '@jinji/web-kit/ui/router-links';
import { AppShell, Box, Burger, Button, Group, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../features/auth/api/auth';
import { NAV } from './nav';

/** Signed in: the header (organisation, user, ログアウト, language) and the menu; a burger below 768 px. */
export function MainLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const [opened, { toggle, close }] = useDisclosure();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.main')} />
            <Title
              order={2}
              size="h4"
              c="teal.8"
              style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }}
            >
              {t('app.productName')}
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="md" truncate>
              {me?.organization.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" fw={500} truncate maw={160} visibleFrom="sm">
              {me?.user.displayName}
            </Text>
            <Button
              size="xs"
              variant="default"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}
            >
              {t('common.logout')}
            </Button>
            <Box visibleFrom="sm">
              <LanguageToggle />
            </Box>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {/* A phone's header keeps only the menu button, product name and ログアウト: the user's name and the
              language move into the menu. */}
          <Group
            hiddenFrom="sm"
            justify="space-between"
            px="sm"
            pb="xs"
            mb="xs"
            wrap="nowrap"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Text size="sm" c="dimmed" truncate>
              {me?.user.displayName}
            </Text>
            <LanguageToggle />
          </Group>
          {NAV.map((item) => (
            <NavLinkLink key={item.to} to={item.to} label={t(`nav.${item.label}`)} onClick={close} />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
