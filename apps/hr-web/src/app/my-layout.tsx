import { LanguageToggle } from '@jinji/web-kit/ui/language-toggle';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { AppShell, Container, Group, Title } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RequestNoticeStrip } from '../features/requests/components/request-notices';
import { isAdmin, useMe } from '../lib/session';
import { HeaderUser } from './header-user';
import { PhoneUserMenu } from './phone-user-menu';

/** My STORY, the employee portal: a plain header that fits a 375 px phone. */
export function MyLayout() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Title order={2} size="h4" c="indigo.8" style={{ whiteSpace: 'nowrap' }}>
            {t('app.myStory')}
          </Title>
          <Group gap="xs" wrap="nowrap">
            {isAdmin(me) && (
              <AnchorLink to="/admin" size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('common.adminConsole')}
              </AnchorLink>
            )}
            <PhoneUserMenu />
            <HeaderUser />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">
        <Container size="md" px={0}>
          <Group justify="flex-end" mb="sm" className="startup-noprint">
            <LanguageToggle />
          </Group>
          <RequestNoticeStrip approvalsTo="/my/approvals" />
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
