// One 届出: 項目 / 変更前 → 変更後, the approval route with each step's decision and comment, the
// attachments (downloads), and what the viewer may do now — 取下げ for the applicant before the
// decision, 承認 / 差戻し with a comment for the current step's approver.
import { formatDate, formatDateTime } from '@jinji/ja/text';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attachmentHref,
  requestQueryOptions,
  type TRequestDetail,
  type TRequestSide,
  useDecideRequest,
  useWithdrawRequest,
} from '../api/requests';
import { RequestStatusBadge } from './status-badge';

export function RequestDetail({ side, id }: { side: TRequestSide; id: string }) {
  const { t } = useTranslation();
  const { data, error } = useQuery(requestQueryOptions(side, id));
  if (error)
    return (
      <Alert color="red" role="alert">
        {error.message}
      </Alert>
    );
  if (!data) return <Skeleton h={320} radius="md" aria-label={t('kit.loading')} />;
  return (
    <Stack>
      <Card withBorder radius="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
          <div>
            <Title order={2} size="h3">
              {data.typeName}
            </Title>
            <Text size="sm" c="dimmed">
              {data.applicantName}
              {data.employeeNumber ? `（${data.employeeNumber}）` : ''}・{t('requests.createdAt')}{' '}
              {formatDateTime(data.createdAt)}
            </Text>
          </div>
          <RequestStatusBadge status={data.status} />
        </Group>
        <Text size="sm" mb="xs">
          {t('requests.effectiveDate')}：<b>{formatDate(data.effectiveDate)}</b>
        </Text>
        {data.status === 'scheduled' && (
          <Alert color="teal" variant="light" p="xs" mb="xs">
            {t('requests.scheduledNote', { date: formatDate(data.effectiveDate) })}
          </Alert>
        )}
        {data.appliedAt && (
          <Text size="sm" c="dimmed" mb="xs">
            {t('requests.appliedAt')}：{formatDateTime(data.appliedAt)}
          </Text>
        )}
        <Table.ScrollContainer minWidth={0}>
          <Table aria-label={t('requests.detailTitle')} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{t('requests.item')}</Table.Th>
                <Table.Th>{t('requests.before')}</Table.Th>
                <Table.Th>{t('requests.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.changes.map((c) => (
                <Table.Tr key={c.label}>
                  <Table.Td fz="sm">{c.label}</Table.Td>
                  <Table.Td fz="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
                    {c.before ?? '-'}
                  </Table.Td>
                  <Table.Td fz="sm" fw={c.before !== c.after ? 600 : undefined} style={{ wordBreak: 'break-word' }}>
                    {c.after ?? '-'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {data.note && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('requests.note')}：{data.note}
          </Text>
        )}
        {data.attachments.length > 0 && (
          <Stack gap={4} mt="sm">
            <Text size="sm" fw={500}>
              {t('requests.attachments')}
            </Text>
            {data.attachments.map((a) => (
              <Anchor key={a.id} href={attachmentHref(side, data.id, a.id)} size="sm" download>
                {a.fieldLabel ? `${a.fieldLabel}：` : ''}
                {a.fileName}（{Math.ceil(a.size / 1024).toLocaleString('ja-JP')} KB）
              </Anchor>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder radius="md">
        <Title order={3} size="h4" mb="sm">
          {t('requests.route')}
        </Title>
        <Timeline active={data.steps.filter((s) => s.decision).length - 1} bulletSize={18} lineWidth={2}>
          {data.steps.map((s) => (
            <Timeline.Item
              key={s.stepNo}
              color={s.decision === 'returned' ? 'orange' : undefined}
              title={`${t('requests.types.stepN', { n: s.stepNo })}：${s.label}`}
            >
              <Text size="sm" c="dimmed">
                {s.decision
                  ? `${t(`requests.decision.${s.decision}`)}（${s.decidedByName ?? ''}・${formatDateTime(s.decidedAt)}）`
                  : data.status === 'pending' && s.stepNo === data.currentStep
                    ? t('requests.waiting')
                    : '-'}
              </Text>
              {s.comment && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('requests.comment')}：{s.comment}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      {side === 'mine' && data.canWithdraw && <WithdrawAction id={data.id} />}
      {side === 'approver' && data.canDecide && <DecideAction request={data} />}
    </Stack>
  );
}

function WithdrawAction({ id }: { id: string }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawRequest(id);
  return (
    <Stack gap="xs">
      {withdraw.error && (
        <Alert color="red" role="alert">
          {withdraw.error.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          variant="default"
          color="red"
          loading={withdraw.isPending}
          onClick={() => {
            if (window.confirm(t('requests.withdrawConfirm'))) withdraw.mutate();
          }}
        >
          {t('requests.withdraw')}
        </Button>
      </Group>
    </Stack>
  );
}

function DecideAction({ request }: { request: TRequestDetail }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const decide = useDecideRequest(request.id);
  const commentError =
    decide.error && 'fields' in decide.error
      ? (decide.error as { fields: { path: string; message: string }[] }).fields.find((f) => f.path === 'comment')
          ?.message
      : undefined;
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Textarea
          label={t('requests.comment')}
          placeholder={t('requests.commentPlaceholder')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          error={commentError}
        />
        {decide.error && !commentError && (
          <Alert color="red" role="alert">
            {decide.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            color="orange"
            loading={decide.isPending && decide.variables?.decision === 'return'}
            onClick={() => decide.mutate({ decision: 'return', comment })}
          >
            {t('requests.return')}
          </Button>
          <Button
            loading={decide.isPending && decide.variables?.decision === 'approve'}
            onClick={() => decide.mutate({ decision: 'approve', comment })}
          >
            {t('requests.approve')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
