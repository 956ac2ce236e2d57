import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Card, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../lib/session';
import { employeeCountQueryOptions } from '../api/dashboard';

export function AdminHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const canSeeEmployees = hasPermission(me, 'employees.view');
  const count = useQuery({ ...employeeCountQueryOptions, enabled: canSeeEmployees });
  if (!me) return null;
  // the person who set up the company is システム管理者 only: say how to start registering employees
  const needsHrRole = hasPermission(me, 'system.access_control') && !hasPermission(me, 'employees.edit');

  return (
    <Stack>
      <Title order={2}>{t('home.welcome', { tenant: me.tenant.name })}</Title>
      <Text c="dimmed">{t('home.lead')}</Text>
      {needsHrRole && (
        <Alert color="blue" title={t('home.firstStepsTitle')}>
          <Text size="sm">{t('home.firstSteps')}</Text>
          <AnchorLink to="/admin/system/access" size="sm" mt={4}>
            {t('nav.accessControl')}
          </AnchorLink>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {canSeeEmployees && (
          <Card withBorder radius="md">
            <Text size="sm" c="dimmed">
              {t('home.employeeCount')}
            </Text>
            {count.data === undefined ? (
              <Skeleton h={32} mt={4} />
            ) : (
              <Text size="xl" fw={700}>
                {t('home.people', { count: count.data })}
              </Text>
            )}
            <AnchorLink to="/admin/employees" size="sm" mt="xs">
              {t('nav.employeeList')}
            </AnchorLink>
          </Card>
        )}
        <Card withBorder radius="md">
          <Text size="sm" c="dimmed">
            {t('home.tenantCode')}
          </Text>
          <Text size="xl" fw={700}>
            {me.tenant.code}
          </Text>
          <Text size="sm">{me.tenant.name}</Text>
        </Card>
        <Card withBorder radius="md">
          <Text size="sm" c="dimmed">
            {t('home.roles')}
          </Text>
          <Text fw={700}>{me.roles.map((r) => t(`access.roles.${r}`)).join(t('common.listSeparator'))}</Text>
          {hasPermission(me, 'system.password_policy') && (
            <AnchorLink to="/admin/system/password-policy" size="sm" mt="xs">
              {t('nav.passwordPolicy')}
            </AnchorLink>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
