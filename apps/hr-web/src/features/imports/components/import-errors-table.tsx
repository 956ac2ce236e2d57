import { CSV_ENCODINGS } from '@jinji/contracts/common/enums';
import { Button, Group, Menu, Pagination, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importErrorsCsvUrl, importErrorsQueryOptions } from '../api/imports';
import { useImportMessage } from '../import-message';

const PAGE_SIZE = 20;

/** 行 / 社員番号 / 氏名 / 項目 / 内容 of a failed import, paged, and 【エラー一覧をダウンロード】 (CSV, 文字コード choice). */
export function ImportErrorsTable({ id }: { id: string }) {
  const { t } = useTranslation();
  const messageOf = useImportMessage();
  const [page, setPage] = useState(1);
  const { data, error, isPlaceholderData } = useQuery(importErrorsQueryOptions(id, page, PAGE_SIZE));
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <Group justify="space-between">
        <Text fw={700}>{t('imports.errorsTitle')}</Text>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" size="xs">
              {t('imports.downloadErrors')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('masters.encoding')}</Menu.Label>
            {CSV_ENCODINGS.map((encoding) => (
              <Menu.Item key={encoding} component="a" href={importErrorsCsvUrl(id, encoding)} download>
                {t(`masters.encodings.${encoding}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {error && (
        <Text c="red" size="sm">
          {error.message}
        </Text>
      )}
      {!data ? (
        !error && <Skeleton h={120} aria-label={t('kit.loading')} />
      ) : (
        <Table
          withTableBorder
          withColumnBorders
          bg="white"
          fz="sm"
          aria-label={t('imports.errorsTitle')}
          opacity={isPlaceholderData ? 0.6 : 1}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('imports.errorRow')}</Table.Th>
              <Table.Th w={110}>{t('imports.errorEmployeeNumber')}</Table.Th>
              <Table.Th w={140}>{t('imports.errorEmployeeName')}</Table.Th>
              <Table.Th w="20%">{t('imports.errorColumn')}</Table.Th>
              <Table.Th>{t('imports.errorMessage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((e) => (
              <Table.Tr key={`${e.row}:${e.column}:${e.message}`}>
                {/* row 0: the file as a whole (unreadable, no data rows) */}
                <Table.Td ff="monospace">{e.row > 0 ? e.row : '-'}</Table.Td>
                <Table.Td ff="monospace">{e.employeeNumber ?? ''}</Table.Td>
                <Table.Td>{e.employeeName ?? ''}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>{messageOf({ code: e.code, params: e.params }, e.message)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && totalPages > 1 && (
        <Group justify="center">
          <Pagination
            size="sm"
            total={totalPages}
            value={page}
            onChange={setPage}
            getControlProps={() => ({ 'aria-label': t('employees.pagination') })}
          />
        </Group>
      )}
    </>
  );
}
