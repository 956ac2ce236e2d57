// 承認待ち: the applications the caller may decide, oldest first — 承認決裁 (申込確定, or キャンセル待ち when
// the session is full) or 却下 with a required reason.

import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { PageHeader } from '@jinji/web-kit/ui/page-header';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalsQueryOptions, type TApplication, useApprove, useReject } from '../api/applications';
import { ReasonDialog, sessionWhen } from './application-parts';
import { ApplicationTable } from './application-table';

export function ApprovalsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, error, isPlaceholderData } = useQuery(approvalsQueryOptions(page));
  const approve = useApprove();
  const reject = useReject();
  const [target, setTarget] = useState<TApplication | null>(null);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  return (
    <Stack>
      <PageHeader title={t('applications.approvalsTitle')} lead={t('applications.approvalsLead')} />
      {message && (
        <Alert color={message.color} withCloseButton onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      <ListStates
        error={error}
        data={data}
        emptyText={t('applications.approvalsEmpty')}
        isPlaceholderData={isPlaceholderData}
      >
        {(d) => (
          <ApplicationTable
            items={d.items}
            label={t('applications.approvalsTitle')}
            withApplicant
            withFee
            actions={(a) =>
              a.canDecide && (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    loading={approve.isPending && approve.variables === a.id}
                    onClick={() =>
                      approve.mutate(a.id, {
                        onSuccess: (r) =>
                          setMessage({
                            color: r.status === 'confirmed' ? 'teal' : 'orange',
                            text: t(
                              r.status === 'confirmed'
                                ? 'applications.approvedConfirmed'
                                : 'applications.approvedWaitlisted',
                            ),
                          }),
                        onError: (e) => setMessage({ color: 'red', text: e.message }),
                      })
                    }
                  >
                    {t('applications.approve')}
                  </Button>
                  <Button size="xs" variant="light" color="red" onClick={() => setTarget(a)}>
                    {t('applications.reject')}
                  </Button>
                </Group>
              )
            }
          />
        )}
      </ListStates>
      {data && <ListFooter total={data.total} pageSize={data.pageSize} page={page} onPage={setPage} />}
      <ReasonDialog
        opened={target !== null}
        title={t('applications.rejectTitle')}
        label={t('applications.rejectReason')}
        confirmLabel={t('applications.rejectConfirm')}
        confirmColor="red"
        onClose={() => setTarget(null)}
        onConfirm={async (reason) => {
          await reject.mutateAsync({ id: target!.id, reason });
          setMessage({ color: 'gray', text: t('applications.rejected') });
        }}
      >
        {target && (
          <Text size="sm">
            {target.applicant.displayName}：{target.session.courseTitle}（{sessionWhen(target.session)}）
          </Text>
        )}
      </ReasonDialog>
    </Stack>
  );
}
