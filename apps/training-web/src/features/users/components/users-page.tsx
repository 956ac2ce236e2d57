// 利用者情報 (R-TRN-1): search, the paged list with 【ログイン情報送付】 per row, 「利用者情報CSV出力」, the bulk
// send from the marked CSV with its result table, and the drawer that shows and edits one user.
import { SYSTEM_ROLE_LABELS, SYSTEM_ROLES } from '@jinji/contracts/training/access';
import type { TBulkLoginInfoResponse, TUserListItem } from '@jinji/contracts/training/users';
import { isApiError } from '@jinji/web-kit/api-client';
import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Menu,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUsers, type TUserFilter, useBulkLoginInfo, userListQueryOptions, useSendLoginInfo } from '../api/users';
import { UserDrawer } from './user-drawer';

const INITIAL: TUserFilter = { q: '', systemRole: '', status: 'active' };
const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

export function UsersPage() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TUserFilter>(INITIAL);
  const [filter, setFilter] = useState<TUserFilter>(INITIAL);
  const [page, setPage] = useState(1);
  const list = useQuery(userListQueryOptions(filter, page));
  const [opened, setOpened] = useState<string | 'new' | null>(null);
  const send = useSendLoginInfo();
  const [notice, setNotice] = useState<{ color: string; text: string } | null>(null);
  const bulk = useBulkLoginInfo();
  const [bulkResult, setBulkResult] = useState<TBulkLoginInfoResponse | null>(null);
  const [exportError, setExportError] = useState<{ message: string; fields: string[] } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setPage(1);
  };
  const sendTo = (u: TUserListItem) =>
    send.mutate(u.id, {
      onSuccess: (r) =>
        setNotice({ color: 'teal', text: t('users.sent', { email: r.email, expiresAt: formatDateTime(r.expiresAt) }) }),
      onError: (err) => setNotice({ color: 'red', text: `${u.loginId}: ${err.message}` }),
    });
  const runExport = (encoding: 'utf8' | 'cp932') => {
    setExportError(null);
    exportUsers(filter, encoding).catch((err: unknown) =>
      setExportError({
        message: err instanceof Error ? err.message : String(err),
        fields: isApiError(err) ? err.fields.map((f) => f.message) : [],
      }),
    );
  };

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Group gap="xs" wrap="wrap">
          <Button variant="default" onClick={() => setOpened('new')}>
            {t('users.create')}
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default">{t('users.export')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => runExport('utf8')}>{t('users.exportUtf8')}</Menu.Item>
              <Menu.Item onClick={() => runExport('cp932')}>{t('users.exportCp932')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <FileButton
            accept=".csv,text/csv"
            onChange={(file) => {
              if (!file) return;
              bulk.mutate(file, { onSuccess: setBulkResult });
            }}
          >
            {(props) => (
              <Button {...props} loading={bulk.isPending}>
                {t('users.bulkSend')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('users.bulkHelp')}
      </Text>

      <form onSubmit={submit}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('users.keyword')}
            placeholder={t('users.keywordPlaceholder')}
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            miw={260}
            style={{ flex: 1 }}
          />
          <Select
            label={t('users.systemRole')}
            data={[
              { value: '', label: t('users.any') },
              ...SYSTEM_ROLES.map((r) => ({ value: r, label: SYSTEM_ROLE_LABELS[r] })),
            ]}
            value={draft.systemRole}
            onChange={(v) => setDraft({ ...draft, systemRole: v ?? '' })}
            allowDeselect={false}
            w={140}
          />
          <Select
            label={t('users.status')}
            data={[
              { value: 'active', label: t('users.statusActive') },
              { value: 'disabled', label: t('users.statusDisabled') },
              { value: 'all', label: t('users.statusAll') },
            ]}
            value={draft.status}
            onChange={(v) => setDraft({ ...draft, status: (v as TUserFilter['status']) ?? 'active' })}
            allowDeselect={false}
            w={140}
          />
          <Button type="submit">{t('users.search')}</Button>
        </Group>
      </form>

      {notice && (
        <Alert color={notice.color} role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {bulk.error && (
        <Alert color="red" role="alert" title={t('users.bulkSend')} withCloseButton onClose={() => bulk.reset()}>
          <Text size="sm">{bulk.error.message}</Text>
          {isApiError(bulk.error) &&
            bulk.error.fields.map((f) => (
              <Text size="sm" key={f.path}>
                {f.message}
              </Text>
            ))}
        </Alert>
      )}
      {exportError && (
        <Alert
          color="orange"
          role="alert"
          title={t('users.cp932Title')}
          withCloseButton
          onClose={() => setExportError(null)}
        >
          <Text size="sm">{exportError.message}</Text>
          {exportError.fields.map((m) => (
            <Text size="sm" key={m}>
              {m}
            </Text>
          ))}
        </Alert>
      )}

      <ListStates
        error={list.error}
        data={list.data}
        emptyText={t('users.empty')}
        isPlaceholderData={list.isPlaceholderData}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={860}>
            <Table striped highlightOnHover aria-label={t('users.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.loginId')}</Table.Th>
                  <Table.Th>{t('users.displayName')}</Table.Th>
                  <Table.Th>{t('users.nameKana')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  <Table.Th>{t('users.systemRole')}</Table.Th>
                  <Table.Th>{t('users.departmentName')}</Table.Th>
                  <Table.Th>{t('users.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td ff="monospace">{u.loginId}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Anchor
                          component="button"
                          type="button"
                          onClick={() => setOpened(u.id)}
                          style={{ whiteSpace: 'nowrap' }}
                        >
                          {u.displayName}
                        </Anchor>
                        {u.isLinked && (
                          <Badge size="xs" variant="light" color="indigo" style={{ flexShrink: 0 }}>
                            {t('users.linked')}
                          </Badge>
                        )}
                        {u.isDisabled && (
                          <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                            {t('users.disabled')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.nameKana}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{u.email}</Table.Td>
                    <Table.Td>{SYSTEM_ROLE_LABELS[u.systemRole]}</Table.Td>
                    <Table.Td>{u.departmentName}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => sendTo(u)}
                        disabled={u.isDisabled || !u.email}
                        loading={send.isPending && send.variables === u.id}
                        aria-label={`${t('users.sendLoginInfo')}（${u.loginId}）`}
                      >
                        {t('users.sendLoginInfo')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListStates>
      {list.data && list.data.total > 0 && (
        <ListFooter total={list.data.total} pageSize={list.data.pageSize} page={page} onPage={setPage} />
      )}

      {opened && <UserDrawer userId={opened === 'new' ? null : opened} onClose={() => setOpened(null)} />}
      <BulkResultModal result={bulkResult} onClose={() => setBulkResult(null)} />
    </Stack>
  );
}

function BulkResultModal({ result, onClose }: { result: TBulkLoginInfoResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={result !== null} onClose={onClose} title={t('users.bulkTitle')} size="xl">
      {result && (
        <Stack>
          <Alert color={result.refusedCount > 0 ? 'orange' : 'teal'} role="status">
            {t('users.bulkSummary', { sent: result.sentCount, refused: result.refusedCount })}
          </Alert>
          <ScrollArea.Autosize mah={420}>
            <Table.ScrollContainer minWidth={520}>
              <Table striped aria-label={t('users.bulkTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('users.row')}</Table.Th>
                    <Table.Th>{t('users.loginId')}</Table.Th>
                    <Table.Th w={110}>{t('users.result')}</Table.Th>
                    <Table.Th>{t('users.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.rows.map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td ff="monospace">{r.loginId}</Table.Td>
                      <Table.Td>
                        <Badge color={r.status === 'sent' ? 'teal' : 'red'} variant="light">
                          {r.status === 'sent' ? t('users.resultSent') : t('users.resultRefused')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{r.reason}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('users.close')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
