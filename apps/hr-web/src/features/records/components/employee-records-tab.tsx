// 従業員情報（詳細） › 応対記録: this employee's records as 対象者 (newest first) with 【応対記録を登録】 (the employee
// prefilled as 対象者), and the 面談履歴 (records of 大区分 面談: 面談日, 面談者, 内容).
import { formatDateWithWeekday } from '@jinji/ja/text';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { Alert, Button, Card, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employeeRecordsQueryOptions } from '../api/records';
import type { TPicked } from './employee-picker';
import { RecordEditor } from './record-editor';
import { RecordTable } from './record-table';

export function EmployeeRecordsTab({ employee }: { employee: TPicked }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const { data, error, isPlaceholderData } = useQuery(employeeRecordsQueryOptions(employee.employeeId, page));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('records.employeeRecordsTitle')}
        </Title>
        <Button onClick={() => setIsCreating(true)}>{t('records.newButton')}</Button>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {!data ? (
        !error && <Skeleton h={200} aria-label={t('kit.loading')} />
      ) : data.total === 0 ? (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {t('records.employeeRecordsEmpty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" opacity={isPlaceholderData ? 0.6 : 1}>
          <RecordTable records={data.items} />
        </Paper>
      )}
      {data && data.total > 0 && (
        <ListFooter total={data.total} pageSize={data.pageSize} page={page} onPage={setPage} />
      )}
      <Card withBorder radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('records.interviewsTitle')}
        </Title>
        {!data ? (
          <Skeleton h={80} />
        ) : data.interviews.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('records.interviewsEmpty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="interviews">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={140}>{t('records.interviewedOn')}</Table.Th>
                  <Table.Th w={160}>{t('records.interviewer')}</Table.Th>
                  <Table.Th>{t('records.interviewBody')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.interviews.map((i) => (
                  <Table.Tr key={i.recordId}>
                    <Table.Td>{formatDateWithWeekday(i.interviewedOn)}</Table.Td>
                    <Table.Td>{i.interviewer}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {i.title}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={3}>
                        {i.body}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {isCreating && <RecordEditor record={null} initialTargets={[employee]} onClose={() => setIsCreating(false)} />}
    </Stack>
  );
}
