import type { TAccount } from '@jinji/contracts/hr/access';
import type { TAdminRole } from '@jinji/contracts/hr/roles';
import { formatDateTime } from '@jinji/ja/text';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Pagination,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountSearchQueryOptions, useUnlockAccount } from '../api/access';

const PAGE_SIZE = 20;

/** 【対象者を追加】: search accounts, check people, 【適用】 hands them to the member list as 追加予定. */
export function AccountSearchModal({
  role,
  excludedIds,
  onApply,
  onClose,
}: {
  role: TAdminRole;
  /** already members or already pending: shown, not selectable */
  excludedIds: ReadonlySet<string>;
  onApply: (accounts: TAccount[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<string, TAccount>>(new Map());
  const search = useQuery(accountSearchQueryOptions(q, page, PAGE_SIZE));
  const unlock = useUnlockAccount();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(input.trim());
    setPage(1);
  };
  const toggle = (account: TAccount, checked: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (checked) next.set(account.userId, account);
      else next.delete(account.userId);
      return next;
    });

  const items = search.data?.items ?? [];
  const totalPages = search.data ? Math.max(1, Math.ceil(search.data.total / search.data.pageSize)) : 1;

  return (
    <Modal opened onClose={onClose} title={t('access.addMembers')} size="xl">
      <Stack>
        <form onSubmit={submit}>
          <Group align="flex-end">
            <TextInput
              label={t('access.searchLabel')}
              placeholder={t('access.searchPlaceholder')}
              value={input}
              onChange={(e) => setInput(e.currentTarget.value)}
              w={320}
              data-autofocus
            />
            <Button type="submit" variant="default">
              {t('access.search')}
            </Button>
          </Group>
        </form>
        {search.error && <Text c="red">{search.error.message}</Text>}
        {unlock.error && <Text c="red">{unlock.error.message}</Text>}
        {!search.data ? (
          <Skeleton h={160} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('access.noAccounts')}</Text>
        ) : (
          <Table striped fz="sm" aria-label={t('access.searchResults')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('access.select')}</Table.Th>
                <Table.Th>{t('access.loginId')}</Table.Th>
                <Table.Th>{t('access.name')}</Table.Th>
                <Table.Th>{t('access.email')}</Table.Th>
                <Table.Th>{t('access.currentRoles')}</Table.Th>
                <Table.Th>{t('access.loginState')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => {
                const isMember = a.roles.includes(role) || excludedIds.has(a.userId);
                return (
                  <Table.Tr key={a.userId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('access.selectOf', { name: a.displayName })}
                        checked={isMember || selected.has(a.userId)}
                        disabled={isMember}
                        onChange={(e) => toggle(a, e.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>{a.loginId}</Table.Td>
                    <Table.Td>{a.displayName}</Table.Td>
                    <Table.Td>{a.email ?? ''}</Table.Td>
                    <Table.Td>
                      {isMember ? (
                        <Badge variant="light" color="gray">
                          {t('access.alreadyMember')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {a.lockedUntil ? (
                        <Stack gap={4} align="flex-start">
                          <Text size="xs" c="red" fw={700} style={{ whiteSpace: 'nowrap' }}>
                            {t('access.lockedUntil', { until: formatDateTime(a.lockedUntil) })}
                          </Text>
                          <Button
                            size="compact-xs"
                            variant="default"
                            aria-label={t('access.unlockOf', { name: a.displayName })}
                            loading={unlock.isPending && unlock.variables === a.userId}
                            onClick={() => unlock.mutate(a.userId)}
                          >
                            {t('access.unlock')}
                          </Button>
                        </Stack>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {search.data ? t('access.total', { total: search.data.total }) : ''}
          </Text>
          {totalPages > 1 && <Pagination total={totalPages} value={page} onChange={setPage} size="sm" />}
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={selected.size === 0} onClick={() => onApply([...selected.values()])}>
            {t('access.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
