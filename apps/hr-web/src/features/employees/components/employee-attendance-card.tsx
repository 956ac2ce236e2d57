import { formatMinutes, type TAttendanceMonth } from '@jinji/contracts/hr/attendance';
import { Alert, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { employeeAttendanceQueryOptions } from '../api/employees';
import { SectionCard } from './section-card';

const time = (m: number | null) => (m === null ? '-' : formatMinutes(m));

/** 勤怠実績 (R-IMP-6): the months imported from files, newest first; read-only (changed by re-importing). */
export function EmployeeAttendanceCard({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(employeeAttendanceQueryOptions(employeeId));
  const count = (n: number | null) => (n === null ? '-' : t('attendance.times', { n }));
  const days = (n: number | null) => (n === null ? '-' : t('attendance.days', { n: n.toFixed(1) }));
  const monthLabel = (ym: string) =>
    t('attendance.monthLabel', { year: ym.slice(0, 4), month: Number(ym.slice(5, 7)) });
  const columns: [string, (m: TAttendanceMonth) => string][] = [
    [t('attendance.worked'), (m) => time(m.workedMinutes)],
    [t('attendance.overtime'), (m) => time(m.overtimeMinutes)],
    [t('attendance.lateEarly'), (m) => count(m.lateEarlyCount)],
    [t('attendance.absence'), (m) => days(m.absenceDays)],
    [t('attendance.holiday'), (m) => days(m.holidayDays)],
    [t('attendance.paidLeave'), (m) => days(m.paidLeaveRemaining)],
  ];

  return (
    <SectionCard
      title={t('attendance.title')}
      badge={
        data && data.items.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('attendance.recent')}
          </Text>
        ) : undefined
      }
    >
      {error ? (
        <Alert color="red">{error.message}</Alert>
      ) : !data ? (
        <Skeleton h={160} aria-label={t('kit.loading')} />
      ) : data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('attendance.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="xs" aria-label={t('attendance.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attendance.month')}</Table.Th>
                {columns.map(([label]) => (
                  <Table.Th key={label} ta="right">
                    {label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {monthLabel(m.month)}
                  </Table.Th>
                  {columns.map(([label, value]) => (
                    <Table.Td key={label} ta="right" ff="monospace">
                      {value(m)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}
