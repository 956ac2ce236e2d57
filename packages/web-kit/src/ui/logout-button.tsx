import { Button } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogoutMutation } from '../session';

/** ログアウト in a header: signs out (whatever the server answers) and goes to the app's /login. */
export function LogoutButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogoutMutation();
  return (
    <Button
      size="xs"
      variant="default"
      loading={logout.isPending}
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}
    >
      {t('kit.logout')}
    </Button>
  );
}
