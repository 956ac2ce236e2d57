// 届出一覧 for approvers (a 上長 in My STORY, 人事 and 届出承認者 in the admin console): the requests
// they approve at any step, filtered by 状態, 種類, 申請者 and 適用日, 20 a page.
import { REQUEST_STATUSES } from '@jinji/contracts/hr/requests';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalsQueryOptions, filableTypesQueryOptions, type TApprovalFilter } from '../api/requests';
import { RequestListTable, type TDetailRoute } from './request-list-table';

export function ApprovalsPage({ detailTo, isWaitingOnly }: { detailTo: TDetailRoute; isWaitingOnly: boolean }) {
  const { t } = useTranslation();
  const types = useQuery(filableTypesQueryOptions);
  const [draft, setDraft] = useState<Omit<TApprovalFilter, 'page'>>({ isWaitingOnly });
  const [filter, setFilter] = useState<TApprovalFilter>({ isWaitingOnly, page: 1 });
  const { data, error, isPlaceholderData } = useQuery(approvalsQueryOptions(filter));
  const set = (patch: Partial<TApprovalFilter>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {t('requests.approvalsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('requests.approvalsLead')}
        </Text>
      </div>
      <Card withBorder radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFilter({ ...draft, page: 1 });
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select
              label={t('requests.filterStatus')}
              placeholder={t('requests.all')}
              data={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.statuses.${s}`) }))}
              value={draft.status ?? null}
              onChange={(v) => set({ status: v ?? undefined })}
              clearable
            />
            <Select
              label={t('requests.filterType')}
              placeholder={t('requests.all')}
              data={(types.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              value={draft.typeId ?? null}
              onChange={(v) => set({ typeId: v ?? undefined })}
              clearable
            />
            <TextInput
              label={t('requests.filterApplicant')}
              value={draft.q ?? ''}
              onChange={(e) => set({ q: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('requests.filterFrom')}
              value={draft.effectiveFrom ?? ''}
              onChange={(e) => set({ effectiveFrom: e.currentTarget.value || undefined })}
            />
            <TextInput
              type="date"
              label={t('requests.filterTo')}
              value={draft.effectiveTo ?? ''}
              onChange={(e) => set({ effectiveTo: e.currentTarget.value || undefined })}
            />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            <Checkbox
              label={t('requests.filterWaiting')}
              checked={draft.isWaitingOnly ?? false}
              onChange={(e) => set({ isWaitingOnly: e.currentTarget.checked })}
            />
            <Button type="submit">{t('requests.search')}</Button>
          </Group>
        </form>
      </Card>
      <ListStates error={error} data={data} emptyText={t('requests.empty')} isPlaceholderData={isPlaceholderData}>
        {(d) => <RequestListTable page={d} detailTo={detailTo} withApplicant />}
      </ListStates>
      {data && (
        <ListFooter
          total={data.total}
          pageSize={data.pageSize}
          page={filter.page}
          onPage={(page) => setFilter((f) => ({ ...f, page }))}
        />
      )}
    </Stack>
  );
}
