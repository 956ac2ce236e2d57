// 期限付きタスク: open records with a 対応期限 — overdue first (「期限切れ」, highlighted), then by 対応期限;
// 今週期限 marked; 「自分の担当のみ」 narrows to the signed-in 担当者.

import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { Alert, Badge, Button, Group, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TTaskFilter, taskListQueryOptions } from '../api/records';
import { RecordEditor } from './record-editor';
import { RecordTable } from './record-table';

export function RecordTasksPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<TTaskFilter>({ due: 'all', isMine: false, page: 1 });
  const [isCreating, setIsCreating] = useState(false);
  const { data, error, isPlaceholderData } = useQuery(taskListQueryOptions(filter));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('records.tasksTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('records.tasksLead')}
          </Text>
        </div>
        <Button onClick={() => setIsCreating(true)}>{t('records.newButton')}</Button>
      </Group>
      <Group justify="space-between">
        <SegmentedControl
          value={filter.due}
          onChange={(v) => setFilter((f) => ({ ...f, due: v as TTaskFilter['due'], page: 1 }))}
          data={[
            { value: 'all', label: t('records.dueAll') },
            { value: 'overdue', label: t('records.dueOverdue') },
            { value: 'week', label: t('records.dueWeek') },
          ]}
        />
        <Switch
          label={t('records.mineOnly')}
          checked={filter.isMine}
          onChange={(e) => {
            const isMine = e.currentTarget.checked;
            setFilter((f) => ({ ...f, isMine, page: 1 }));
          }}
        />
      </Group>
      {data && (data.overdueCount > 0 || data.thisWeekCount > 0) && (
        <Group gap="xs">
          {data.overdueCount > 0 && (
            <Badge color="red" variant="filled">
              {t('records.overdueCount', { count: data.overdueCount })}
            </Badge>
          )}
          {data.thisWeekCount > 0 && (
            <Badge color="orange" variant="light">
              {t('records.weekCount', { count: data.thisWeekCount })}
            </Badge>
          )}
        </Group>
      )}
      {error && !data && <Alert color="red">{error.message}</Alert>}
      <ListStates
        error={data ? error : null}
        data={data}
        emptyText={t('records.tasksEmpty')}
        isPlaceholderData={isPlaceholderData}
      >
        {(d) => (
          <RecordTable
            records={d.items}
            dueThisWeek={new Set(d.items.filter((i) => i.isDueThisWeek).map((i) => i.id))}
          />
        )}
      </ListStates>
      {data && (
        <ListFooter
          total={data.total}
          pageSize={data.pageSize}
          page={filter.page}
          onPage={(page) => setFilter((f) => ({ ...f, page }))}
        />
      )}
      {isCreating && <RecordEditor record={null} onClose={() => setIsCreating(false)} />}
    </Stack>
  );
}
