import { MAIL_TEMPLATE_LABELS } from '@jinji/contracts/hr/mail';
import { formatDateTime } from '@jinji/ja/text';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  mailQueryOptions,
  mailsQueryOptions,
  type TMailListResponse,
  useRetryMail,
  useSendTestMail,
} from '../api/mails';

const PAGE_SIZE = 50;
const COLORS = { pending: 'blue', sending: 'blue', sent: 'teal', failed: 'red', unsent: 'gray' } as const;
type TMail = TMailListResponse['items'][number];
type TShownStatus = keyof typeof COLORS;

/** pending with no SMTP server configured: nothing will send it, so it reads 未送信 */
const shownStatus = (mail: Pick<TMail, 'status'>, isSmtpConfigured: boolean): TShownStatus =>
  mail.status === 'pending' && !isSmtpConfigured ? 'unsent' : mail.status;

function StatusBadge({ status }: { status: TShownStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`mails.statuses.${status}`)}
    </Badge>
  );
}

/** 送信メール一覧 (システム管理, decision 010): 日時, 宛先, 件名, 状態, 試行回数; the body on opening a row. */
export function MailLogPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, error, isPlaceholderData } = useQuery(mailsQueryOptions(page, PAGE_SIZE));
  const sendTest = useSendTestMail();

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('mails.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('mails.lead')}
          </Text>
        </div>
        <Button variant="default" onClick={() => sendTest.mutate()} loading={sendTest.isPending}>
          {t('mails.sendTest')}
        </Button>
      </Group>
      {sendTest.error && <Alert color="red">{sendTest.error.message}</Alert>}
      {sendTest.isSuccess && data && (
        <Alert color="teal">{t(data.isSmtpConfigured ? 'mails.testQueued' : 'mails.testKept')}</Alert>
      )}
      {data && !data.isSmtpConfigured && <Alert color="yellow">{t('mails.noSmtp')}</Alert>}
      <ListStates error={error} data={data} emptyText={t('mails.empty')} isPlaceholderData={isPlaceholderData}>
        {(data) => (
          <Table.ScrollContainer minWidth={860}>
            <Table aria-label={t('mails.title')} verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('mails.at')}</Table.Th>
                  <Table.Th w={220}>{t('mails.to')}</Table.Th>
                  <Table.Th>{t('mails.subject')}</Table.Th>
                  <Table.Th w={110}>{t('mails.status')}</Table.Th>
                  <Table.Th w={90}>{t('mails.attempts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((mail) => (
                  <Table.Tr key={mail.id}>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(mail.createdAt)}
                    </Table.Td>
                    <Table.Td fz="sm" style={{ wordBreak: 'break-all' }}>
                      {mail.to}
                    </Table.Td>
                    <Table.Td>
                      <Anchor component="button" type="button" size="sm" ta="left" onClick={() => setOpenId(mail.id)}>
                        {mail.subject}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {MAIL_TEMPLATE_LABELS[mail.template] ?? mail.template}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={shownStatus(mail, data.isSmtpConfigured)} />
                    </Table.Td>
                    <Table.Td fz="sm">{mail.attempts}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {data && <ListFooter total={data.total} pageSize={data.pageSize} page={page} onPage={setPage} />}
      <Modal opened={openId !== null} onClose={() => setOpenId(null)} title={t('mails.body')} size="lg">
        {openId && <MailDetail id={openId} />}
      </Modal>
    </Stack>
  );
}

function MailDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(mailQueryOptions(id));
  const retry = useRetryMail();
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Skeleton h={200} aria-label={t('kit.loading')} />;
  const status = shownStatus(data, data.isSmtpConfigured);
  const row = (label: string, value: React.ReactNode) => (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    </Group>
  );
  return (
    <Stack gap="xs">
      {row(t('mails.at'), formatDateTime(data.createdAt))}
      {row(t('mails.to'), data.to)}
      {row(t('mails.subject'), data.subject)}
      {row(t('mails.status'), <StatusBadge status={status} />)}
      {row(t('mails.attempts'), data.attempts)}
      {data.sentAt && row(t('mails.sentAt'), formatDateTime(data.sentAt))}
      {data.lastErrorCode && row(t('mails.errorCode'), <Code>{data.lastErrorCode}</Code>)}
      <Paper withBorder p="sm" mt="xs" aria-label={t('mails.body')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {data.textBody}
        </Text>
      </Paper>
      {retry.error && <Alert color="red">{retry.error.message}</Alert>}
      {retry.isSuccess && <Alert color="teal">{t('mails.retried')}</Alert>}
      {data.status === 'failed' && (
        <Group justify="flex-end">
          <Button onClick={() => retry.mutate(id)} loading={retry.isPending}>
            {t('mails.retry')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
