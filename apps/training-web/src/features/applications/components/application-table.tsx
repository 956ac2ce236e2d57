// The rows of a page of applications, one table for 申込一覧, 承認待ち and 研修・サービス購入履歴: the course
// and session, (optionally) the applicant, the status with its queue place or reason, the attendance,
// and the actions the server says the caller may take.
import { formatDateTime } from '@jinji/ja/text';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TApplication } from '../api/applications';
import { ApplicationStatus, AttendanceText, sessionWhen, sessionWhere } from './application-parts';

export function ApplicationTable({
  items,
  label,
  withApplicant,
  withFee,
  actions,
}: {
  items: TApplication[];
  label: string;
  withApplicant?: boolean;
  withFee?: boolean;
  actions?: (a: TApplication) => ReactNode;
}) {
  const { t } = useTranslation();
  // a phone gets one block per application instead of a table wider than the screen
  const isNarrow = useMediaQuery('(max-width: 40em)');
  const statusOf = (a: TApplication) => <ApplicationStatus application={a} />;
  const courseOf = (a: TApplication) => (
    <>
      <Text size="sm" fw={500}>
        {a.session.courseTitle}
      </Text>
      <Text size="xs">{sessionWhen(a.session)}</Text>
      <Text size="xs" c="dimmed">
        {sessionWhere(a.session, t('applications.online'))}・{t('applications.appliedAt')} {formatDateTime(a.createdAt)}
      </Text>
    </>
  );
  if (isNarrow) {
    return (
      <Stack gap={0} aria-label={label} role="list">
        {items.map((a, i) => (
          <Stack
            key={a.id}
            role="listitem"
            data-application-id={a.id}
            gap={6}
            p="sm"
            style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
          >
            <div>{courseOf(a)}</div>
            {withApplicant && (
              <Text size="sm">
                {a.applicant.displayName}
                <Text span size="xs" c="dimmed" ml={4}>
                  {a.applicant.loginId}
                </Text>
              </Text>
            )}
            {withFee && (
              <Text size="sm">{t('applications.feeValue', { fee: a.session.fee.toLocaleString('ja-JP') })}</Text>
            )}
            <Group justify="space-between" align="flex-start">
              {statusOf(a)}
              <Group gap={4}>
                <Text size="xs" c="dimmed">
                  {t('applications.attendance')}
                </Text>
                <AttendanceText attendance={a.attendance} />
              </Group>
            </Group>
            {actions?.(a)}
          </Stack>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={withApplicant ? 820 : 640}>
      <Table aria-label={label} verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('applications.course')}</Table.Th>
            {withApplicant && <Table.Th w={170}>{t('applications.applicant')}</Table.Th>}
            {withFee && <Table.Th w={110}>{t('applications.fee')}</Table.Th>}
            <Table.Th w={170}>{t('applications.status')}</Table.Th>
            <Table.Th w={80}>{t('applications.attendance')}</Table.Th>
            {actions && <Table.Th w={190} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-application-id={a.id}>
              <Table.Td>{courseOf(a)}</Table.Td>
              {withApplicant && (
                <Table.Td>
                  <Text size="sm">{a.applicant.displayName}</Text>
                  <Text size="xs" c="dimmed">
                    {a.applicant.loginId}
                    {a.applicant.departmentName ? `・${a.applicant.departmentName}` : ''}
                  </Text>
                </Table.Td>
              )}
              {withFee && (
                <Table.Td fz="sm">
                  {t('applications.feeValue', { fee: a.session.fee.toLocaleString('ja-JP') })}
                </Table.Td>
              )}
              <Table.Td>{statusOf(a)}</Table.Td>
              <Table.Td>
                <AttendanceText attendance={a.attendance} />
              </Table.Td>
              {actions && <Table.Td>{actions(a)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
