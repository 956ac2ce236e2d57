import type { TImportJob } from '@jinji/contracts/hr/imports';
import { todayInJapan } from '@jinji/ja/text';
import { ButtonLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Badge, Group, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { importJobQueryOptions } from '../api/imports';
import { useImportMessage } from '../import-message';
import { ImportErrorsTable } from './import-errors-table';
import { ImportStatusBadge } from './import-status-badge';

/**
 * The job after 【取込】 (or picked in 取込履歴): polled every second while 処理中 (検証中: rows validated so
 * far, then 登録中: X / N 行); then 正常終了 with the log and where to see the data, or エラー終了 with the rows.
 */
export function ImportJobPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const messageOf = useImportMessage();
  const queryClient = useQueryClient();
  const { data: job, error } = useQuery(importJobQueryOptions(id));
  const status = job?.status;

  // When the job ends, 取込履歴, 従業員一覧 and the employees' pages (勤怠実績 too) have changed.
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'processing' && status && status !== 'processing') {
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['employees'] });
    }
    previous.current = status;
  }, [status, queryClient]);

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!job) return <Skeleton h={120} aria-label={t('kit.loading')} />;

  const succeededTitle = t(`imports.succeeded.${job.kind}`, { count: job.rowsWritten });
  const log = messageOf({ code: job.logCode, params: job.logParams }, job.log);
  // the server's log says the same and more (「1件を更新しました（変更のない行 1件）」): then it is the title
  const logIsTitle = log.startsWith(succeededTitle) && !log.includes('\n');

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={t('imports.resultTitle')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={3} size="h4">
              {t('imports.resultTitle')}
            </Title>
            <Badge variant="light" color="gray" radius="sm">
              {t(`imports.kinds.${job.kind}`)}
            </Badge>
            <ImportStatusBadge status={job.status} />
          </Group>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('imports.fileName', { name: job.fileName })}
          </Text>
        </Group>

        {job.status === 'processing' && <ImportProgress job={job} />}

        {job.status === 'succeeded' && (
          <Alert color="green" title={logIsTitle ? log : succeededTitle}>
            <Stack gap="xs" align="flex-start">
              {log && !logIsTitle && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {log}
                </Text>
              )}
              {job.kind === 'attendance' && <Text size="sm">{t('imports.checkAttendance')}</Text>}
              <ButtonLink
                to="/admin/employees"
                // new employees: those created today; otherwise the whole list
                search={job.kind === 'employees_new' ? { createdFrom: todayInJapan(), createdTo: todayInJapan() } : {}}
                color="green"
              >
                {t('imports.checkEmployees')}
              </ButtonLink>
            </Stack>
          </Alert>
        )}

        {job.status === 'failed' && (
          <>
            <Alert color="red" role="alert" title={t(`imports.failed.${job.kind}`, { count: job.errorCount })}>
              {log && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {log}
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

/**
 * 検証中 (striped, indeterminate: the total is not known yet) then 登録中 / 更新中 with X / N 行. The server
 * sets rowsTotal when validation is done, so rowsTotal = 0 means the file is still being validated.
 */
function ImportProgress({ job }: { job: TImportJob }) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-US' : 'ja-JP');
  const writing = job.rowsTotal > 0;
  const phase = writing ? t(`imports.phaseWriting.${job.kind}`) : t('imports.phaseValidating');
  const detail = writing
    ? t('imports.writtenRows', { done: fmt(job.rowsWritten), total: fmt(job.rowsTotal) })
    : job.rowsValidated > 0
      ? t('imports.validatedRows', { rows: fmt(job.rowsValidated) })
      : t('imports.reading');
  const percent = writing ? Math.min(100, Math.floor((job.rowsWritten / job.rowsTotal) * 100)) : 100;
  const label = t('imports.progress', { phase, detail });

  return (
    <Stack gap={6} aria-live="polite">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Badge color={writing ? 'teal' : 'blue'} variant="filled" radius="sm">
            {phase}
          </Badge>
          <Text size="sm">{detail}</Text>
        </Group>
        {writing && (
          <Text size="sm" c="dimmed" ff="monospace">
            {percent}%
          </Text>
        )}
      </Group>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={writing ? percent : undefined}
        aria-valuetext={detail}
      >
        <Progress.Section
          value={percent}
          color={writing ? 'teal' : 'blue'}
          striped
          animated
          withAria={false}
          // while validating the bar is full and moving: how far is not known yet
          opacity={writing ? 1 : 0.6}
        />
      </Progress.Root>
    </Stack>
  );
}
