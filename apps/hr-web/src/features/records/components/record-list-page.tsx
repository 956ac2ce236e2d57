// 対応記録一覧: filter by カテゴリ, 記録日, 状態, 対象者 and keyword; 記録日 newest first, 20 a page; the CSV of the
// whole filtered result (UTF-8 with BOM or Shift_JIS).
import { RECORD_STATUSES, type TRecordStatus } from '@jinji/contracts/hr/records';
import { downloadFile } from '@jinji/web-kit/api-client';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  recordExportUrl,
  recordFormOptionsQueryOptions,
  recordListQueryOptions,
  type TRecordFilter,
} from '../api/records';
import { EmployeePicker, type TPicked } from './employee-picker';
import { RecordEditor } from './record-editor';
import { RecordTable } from './record-table';

export function RecordListPage() {
  const { t } = useTranslation();
  const options = useQuery(recordFormOptionsQueryOptions);
  const [draft, setDraft] = useState<TRecordFilter>({});
  const [person, setPerson] = useState<TPicked[]>([]);
  const [filter, setFilter] = useState<TRecordFilter>({});
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const { data, error, isPlaceholderData } = useQuery(recordListQueryOptions(filter, page));
  const set = (patch: Partial<TRecordFilter>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t('records.listTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('records.listLead')}
          </Text>
        </div>
        <Button onClick={() => setIsCreating(true)}>{t('records.newButton')}</Button>
      </Group>
      <Card withBorder radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFilter({ ...draft, employeeId: person[0]?.employeeId });
            setPage(1);
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Select
              label={t('records.filterCategory')}
              placeholder={t('records.all')}
              data={(options.data?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={draft.categoryId ?? null}
              onChange={(v) => set({ categoryId: v ?? undefined })}
              clearable
            />
            <TextInput
              type="date"
              label={t('records.filterFrom')}
              value={draft.from ?? ''}
              onChange={(e) => set({ from: e.currentTarget.value || undefined })}
            />
            <TextInput
              type="date"
              label={t('records.filterTo')}
              value={draft.to ?? ''}
              onChange={(e) => set({ to: e.currentTarget.value || undefined })}
            />
            <Select
              label={t('records.filterStatus')}
              placeholder={t('records.all')}
              data={RECORD_STATUSES.map((s) => ({
                value: s,
                label: s === 'done' ? t('records.statusDone') : t('records.statusOpen'),
              }))}
              value={draft.status ?? null}
              onChange={(v) => set({ status: (v as TRecordStatus | null) ?? undefined })}
              clearable
            />
            <EmployeePicker
              label={t('records.filterEmployee')}
              value={person}
              onChange={(next) => setPerson(next.slice(-1))}
            />
            <TextInput
              label={t('records.filterQ')}
              value={draft.q ?? ''}
              onChange={(e) => set({ q: e.currentTarget.value || undefined })}
            />
          </SimpleGrid>
          <Group justify="space-between" mt="sm">
            <Group gap="xs">
              <Button variant="default" size="sm" onClick={() => downloadFile(recordExportUrl(filter, 'utf8'))}>
                {t('records.csvUtf8')}
              </Button>
              <Button variant="default" size="sm" onClick={() => downloadFile(recordExportUrl(filter, 'cp932'))}>
                {t('records.csvCp932')}
              </Button>
            </Group>
            <Group gap="xs">
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft({});
                  setPerson([]);
                  setFilter({});
                  setPage(1);
                }}
              >
                {t('records.clear')}
              </Button>
              <Button type="submit">{t('records.search')}</Button>
            </Group>
          </Group>
        </form>
      </Card>
      <ListStates error={error} data={data} emptyText={t('records.empty')} isPlaceholderData={isPlaceholderData}>
        {(d) => <RecordTable records={d.items} />}
      </ListStates>
      {data && <ListFooter total={data.total} pageSize={data.pageSize} page={page} onPage={setPage} />}
      {isCreating && <RecordEditor record={null} onClose={() => setIsCreating(false)} />}
    </Stack>
  );
}
