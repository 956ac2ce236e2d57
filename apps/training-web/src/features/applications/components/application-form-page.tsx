// お申込みフォーム (/applications/new?session=<id>): the course, the session and its fee, and the applicant's
// own details (氏名, 部署名, メール, 承認者) to confirm before 申込申請. When the server says why one cannot
// apply (締切, 承認者なし, 申込済み) the form says so instead of offering the button.

import { formatDateTimeWeekday } from '@jinji/ja/text';
import { PageHeader } from '@jinji/web-kit/ui/page-header';
import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationFormQueryOptions, useApply } from '../api/applications';
import { sessionWhen, sessionWhere } from './application-parts';

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

export function ApplicationFormPage() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { session?: string };
  const sessionId = typeof search.session === 'string' ? search.session : '';
  const navigate = useNavigate();
  const form = useQuery({ ...applicationFormQueryOptions(sessionId), enabled: sessionId !== '' });
  const apply = useApply();
  const [note, setNote] = useState('');

  if (!sessionId) return <Alert color="yellow">{t('applications.noSession')}</Alert>;
  if (form.error) return <Alert color="red">{form.error.message}</Alert>;
  const d = form.data;
  return (
    <Stack maw={820}>
      <PageHeader title={t('applications.formTitle')} lead={t('applications.formLead')} />
      {!d ? (
        <Skeleton h={320} aria-label={t('kit.loading')} />
      ) : (
        <>
          <Card withBorder radius="md">
            <Text fw={700} size="lg" mb="sm">
              {d.session.courseTitle}
              <Text span size="sm" c="dimmed" ml="xs">
                {d.session.courseCode}
              </Text>
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Field label={t('applications.session')} value={sessionWhen(d.session)} />
              <Field label={t('applications.place')} value={sessionWhere(d.session, t('applications.online'))} />
              <Field
                label={t('applications.fee')}
                value={t('applications.feeValue', { fee: d.session.fee.toLocaleString('ja-JP') })}
              />
              <Field
                label={t('applications.seats')}
                value={
                  <>
                    {t('applications.seatsValue', { capacity: d.session.capacity, taken: d.session.seatsTaken })}
                    {d.session.seatsTaken >= d.session.capacity && (
                      <Text span c="orange" size="sm" ml="xs">
                        {t('applications.full')}
                      </Text>
                    )}
                  </>
                }
              />
              <Field label={t('applications.applyDeadline')} value={formatDateTimeWeekday(d.session.applyDeadline)} />
              <Field label={t('applications.cancelDeadline')} value={formatDateTimeWeekday(d.session.cancelDeadline)} />
            </SimpleGrid>
          </Card>
          <Card withBorder radius="md">
            <Text fw={700} mb="sm">
              {t('applications.applicantTitle')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Field label={t('applications.displayName')} value={d.applicant.displayName} />
              <Field
                label={t('applications.department')}
                value={d.applicant.departmentName ?? t('applications.none')}
              />
              <Field label={t('applications.email')} value={d.applicant.email ?? t('applications.none')} />
              <Field
                label={t('applications.approver')}
                value={d.applicant.approverName ?? t('applications.anyApprover')}
              />
            </SimpleGrid>
          </Card>
          {d.refusal && <Alert color="red">{d.refusal}</Alert>}
          {apply.error && <Alert color="red">{apply.error.message}</Alert>}
          {apply.data ? (
            <Alert color="teal">
              <Group justify="space-between">
                <Text size="sm">{t('applications.submitted')}</Text>
                <Button size="xs" variant="light" onClick={() => void navigate({ to: '/applications' as never })}>
                  {t('applications.toList')}
                </Button>
              </Group>
            </Alert>
          ) : (
            !d.refusal && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  apply.mutate({ sessionId, note });
                }}
              >
                <Stack>
                  <Textarea
                    label={t('applications.note')}
                    autosize
                    minRows={2}
                    maxLength={500}
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                  />
                  <Group justify="flex-end">
                    <Button type="submit" size="md" loading={apply.isPending}>
                      {t('applications.submit')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )
          )}
        </>
      )}
    </Stack>
  );
}
