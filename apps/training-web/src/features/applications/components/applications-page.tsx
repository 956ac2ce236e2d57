// 申込一覧: the user's own applications with their status (キャンセル while the キャンセル締切 allows); a
// 管理者 switches to everyone's, filtered by 申込状況 and applicant / course. 20 a page.

import { APPLICATION_STATUSES } from '@jinji/contracts/training/applications';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { PageHeader } from '@jinji/web-kit/ui/page-header';
import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  applicationsQueryOptions,
  type TApplication,
  type TApplicationFilter,
  useCancel,
  useSystemRole,
} from '../api/applications';
import { ReasonDialog, sessionWhen } from './application-parts';
import { ApplicationTable } from './application-table';

export function ApplicationsPage() {
  const { t } = useTranslation();
  const isAdmin = useSystemRole() === 'admin';
  const [draft, setDraft] = useState<{ status?: string; q?: string }>({});
  const [filter, setFilter] = useState<TApplicationFilter>({ scope: 'mine', page: 1 });
  const { data, error, isPlaceholderData } = useQuery(applicationsQueryOptions(filter));
  const cancel = useCancel();
  const [target, setTarget] = useState<TApplication | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack>
      <PageHeader
        title={t('applications.listTitle')}
        lead={filter.scope === 'all' ? t('applications.listLeadAll') : t('applications.listLead')}
      />
      <Card withBorder radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setFilter((f) => ({ ...f, ...draft, page: 1 }));
          }}
        >
          <Stack gap="sm">
            {isAdmin && (
              <SegmentedControl
                aria-label={t('applications.listTitle')}
                value={filter.scope}
                onChange={(v) => setFilter((f) => ({ ...f, scope: v as 'mine' | 'all', page: 1 }))}
                data={[
                  { value: 'mine', label: t('applications.scopeMine') },
                  { value: 'all', label: t('applications.scopeAll') },
                ]}
                style={{ alignSelf: 'flex-start' }}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('applications.filterStatus')}
                placeholder={t('applications.all')}
                data={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applications.statuses.${s}`) }))}
                value={draft.status ?? null}
                onChange={(v) => setDraft((d) => ({ ...d, status: v ?? undefined }))}
                clearable
              />
              <TextInput
                label={t('applications.filterQ')}
                value={draft.q ?? ''}
                maxLength={100}
                onChange={(e) => setDraft((d) => ({ ...d, q: e.currentTarget.value }))}
              />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit">{t('applications.search')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {done && (
        <Alert color="teal" withCloseButton onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <ListStates error={error} data={data} emptyText={t('applications.empty')} isPlaceholderData={isPlaceholderData}>
        {(d) => (
          <ApplicationTable
            items={d.items}
            label={t('applications.listTitle')}
            withApplicant={filter.scope === 'all'}
            actions={(a) =>
              a.canCancel && (
                <Button size="xs" variant="light" color="red" onClick={() => setTarget(a)}>
                  {t('applications.cancel')}
                </Button>
              )
            }
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
      <ReasonDialog
        opened={target !== null}
        title={t('applications.cancelTitle')}
        label={t('applications.cancelReason')}
        confirmLabel={t('applications.cancelConfirm')}
        confirmColor="red"
        onClose={() => setTarget(null)}
        onConfirm={async (reason) => {
          await cancel.mutateAsync({ id: target!.id, reason });
          setDone(t('applications.cancelled'));
        }}
      >
        {target && (
          <Text size="sm">
            {target.session.courseTitle}（{sessionWhen(target.session)}）
          </Text>
        )}
      </ReasonDialog>
    </Stack>
  );
}
