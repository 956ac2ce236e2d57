import { LogoutButton } from '@jinji/web-kit/ui/logout-button';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { ActionIcon, Group, Menu, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../lib/session';

/** Signed-in user's corner of every header: name, password change, logout. */
export function HeaderUser({ showPasswordLink = true }: { showPasswordLink?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me) return null;

  return (
    <Group gap="sm" wrap="nowrap">
      <Text size="sm" fw={500} truncate maw={160} visibleFrom="xs">
        {me.user.displayName}
      </Text>
      {showPasswordLink && (
        <AnchorLink to="/password" size="sm" visibleFrom="sm">
          {t('common.changePassword')}
        </AnchorLink>
      )}
      {showPasswordLink && (
        // a phone has no room for the link: the same under a menu, with the name the header hides
        <Menu position="bottom-end" withinPortal>
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
      )}
      <LogoutButton />
    </Group>
  );
}
