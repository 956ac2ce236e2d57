import type { TEmployeeDetail } from '@jinji/contracts/hr/employees';
import { ApiError } from '@jinji/web-kit/api-client';
import { useDocumentTitleText } from '@jinji/web-kit/page-title';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Group, Paper, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { employeeDetailQueryOptions } from '../api/employees';
import { EmployeeAttendanceCard } from './employee-attendance-card';
import { EmployeeBasicCard } from './employee-basic-card';
import { EmployeeCareerCard } from './employee-career-card';
import { EmployeeContactsCard } from './employee-contacts-card';
import { EmployeeHistoryCard } from './employee-history-card';
import { EmployeeSensitiveCard } from './employee-sensitive-card';
import { EmployeeStatusBadge, StartupMark } from './employee-status-badge';

/** A tab another slice adds to the page (応対記録), composed by the router: features do not import features. */
export type TEmployeeTab = { value: string; label: string; render: (employee: TEmployeeDetail) => ReactNode };

/** 従業員情報（詳細） (R-EMP-2/3): one card per section, each with its own 【編集】; other slices' tabs beside them. */
export function EmployeeDetailPage({
  id,
  tabs = [],
  actions,
}: {
  id: string;
  tabs?: TEmployeeTab[];
  /** buttons other slices add beside the name (【個人プロフィール出力】), composed by the router */
  actions?: (employee: TEmployeeDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data: employee, error } = useQuery(employeeDetailQueryOptions(id));
  const b = employee?.basic;
  const hasBusinessName = Boolean(b?.businessLastName || b?.businessFirstName);
  const name = b
    ? hasBusinessName
      ? [b.businessLastName, b.businessFirstName].filter(Boolean).join(' ')
      : `${b.lastName} ${b.firstName}`
    : '';
  useDocumentTitleText(name || t('employeeDetail.title'));

  const back = (
    <AnchorLink to="/admin/employees" size="sm">
      {t('employeeForm.backToList')}
    </AnchorLink>
  );

  // An id that is no employee (or not even a UUID): say so instead of a generic error.
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.status === 400)) {
    return (
      <Stack maw={720}>
        {back}
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap="xs">
            <Title order={2} size="h3">
              {t('employeeDetail.notFound')}
            </Title>
            <Text c="dimmed">{t('employeeDetail.notFoundHint')}</Text>
          </Stack>
        </Paper>
      </Stack>
    );
  }

  return (
    <Stack maw={1100}>
      <Stack gap={4}>
        {back}
        {employee ? (
          <Group gap="md" align="center">
            <Title order={2}>{name}</Title>
            <EmployeeStatusBadge status={employee.status} />
            <StartupMark isPending={employee.basic.isStartupTarget} completedAt={employee.basic.startupCompletedAt} />
            {actions && <Group ml="auto">{actions(employee)}</Group>}
          </Group>
        ) : (
          <Skeleton h={36} w={280} />
        )}
        {employee && (
          <Group gap="lg">
            <Text size="sm" c="dimmed">
              {t('employees.employeeNumber')}：
              <Text span ff="monospace" c="var(--mantine-color-text)" fw={600}>
                {employee.employeeNumber ?? '-'}
              </Text>
            </Text>
            {hasBusinessName && b && (
              <Text size="sm" c="dimmed">
                {t('employeeDetail.realName')}：{b.lastName} {b.firstName}
              </Text>
            )}
            {b && (
              <Text size="sm" c="dimmed">
                {b.lastNameKana} {b.firstNameKana}
              </Text>
            )}
          </Group>
        )}
      </Stack>
      {error && <Alert color="red">{error.message}</Alert>}
      {!employee ? (
        !error && (
          <Stack aria-label={t('kit.loading')}>
            <Skeleton h={260} radius="md" />
            <Skeleton h={200} radius="md" />
            <Skeleton h={160} radius="md" />
          </Stack>
        )
      ) : tabs.length === 0 ? (
        <Sections employee={employee} />
      ) : (
        <Tabs defaultValue="basic" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="basic">{t('employeeDetail.tabBasic')}</Tabs.Tab>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="basic">
            <Stack>
              <Sections employee={employee} />
            </Stack>
          </Tabs.Panel>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.value} value={tab.value}>
              {tab.render(employee)}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}

function Sections({ employee }: { employee: TEmployeeDetail }) {
  return (
    <>
      <EmployeeBasicCard employee={employee} />
      <EmployeeHistoryCard employee={employee} />
      <EmployeeContactsCard employee={employee} />
      <EmployeeCareerCard employee={employee} />
      {employee.sensitive && <EmployeeSensitiveCard employee={employee} sensitive={employee.sensitive} />}
      <EmployeeAttendanceCard employeeId={employee.id} />
    </>
  );
}
