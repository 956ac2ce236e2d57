import { ActionIcon, Menu } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../lib/session';

/**
 * A phone has no room for the header's name and パスワード変更 link: the same under a menu. Only the
 * signed-in layouts (lazy chunks) use it, so Mantine's Menu stays out of /login's first download
 * (route-sizes.test.ts; the menu in the shared header once made /login 223 KB).
 */
export function PhoneUserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null;
  return (
    // no fade: the menu is there at once (and the journey's screenshot shows it as the user sees it)
    <Menu position="bottom-end" withinPortal shadow="md" transitionProps={{ duration: 0 }}>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" hiddenFrom="sm" aria-label={t('common.userMenu')}>
          <span aria-hidden>☰</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.displayName}</Menu.Label>
        <Menu.Item component={Link} to="/password">
          {t('common.changePassword')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
