// 申込一覧: the user's own applications with their status (キャンセル and 日程変更 while the キャンセル締切
// allows); a 管理者 switches to everyone's, filtered by 申込状況 and applicant / course. 20 a page.

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
import { useCan } from '../../auth/api/auth';
import { courseQueryOptions } from '../../courses/api/courses';
import {
  applicationsQueryOptions,
  type TApplication,
  type TApplicationFilter,
  useCancel,
  useChangeSession,
} from '../api/applications';
import { ReasonDialog, sessionWhen, sessionWhere } from './application-parts';
import { ApplicationTable } from './application-table';

export function ApplicationsPage() {
  const { t } = useTranslation();
  const isAdmin = useCan('applications.manage');
  const [draft, setDraft] = useState<{ status?: string; q?: string }>({});
  const [filter, setFilter] = useState<TApplicationFilter>({ scope: 'mine', page: 1 });
  const { data, error, isPlaceholderData } = useQuery(applicationsQueryOptions(filter));
  const cancel = useCancel();
  const [target, setTarget] = useState<TApplication | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const change = useChangeSession();
  const [changing, setChanging] = useState<TApplication | null>(null);
  const [toSession, setToSession] = useState<string | null>(null);
  // the other sessions of the same course still open for applications
  const course = useQuery({ ...courseQueryOptions(changing?.session.courseId ?? ''), enabled: changing !== null });
  const otherSessions = (course.data?.sessions ?? [])
    .filter((s) => s.id !== changing?.session.id && s.canApply)
    .map((s) => ({
      value: s.id,
      label: `${sessionWhen(s)}　${sessionWhere(s, t('applications.online'))}　${t('applications.seatsLeftShort', { count: s.seatsLeft })}`,
    }));
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
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      setToSession(null);
                      setChanging(a);
                    }}
                  >
                    {t('applications.change')}
                  </Button>
                  <Button size="xs" variant="light" color="red" onClick={() => setTarget(a)}>
                    {t('applications.cancel')}
                  </Button>
                </Group>
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
      <ReasonDialog
        opened={changing !== null}
        title={t('applications.changeTitle')}
        label={t('applications.changeReason')}
        confirmLabel={t('applications.changeConfirm')}
        confirmColor="teal"
        onClose={() => setChanging(null)}
        onConfirm={async (reason) => {
          if (!toSession) throw new Error(t('applications.changeNoSession'));
          await change.mutateAsync({ id: changing!.id, sessionId: toSession, reason });
          setDone(t('applications.changed'));
        }}
      >
        {changing && (
          <Stack gap="xs">
            <Text size="sm">
              {changing.session.courseTitle}（{sessionWhen(changing.session)}）
            </Text>
            <Text size="sm" c="dimmed">
              {t('applications.changeLead')}
            </Text>
            <Select
              label={t('applications.changeTo')}
              withAsterisk
              data={otherSessions}
              value={toSession}
              onChange={setToSession}
              placeholder={course.isPending ? t('kit.loading') : undefined}
              nothingFoundMessage={t('applications.changeNoOther')}
              error={course.data && otherSessions.length === 0 ? t('applications.changeNoOther') : undefined}
              comboboxProps={{ withinPortal: true }}
            />
          </Stack>
        )}
      </ReasonDialog>
    </Stack>
  );
}
