import type { TAccount } from '@jinji/contracts/hr/access';
import type { TAdminRole } from '@jinji/contracts/hr/roles';
import { formatDate, todayInJapan } from '@jinji/ja/text';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleMembersQueryOptions, useUpdateRoleMembers } from '../api/access';
import { AccountSearchModal } from './account-search-modal';

const PAGE_SIZE = 50;

// The day in Japan, zero-padded like every date of the app (2026/12/02).
const formatAddedOn = (iso: string) => formatDate(todayInJapan(new Date(iso)));

/** 「詳細」 of one role: its members; 【編集】 → 【対象者を追加】/削除 → 【更新】 in one request. */
export function RoleMembersPage({ role }: { role: TAdminRole }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const members = useQuery(roleMembersQueryOptions(role, page, PAGE_SIZE));
  const update = useUpdateRoleMembers(role);
  const [isEditing, setIsEditing] = useState(false);
  const [pending, setPending] = useState<TAccount[]>([]);
  const [removeIds, setRemoveIds] = useState<Set<string>>(new Set());
  const [isSearching, setIsSearching] = useState(false);

  const leaveEdit = () => {
    setIsEditing(false);
    setPending([]);
    setRemoveIds(new Set());
    update.reset();
  };

  const save = () =>
    update.mutate(
      { add: pending.map((a) => a.userId), remove: [...removeIds] },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.updated') });
          leaveEdit();
        },
      },
    );

  const toggleRemove = (userId: string, checked: boolean) =>
    setRemoveIds((s) => {
      const next = new Set(s);
      if (checked) next.add(userId);
      else next.delete(userId);
      return next;
    });

  const data = members.data;
  const label = t(`access.roles.${role}`);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const excludedIds = new Set([...(data?.items ?? []).map((m) => m.userId), ...pending.map((a) => a.userId)]);
  const hasChanges = pending.length > 0 || removeIds.size > 0;

  return (
    <Stack maw={1000}>
      <Stack gap={4}>
        <AnchorLink to="/admin/system/access" size="sm">
          {t('access.backToMatrix')}
        </AnchorLink>
        <Title order={2}>{t('access.membersTitle', { label })}</Title>
      </Stack>
      {members.error && <Alert color="red">{members.error.message}</Alert>}
      {update.error && (
        <Alert color="red" role="alert" title={t('kit.error')}>
          {update.error.message}
        </Alert>
      )}

      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {data ? t('access.total', { total: data.total }) : ''}
        </Text>
        {isEditing ? (
          <Button variant="light" onClick={() => setIsSearching(true)}>
            {t('access.addMembers')}
          </Button>
        ) : (
          <Button onClick={() => setIsEditing(true)} disabled={!data}>
            {t('common.edit')}
          </Button>
        )}
      </Group>

      {!data ? (
        <Skeleton h={200} />
      ) : (
        <Paper withBorder radius="md">
          <Table striped aria-label={t('access.members')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('access.loginId')}</Table.Th>
                <Table.Th>{t('access.name')}</Table.Th>
                <Table.Th>{t('access.email')}</Table.Th>
                <Table.Th>{t('access.addedAt')}</Table.Th>
                {isEditing && <Table.Th w={120}>{t('access.remove')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((a) => (
                <Table.Tr key={a.userId} bg="yellow.0">
                  <Table.Td>{a.loginId}</Table.Td>
                  <Table.Td>{a.displayName}</Table.Td>
                  <Table.Td>{a.email ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge color="yellow" variant="light">
                      {t('access.pendingAdd')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('access.unapplyOf', { name: a.displayName })}
                      onClick={() => setPending((p) => p.filter((x) => x.userId !== a.userId))}
                    >
                      {t('access.unapply')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
              {data.items.map((m) => (
                <Table.Tr key={m.userId} bg={removeIds.has(m.userId) ? 'red.0' : undefined}>
                  <Table.Td>{m.loginId}</Table.Td>
                  <Table.Td>{m.displayName}</Table.Td>
                  <Table.Td>{m.email ?? ''}</Table.Td>
                  <Table.Td>{formatAddedOn(m.addedAt)}</Table.Td>
                  {isEditing && (
                    <Table.Td>
                      <Checkbox
                        label={t('access.remove')}
                        aria-label={t('access.removeOf', { name: m.displayName })}
                        checked={removeIds.has(m.userId)}
                        onChange={(e) => toggleRemove(m.userId, e.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
              {data.items.length === 0 && pending.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={isEditing ? 5 : 4}>
                    <Text c="dimmed" size="sm">
                      {t('access.noMembers')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {totalPages > 1 && <Pagination total={totalPages} value={page} onChange={setPage} />}

      {isEditing && (
        <Group>
          <Button onClick={save} loading={update.isPending} disabled={!hasChanges}>
            {t('common.update')}
          </Button>
          <Button variant="default" onClick={leaveEdit}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}

      {isSearching && (
        <AccountSearchModal
          role={role}
          excludedIds={excludedIds}
          onClose={() => setIsSearching(false)}
          onApply={(accounts) => {
            setPending((p) => [...p, ...accounts.filter((a) => !excludedIds.has(a.userId))]);
            setIsSearching(false);
          }}
        />
      )}
    </Stack>
  );
}
