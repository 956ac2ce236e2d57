import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Button, Group, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../features/auth/api/auth';
import { useMe } from '../lib/session';

/** Signed-in user's corner of every header: name, password change, logout. */
export function HeaderUser({ showPasswordLink = true }: { showPasswordLink?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
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
      <Button
        size="xs"
        variant="default"
        loading={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}
      >
        {t('common.logout')}
      </Button>
    </Group>
  );
}
