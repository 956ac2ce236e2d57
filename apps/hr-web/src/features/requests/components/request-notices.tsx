// The notices of 届出 on both sides: a strip at the top of My STORY and of the admin console (承認待ち
// N件 for approvers, unread お知らせ for everyone), and the list with 【すべて既読にする】 on 届出.
import { formatDateTime } from '@jinji/ja/text';
import { AnchorLink, ButtonLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { noticesQueryOptions, useReadNotices } from '../api/requests';

export function RequestNoticeStrip({ approvalsTo }: { approvalsTo: '/my/approvals' | '/admin/requests' }) {
  const { t } = useTranslation();
  const { data } = useQuery(noticesQueryOptions);
  // an approver's own お知らせ are the waiting count; the strip's second line is about the caller's own requests
  const ownUnread = data?.items.filter((n) => n.isOwn && !n.isRead).length ?? 0;
  if (!data || (data.waitingCount === 0 && ownUnread === 0)) return null;
  return (
    <Stack gap="xs" mb="sm" aria-label={t('requests.notices.title')} role="region">
      {data.waitingCount > 0 && (
        <Alert color="red" variant="light" p="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{t('requests.notices.waiting', { count: data.waitingCount })}</Text>
            <ButtonLink to={approvalsTo} search={{ waiting: true }} size="compact-sm" color="red">
              {t('requests.notices.goApprovals')}
            </ButtonLink>
          </Group>
        </Alert>
      )}
      {ownUnread > 0 && (
        <Alert color="indigo" variant="light" p="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm">{t('requests.notices.unread', { count: ownUnread })}</Text>
            <ButtonLink to="/my/requests" size="compact-sm">
              {t('requests.notices.goMine')}
            </ButtonLink>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

export function RequestNoticeList() {
  const { t } = useTranslation();
  const { data } = useQuery(noticesQueryOptions);
  const read = useReadNotices();
  if (!data || data.items.length === 0) return null;
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4">
          {t('requests.notices.title')}
          {data.unreadCount > 0 && (
            <Badge ml="xs" color="red" variant="filled" size="sm">
              {data.unreadCount}
            </Badge>
          )}
        </Title>
        {data.unreadCount > 0 && (
          <Button variant="subtle" size="compact-sm" loading={read.isPending} onClick={() => read.mutate()}>
            {t('requests.notices.markRead')}
          </Button>
        )}
      </Group>
      <Stack gap={6}>
        {data.items.map((n) => (
          <Group key={n.id} gap="xs" wrap="nowrap" align="flex-start">
            <Text size="xs" c="dimmed" w={120} style={{ flexShrink: 0 }}>
              {formatDateTime(n.createdAt).slice(0, 16)}
            </Text>
            <Text size="sm" fw={n.isRead ? undefined : 600} style={{ minWidth: 0 }}>
              <AnchorLink
                to={n.isOwn ? '/my/requests/$id' : '/my/approvals/$id'}
                params={{ id: n.requestId }}
                size="sm"
              >
                {n.typeName}
              </AnchorLink>
              {n.isOwn ? '' : `（${n.applicantName}）`}：{t(`requests.notices.kinds.${n.kind}`)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
