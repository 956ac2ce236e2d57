import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { LogoutButton } from '@jinji/web-kit/ui/logout-button';
import { NavShell } from '@jinji/web-kit/ui/nav-shell';
import { NavLinkLink } from '@jinji/web-kit/ui/router-links';
import { Box, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/api/auth';
import { NAV } from './nav';

/** Signed in: the organisation, the user, ログアウト and the language in the header; the menu at the side. */
export function MainLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <NavShell
      color="teal"
      tenantName={me?.organization.name}
      navWidth={240}
      headerRight={
        <>
          <Text size="sm" fw={500} truncate maw={160} visibleFrom="sm">
            {me?.user.displayName}
          </Text>
          <LogoutButton />
          <Box visibleFrom="sm">
            <LanguageToggle />
          </Box>
        </>
      }
      navLabel={t('nav.main')}
      isNavOpen={opened}
      onToggleNav={toggle}
      nav={
        <>
          {/* A phone's header keeps only the menu button, product name and ログアウト: the user's name and
              the language move into the menu. */}
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
        </>
      }
    >
      <Outlet />
    </NavShell>
  );
}
