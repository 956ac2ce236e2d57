// 受講者詳細: the sessions with their counts; a chosen session (?session=<id>) lists its applicants —
// confirmed, then the waiting list in order, then the rest — with 出席 / 欠席 / 修了 recorded in bulk once
// the session has ended, and the list as CSV (UTF-8 with BOM or Shift_JIS).

import type { TAttendance } from '@jinji/contracts/training/applications';
import { ATTENDANCE_STATUSES } from '@jinji/contracts/training/applications';
import { downloadFile } from '@jinji/web-kit/api-client';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { PageHeader } from '@jinji/web-kit/ui/page-header';
import { Alert, Button, Card, Group, Paper, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attendeeSessionsQueryOptions,
  attendeesCsvHref,
  attendeesQueryOptions,
  useRecordAttendance,
} from '../api/applications';
import { ApplicationStatus, sessionWhen, sessionWhere } from './application-parts';

export function AttendeesPage() {
  const search = useSearch({ strict: false }) as { session?: string };
  return typeof search.session === 'string' && search.session ? (
    <SessionAttendees sessionId={search.session} />
  ) : (
    <SessionList />
  );
}

function SessionList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState({ q: '', page: 1 });
  const { data, error, isPlaceholderData } = useQuery(attendeeSessionsQueryOptions(filter.q, filter.page));
  return (
    <Stack>
      <PageHeader title={t('applications.attendeesTitle')} lead={t('applications.attendeesLead')} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ q: draft, page: 1 });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('applications.filterCourse')}
            value={draft}
            maxLength={100}
            onChange={(e) => setDraft(e.currentTarget.value)}
            style={{ flex: 1, maxWidth: 420 }}
          />
          <Button type="submit">{t('applications.search')}</Button>
        </Group>
      </form>
      <ListStates
        error={error}
        data={data}
        emptyText={t('applications.sessionsEmpty')}
        isPlaceholderData={isPlaceholderData}
      >
        {(d) => (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={t('applications.attendeesTitle')} verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('applications.course')}</Table.Th>
                  <Table.Th w={280}>{t('applications.seats')}</Table.Th>
                  <Table.Th w={90} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {s.courseTitle}
                      </Text>
                      <Text size="xs">{sessionWhen(s)}</Text>
                      <Text size="xs" c="dimmed">
                        {sessionWhere(s, t('applications.online'))}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">
                      {t('applications.counts', {
                        taken: s.seatsTaken,
                        capacity: s.capacity,
                        pending: s.pendingCount,
                        waitlisted: s.waitlistedCount,
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => void navigate({ to: '/attendees' as never, search: { session: s.id } as never })}
                      >
                        {t('applications.open')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
    </Stack>
  );
}

function SessionAttendees({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error } = useQuery(attendeesQueryOptions(sessionId));
  const record = useRecordAttendance(sessionId);
  const [edits, setEdits] = useState<Record<string, TAttendance | null>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const attendanceOf = (id: string, current: TAttendance | null) => (id in edits ? edits[id]! : current);
  const confirmed = data?.items.filter((a) => a.status === 'confirmed') ?? [];
  const changed = confirmed.filter((a) => attendanceOf(a.id, a.attendance) !== a.attendance);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title={t('applications.attendeesTitle')}
          lead={
            data &&
            `${data.session.courseTitle}・${sessionWhen(data.session)}・${sessionWhere(data.session, t('applications.online'))}`
          }
        />
        <Button
          variant="default"
          size="xs"
          onClick={() => void navigate({ to: '/attendees' as never, search: {} as never })}
        >
          {t('applications.back')}
        </Button>
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      {!data ? (
        !error && <Skeleton h={240} aria-label={t('kit.loading')} />
      ) : (
        <>
          <Card withBorder radius="md" p="sm">
            <Group justify="space-between">
              <Text size="sm">
                {t('applications.seatsValue', { capacity: data.session.capacity, taken: data.session.seatsTaken })}
              </Text>
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => downloadFile(attendeesCsvHref(sessionId, 'utf8'))}>
                  {t('applications.csvUtf8')}
                </Button>
                <Button size="xs" variant="light" onClick={() => downloadFile(attendeesCsvHref(sessionId, 'cp932'))}>
                  {t('applications.csvCp932')}
                </Button>
              </Group>
            </Group>
          </Card>
          {!data.canRecordAttendance && <Alert color="gray">{t('applications.attendanceLocked')}</Alert>}
          {saved && (
            <Alert color="teal" withCloseButton onClose={() => setSaved(null)}>
              {saved}
            </Alert>
          )}
          {record.error && <Alert color="red">{record.error.message}</Alert>}
          {data.items.length === 0 ? (
            <Paper withBorder radius="md" p="xl">
              <Text ta="center" c="dimmed">
                {t('applications.attendeesEmpty')}
              </Text>
            </Paper>
          ) : (
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={640}>
                <Table aria-label={t('applications.attendeesTitle')} verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('applications.applicant')}</Table.Th>
                      <Table.Th w={200}>{t('applications.status')}</Table.Th>
                      <Table.Th w={170}>{t('applications.attendance')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((a) => (
                      <Table.Tr key={a.id} data-application-id={a.id}>
                        <Table.Td>
                          <Text size="sm">{a.applicant.displayName}</Text>
                          <Text size="xs" c="dimmed">
                            {a.applicant.loginId}
                            {a.applicant.departmentName ? `・${a.applicant.departmentName}` : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <ApplicationStatus application={a} />
                        </Table.Td>
                        <Table.Td>
                          {a.status === 'confirmed' && data.canRecordAttendance ? (
                            <Select
                              size="xs"
                              aria-label={`${a.applicant.displayName} ${t('applications.attendance')}`}
                              placeholder={t('applications.notRecorded')}
                              data={ATTENDANCE_STATUSES.map((s) => ({
                                value: s,
                                label: t(`applications.attendances.${s}`),
                              }))}
                              value={attendanceOf(a.id, a.attendance)}
                              onChange={(v) => setEdits((e) => ({ ...e, [a.id]: (v as TAttendance | null) ?? null }))}
                              clearable
                            />
                          ) : (
                            <Text size="sm" c={a.attendance ? undefined : 'dimmed'}>
                              {a.attendance ? t(`applications.attendances.${a.attendance}`) : '-'}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
          {data.canRecordAttendance && confirmed.length > 0 && (
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => setEdits(Object.fromEntries(confirmed.map((a) => [a.id, 'attended' as const])))}
              >
                {t('applications.setAllAttended')}
              </Button>
              <Button
                disabled={changed.length === 0}
                loading={record.isPending}
                onClick={() =>
                  record.mutate(
                    {
                      entries: changed.map((a) => ({
                        applicationId: a.id,
                        attendance: attendanceOf(a.id, a.attendance),
                      })),
                    },
                    {
                      onSuccess: (r) => {
                        setEdits({});
                        setSaved(t('applications.attendanceSaved', { n: r.updated }));
                      },
                    },
                  )
                }
              >
                {t('applications.saveAttendance')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
