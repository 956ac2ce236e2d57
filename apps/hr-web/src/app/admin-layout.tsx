import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { NavLinkLink } from '@jinji/web-kit/ui/router-links';
import { AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../lib/session';
import { type TNavLeaf, visibleNav } from './admin-nav';
import { HeaderUser } from './header-user';

export function AdminLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const nav = visibleNav(me?.permissions ?? []);
  // The deepest menu entry containing the current page (e.g. マスタメンテナンス for /admin/masters/company).
  const activeTo = nav
    .flatMap((item) => ('children' in item ? item.children : [item]))
    .map((leaf) => leaf.to)
    .filter((to) => pathname === to || pathname.startsWith(`${to}/`))
    .sort((a, b) => b.length - a.length)[0];

  const leaf = (item: TNavLeaf) => (
    <NavLinkLink
      key={item.to}
      to={item.to}
      activeOptions={{ exact: true }}
      label={t(`nav.${item.label}`)}
      active={item.to === activeTo}
      onClick={close}
    />
  );

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.main')} />
            <Title order={2} size="h4" c="indigo.8" style={{ whiteSpace: 'nowrap' }}>
              {t('app.productName')}
            </Title>
            <Text c="dimmed" size="sm" visibleFrom="md" truncate>
              {me?.tenant.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <HeaderUser />
            <LanguageToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <ScrollArea>
          {nav.map((item) =>
            'children' in item ? (
              <NavLink
                component="button"
                key={item.label}
                label={t(`nav.${item.label}`)}
                defaultOpened={item.children.some((c) => c.to === activeTo)}
                childrenOffset="md"
              >
                {item.children.map(leaf)}
              </NavLink>
            ) : (
              leaf(item)
            ),
          )}
          {leaf({ label: 'myStory', to: '/my' })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
