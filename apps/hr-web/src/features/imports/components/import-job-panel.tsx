import { todayInJapan } from '@jinji/contracts/japanese';
import { Alert, Group, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/router-links';
import { importJobQueryOptions } from '../api/imports';
import { ImportErrorsTable } from './import-errors-table';
import { ImportStatusBadge } from './import-status-badge';

/**
 * The job after 【取込】 (or picked in 取込履歴): polled every second while 処理中 (検証 X / N 行, then
 * 登録 X / N 行); then 正常終了 with a link to the employees created today, or エラー終了 with the rows.
 */
export function ImportJobPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: job, error } = useQuery(importJobQueryOptions(id));
  const status = job?.status;

  // When the job ends, 取込履歴 and 従業員一覧 have changed.
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'processing' && status && status !== 'processing') {
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['employees', 'list'] });
    }
    previous.current = status;
  }, [status, queryClient]);

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!job) return <Skeleton h={120} aria-label={t('common.loading')} />;

  const today = todayInJapan();
  const succeededTitle = t('imports.succeeded', { count: job.rowsWritten });
  const validating = job.rowsTotal === 0 || job.rowsValidated < job.rowsTotal;
  const done = validating ? job.rowsValidated : job.rowsWritten;
  const percent = job.rowsTotal > 0 ? Math.round((done / job.rowsTotal) * 100) : 0;
  const progressLabel =
    job.rowsTotal === 0 && job.status === 'processing'
      ? t('imports.reading')
      : t(validating ? 'imports.validating' : 'imports.writing', { done, total: job.rowsTotal });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={t('imports.resultTitle')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h4">
              {t('imports.resultTitle')}
            </Title>
            <ImportStatusBadge status={job.status} />
          </Group>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('imports.fileName', { name: job.fileName })}
          </Text>
        </Group>

        {job.status === 'processing' && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">{progressLabel}</Text>
            <Progress
              value={percent}
              color={validating ? 'blue' : 'teal'}
              animated
              striped
              size="lg"
              aria-label={progressLabel}
            />
          </Stack>
        )}

        {job.status === 'succeeded' && (
          <Alert color="green" title={succeededTitle}>
            <Stack gap="xs" align="flex-start">
              {job.log && job.log !== succeededTitle && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {job.log}
                </Text>
              )}
              <ButtonLink to="/admin/employees" search={{ createdFrom: today, createdTo: today }} color="green">
                {t('imports.checkEmployees')}
              </ButtonLink>
            </Stack>
          </Alert>
        )}

        {job.status === 'failed' && (
          <>
            <Alert color="red" role="alert" title={t('imports.failed', { count: job.errorCount })}>
              {job.log && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {job.log}
                </Text>
              )}
            </Alert>
            {job.errorCount > 0 && <ImportErrorsTable id={job.id} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}
