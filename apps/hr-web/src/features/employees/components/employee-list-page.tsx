import type { TEmployeeListResponse } from '@jinji/contracts/employees';
import { Alert, Badge, Group, Pagination, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employeesQueryOptions } from '../api/employees';

const PAGE_SIZE = 50;

type TEmployee = TEmployeeListResponse['items'][number];

const today = () => new Date().toISOString().slice(0, 10);
const isRetired = (e: TEmployee) => e.retirementDate !== null && e.retirementDate <= today();
const formatDate = (iso: string) => iso.slice(0, 10).replaceAll('-', '/');

export function EmployeeListPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, error, isPending, isPlaceholderData } = useQuery(employeesQueryOptions(page, PAGE_SIZE));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('employees.title')}</Title>
        {data && <Text c="dimmed">{t('employees.total', { total: data.total })}</Text>}
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {isPending && <Skeleton h={240} aria-label={t('common.loading')} />}
      {data && data.total === 0 && (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center" c="dimmed">
            {t('employees.empty')}
          </Text>
        </Paper>
      )}
      {data && data.total > 0 && (
        <Paper withBorder radius="md" style={{ overflowX: 'auto' }} opacity={isPlaceholderData ? 0.6 : 1}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('employees.employeeNumber')}</Table.Th>
                <Table.Th>{t('employees.name')}</Table.Th>
                <Table.Th>{t('employees.kana')}</Table.Th>
                <Table.Th>{t('employees.hireDate')}</Table.Th>
                <Table.Th>{t('employees.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.employeeNumber ?? '-'}</Table.Td>
                  <Table.Td>
                    {e.lastName} {e.firstName}
                  </Table.Td>
                  <Table.Td>
                    {e.lastNameKana} {e.firstNameKana}
                  </Table.Td>
                  <Table.Td>{formatDate(e.hireDate)}</Table.Td>
                  <Table.Td>
                    {isRetired(e) ? (
                      <Badge color="gray">{t('employees.retired')}</Badge>
                    ) : (
                      <Badge color="teal">{t('employees.active')}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {data && data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(data.total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          aria-label={t('employees.pagination')}
        />
      )}
    </Stack>
  );
}
