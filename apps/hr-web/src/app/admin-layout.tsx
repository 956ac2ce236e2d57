import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { NavShell } from '@jinji/web-kit/ui/nav-shell';
import { NavLinkLink } from '@jinji/web-kit/ui/router-links';
import { NavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequestNoticeStrip } from '../features/requests/components/request-notices';
import { useMe } from '../lib/session';
import { type TNavLeaf, visibleNav } from './admin-nav';
import { HeaderUser } from './header-user';
import { PhoneUserMenu } from './phone-user-menu';

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
    <NavShell
      color="indigo"
      tenantName={me?.tenant.name}
      headerRight={
        <>
          <PhoneUserMenu />
          <HeaderUser />
          <LanguageToggle />
        </>
      }
      navLabel={t('nav.main')}
      isNavOpen={opened}
      onToggleNav={toggle}
      nav={
        <>
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
        </>
      }
    >
      <RequestNoticeStrip approvalsTo="/admin/requests" />
      <Outlet />
    </NavShell>
  );
}
