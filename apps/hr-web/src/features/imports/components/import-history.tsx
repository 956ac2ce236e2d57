import { formatDateTime } from '@jinji/ja/text';
import { Alert, Anchor, Group, Pagination, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importJobsQueryOptions } from '../api/imports';
import { useImportMessage } from '../import-message';
import { ImportStatusBadge } from './import-status-badge';

const PAGE_SIZE = 20;

/** 取込履歴: 開始日時 / 終了日時 / 種類 / 実行者 / ステータス / ファイル名 / ログ内容, newest first. */
export function ImportHistory({ selectedId, onSelect }: { selectedId?: string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const messageOf = useImportMessage();
  const [page, setPage] = useState(1);
  const { data, error, isPlaceholderData } = useQuery(importJobsQueryOptions(page, PAGE_SIZE));
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Skeleton h={160} aria-label={t('kit.loading')} />;
  if (data.total === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('imports.historyEmpty')}
      </Text>
    );
  }
  return (
    <>
      <Paper withBorder radius="sm" opacity={isPlaceholderData ? 0.6 : 1}>
        <Table.ScrollContainer minWidth={880} type="native">
          <Table striped aria-label={t('imports.historyTitle')} verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('imports.startedAt')}</Table.Th>
                <Table.Th w={150}>{t('imports.finishedAt')}</Table.Th>
                <Table.Th w={80} style={{ whiteSpace: 'nowrap' }}>
                  {t('imports.kind')}
                </Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('imports.actor')}</Table.Th>
                {/* a width: in an auto column the badge shrinks to 「エラー…」 */}
                <Table.Th w={120} style={{ whiteSpace: 'nowrap' }}>
                  {t('imports.status')}
                </Table.Th>
                <Table.Th>{t('imports.fileNameColumn')}</Table.Th>
                <Table.Th>{t('imports.log')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((job) => (
                <Table.Tr key={job.id} bg={job.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined}>
                  <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(job.startedAt)}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(job.finishedAt)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`imports.kinds.${job.kind}`)}</Table.Td>
                  {/* the name people know; the login id when there is none (an account deleted since) */}
                  <Table.Td title={job.actorLoginId ?? undefined} style={{ whiteSpace: 'nowrap' }}>
                    {job.actorName || job.actorLoginId || '-'}
                  </Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={job.status} />
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{job.fileName}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
                      {messageOf({ code: job.logCode, params: job.logParams }, job.log) ||
                        t(`imports.statuses.${job.status}`)}
                    </Text>
                    {job.errorCount > 0 ? (
                      <Anchor component="button" type="button" size="xs" onClick={() => onSelect(job.id)}>
                        {t('imports.showErrors', { count: job.errorCount })}
                      </Anchor>
                    ) : (
                      job.id !== selectedId && (
                        <Anchor component="button" type="button" size="xs" onClick={() => onSelect(job.id)}>
                          {t('imports.showResult')}
                        </Anchor>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {totalPages > 1 && (
        <Group justify="center">
          <Pagination
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
