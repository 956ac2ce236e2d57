// The signed-in frame of an app with a flat menu (createAppRouter): the tenant's name, the user, ログアウト
// and the language in the header; the menu at the side.
import { Box, type DefaultMantineColor, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from './language-toggle';
import { LogoutButton } from './logout-button';
import { NavShell } from './nav-shell';
import { NavLinkLink } from './router-links';

/** A menu entry: `label` is a key under the app's `nav` texts, which also titles the page. */
export type AppNavItem = { label: string; to: `/${string}` };

export function SignedInShell(props: {
  color: DefaultMantineColor;
  nav: readonly AppNavItem[];
  userName?: string;
  tenantName?: string;
}) {
  const { t } = useTranslation();
  const text = t as unknown as (key: string) => string;
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <NavShell
      color={props.color}
      tenantName={props.tenantName}
      navWidth={240}
      headerRight={
        <>
          <Text size="sm" fw={500} truncate maw={160} visibleFrom="sm">
            {props.userName}
          </Text>
          <LogoutButton />
          <Box visibleFrom="sm">
            <LanguageToggle />
          </Box>
        </>
      }
      navLabel={text('nav.main')}
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
              {props.userName}
            </Text>
            <LanguageToggle />
          </Group>
          {/* as never: the app's registered route tree is not the kit's to know */}
          {props.nav.map((item) => (
            <NavLinkLink key={item.to} to={item.to as never} label={text(`nav.${item.label}`)} onClick={close} />
          ))}
        </>
      }
    >
      <Outlet />
    </NavShell>
  );
}
