// 従業員一覧's selection bar: how many are selected (picked ones, or the whole search result), and
// 【アカウント通知】 / 【スタートアップのリマインド】 with a confirmation and the server's report of who was
// not sent to (no account, no address, already finished), by 社員番号.
import type { TEmployeeMailResponse } from '@jinji/contracts/hr/account-notice';
import { Alert, Button, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionOf, type TEmployeeMailKind, useSendEmployeeMail } from '../api/account-notice';
import type { TEmployeeFilters } from '../api/employee-search';

export type TEmployeePick = string[] | 'all';

export function EmployeeMailActions({
  picked,
  total,
  filters,
  onPick,
  canMail,
  children,
}: {
  picked: TEmployeePick;
  total: number;
  filters: TEmployeeFilters;
  onPick: (next: TEmployeePick) => void;
  /** アカウント通知 and リマインド (employees.edit); the bar may be there for other actions only */
  canMail: boolean;
  /** more actions on the same selection (個人プロフィール一括出力) */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const send = useSendEmployeeMail();
  const [asking, setAsking] = useState<TEmployeeMailKind | null>(null);
  const [report, setReport] = useState<{ kind: TEmployeeMailKind; result: TEmployeeMailResponse } | null>(null);
  const count = picked === 'all' ? total : picked.length;

  const confirm = () => {
    if (!asking) return;
    const kind = asking;
    send.mutate(
      { kind, selection: selectionOf(picked, filters) },
      {
        onSuccess: (result) => {
          setAsking(null);
          setReport({ kind, result });
          onPick([]);
        },
      },
    );
  };

  return (
    <>
      <Paper withBorder radius="md" p="xs" bg="gray.0">
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            <Text size="sm" fw={500} aria-live="polite">
              {picked === 'all' ? t('employeeMail.selectedAll', { count }) : t('employeeMail.selected', { count })}
            </Text>
            {picked !== 'all' && total > 0 && (
              <Button size="compact-sm" variant="subtle" onClick={() => onPick('all')}>
                {t('employeeMail.selectAll', { count: total })}
              </Button>
            )}
            {count > 0 && (
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onPick([])}>
                {t('employeeMail.clear')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            {children}
            {canMail && (
              <>
                <Button size="sm" disabled={count === 0} onClick={() => setAsking('notice')}>
                  {t('employeeMail.notice')}
                </Button>
                <Button size="sm" variant="default" disabled={count === 0} onClick={() => setAsking('reminder')}>
                  {t('employeeMail.reminder')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Paper>

      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking === 'reminder' ? t('employeeMail.reminderTitle') : t('employeeMail.noticeTitle')}
      >
        <Stack>
          <Text size="sm">
            {asking === 'reminder'
              ? t('employeeMail.reminderConfirm', { count })
              : t('employeeMail.noticeConfirm', { count })}
          </Text>
          {send.error && (
            <Alert color="red" role="alert">
              {send.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {t('employeeMail.cancel')}
            </Button>
            <Button loading={send.isPending} onClick={confirm}>
              {t('employeeMail.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={report !== null}
        onClose={() => setReport(null)}
        title={report?.kind === 'reminder' ? t('employeeMail.reminderTitle') : t('employeeMail.noticeTitle')}
      >
        {report && (
          <Stack>
            <Alert color={report.result.sentCount > 0 ? 'teal' : 'yellow'} role="status">
              {report.result.sentCount > 0
                ? t('employeeMail.sent', { count: report.result.sentCount })
                : t('employeeMail.sentNone')}
            </Alert>
            <List spacing="xs" size="sm">
              {(['noAccount', 'noEmail', 'notPending'] as const)
                .filter((key) => report.result[key].count > 0)
                .map((key) => (
                  <List.Item key={key}>
                    <Text size="sm">{t(`employeeMail.${key}`, { count: report.result[key].count })}</Text>
                    <Text size="xs" c="dimmed">
                      {t('employeeMail.numbers', { list: report.result[key].employeeNumbers.join('、') })}
                    </Text>
                  </List.Item>
                ))}
            </List>
            <Group justify="flex-end">
              <Button onClick={() => setReport(null)}>{t('employeeMail.close')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
