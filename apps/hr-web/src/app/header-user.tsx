import { LogoutButton } from '@jinji/web-kit/ui/logout-button';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Group, Text } from '@mantine/core';
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
      <LogoutButton />
    </Group>
  );
}
