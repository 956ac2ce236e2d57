import {
  MASTER_KIND_INFO,
  type TMasterItem,
  type TMasterKind,
  type TMasterListItem,
} from '@jinji/contracts/hr/masters';
import { ConfirmDeleteModal } from '@jinji/web-kit/ui/confirm-delete-modal';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allMastersQueryOptions,
  masterListQueryOptions,
  useDeleteMaster,
  useImportMastersCsv,
  useReorderMasters,
} from '../api/masters';
import { DepartmentTree } from './department-tree';
import { CsvImportResult, MasterCsvExportButton, MasterCsvImportButton } from './master-csv';
import { MasterFormModal } from './master-form-modal';

const PAGE_SIZE = 50;

/** One generic screen for all 13 masters (R-MST-1/2): list, search, register/edit, delete, reorder, CSV. */
export function MasterPage({ kind }: { kind: TMasterKind }) {
  const { t } = useTranslation();
  const info = MASTER_KIND_INFO[kind];
  const label = t(`masters.kinds.${kind}`);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [includeInvalid, setIncludeInvalid] = useState(true);
  const [editing, setEditing] = useState<TMasterItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TMasterItem | null>(null);

  const list = useQuery(
    masterListQueryOptions(kind, { page, pageSize: PAGE_SIZE, q: debouncedQ, companyId, includeInvalid }),
  );
  const all = useQuery(allMastersQueryOptions(kind));
  const companies = useQuery({ ...allMastersQueryOptions('company'), enabled: info.hasCompany });
  const parents = useQuery({
    ...allMastersQueryOptions(info.parentKind ?? kind),
    enabled: info.parentKind !== null,
  });
  const reorder = useReorderMasters(kind);
  const importCsv = useImportMastersCsv(kind);

  const nameOf = (rows: TMasterItem[] | undefined, id: string | null) => {
    if (!id) return '';
    const row = rows?.find((r) => r.id === id);
    return row ? `${row.name}${row.isValid ? '' : t('masters.invalidSuffix')}` : '';
  };

  const items = list.data?.items ?? [];
  const totalPages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const nextSortOrder = Math.max(0, ...(all.data ?? []).map((r) => r.sortOrder)) + 1;

  // In the 部署 tree a row moves among its siblings only (its subtree moves with it); elsewhere in the page.
  const isTree = info.parentKind === kind;
  const peersOf = (item: TMasterListItem) => (isTree ? items.filter((r) => r.parentId === item.parentId) : items);
  const canMove = (item: TMasterListItem, delta: -1 | 1) => {
    const peers = peersOf(item);
    const at = peers.indexOf(item) + delta;
    return at >= 0 && at < peers.length;
  };
  const move = (item: TMasterListItem, delta: -1 | 1) => {
    const ids = peersOf(item).map((r) => r.id);
    const index = ids.indexOf(item.id);
    ids.splice(index, 1);
    ids.splice(index + delta, 0, item.id);
    reorder.mutate(ids, { onError: (e) => notifications.show({ color: 'red', message: e.message }) });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <AnchorLink to="/admin/masters" size="sm">
            {t('masters.backToList')}
          </AnchorLink>
          <Title order={2}>{label}</Title>
        </Stack>
        <Group gap="xs">
          <MasterCsvExportButton kind={kind} />
          <MasterCsvImportButton onFile={(file) => importCsv.mutate(file)} loading={importCsv.isPending} />
          <Button onClick={() => setEditing('new')}>{t('masters.new')}</Button>
        </Group>
      </Group>
      {(importCsv.data || importCsv.error) && (
        <CsvImportResult
          created={importCsv.data?.created}
          updated={importCsv.data?.updated}
          error={importCsv.error}
          onClose={() => importCsv.reset()}
        />
      )}

      {kind === 'department' && <DepartmentTree companyId={companyId} />}

      <Group align="flex-end">
        <TextInput
          label={t('masters.search')}
          placeholder={t('masters.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          type="search"
          w={260}
        />
        {info.hasCompany && (
          <Select
            label={t('masters.company')}
            placeholder={t('masters.allCompanies')}
            data={(companies.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
            value={companyId}
            onChange={(v) => {
              setCompanyId(v);
              setPage(1);
            }}
            clearable
            w={260}
          />
        )}
        <Switch
          label={t('masters.includeInvalid')}
          checked={includeInvalid}
          onChange={(e) => {
            setIncludeInvalid(e.currentTarget.checked);
            setPage(1);
          }}
          mb={8}
        />
      </Group>

      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {!list.data ? (
        <Skeleton h={240} />
      ) : items.length === 0 ? (
        <Paper withBorder radius="md" p="lg">
          <Text c="dimmed">{t('masters.empty')}</Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-label={label}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('masters.order')}</Table.Th>
                  <Table.Th>{t('masters.code')}</Table.Th>
                  <Table.Th>{t('masters.name')}</Table.Th>
                  {info.hasCompany && <Table.Th>{t('masters.company')}</Table.Th>}
                  {info.parentKind && (
                    <Table.Th>
                      {t(kind === 'department' ? 'masters.parentDepartment' : 'masters.parentCategory')}
                    </Table.Th>
                  )}
                  <Table.Th>{t('masters.sortOrder')}</Table.Th>
                  <Table.Th>{t('masters.status')}</Table.Th>
                  <Table.Th w={150}>{t('masters.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={t('masters.moveUp', { name: item.name })}
                          disabled={!canMove(item, -1) || reorder.isPending}
                          onClick={() => move(item, -1)}
                        >
                          ↑
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          size="sm"
                          aria-label={t('masters.moveDown', { name: item.name })}
                          disabled={!canMove(item, 1) || reorder.isPending}
                          onClick={() => move(item, 1)}
                        >
                          ↓
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace">{item.code}</Table.Td>
                    <Table.Td pl={`calc(var(--table-horizontal-spacing, 10px) + ${item.depth * 20}px)`}>
                      {item.depth > 0 && (
                        <Text span c="dimmed" aria-hidden mr={4}>
                          └
                        </Text>
                      )}
                      {item.name}
                    </Table.Td>
                    {info.hasCompany && <Table.Td>{nameOf(companies.data, item.companyId)}</Table.Td>}
                    {info.parentKind && <Table.Td>{nameOf(parents.data, item.parentId)}</Table.Td>}
                    <Table.Td>{item.sortOrder}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {item.isValid ? (
                          <Badge color="teal" variant="light">
                            {t('masters.valid')}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="filled">
                            {t('masters.invalid')}
                          </Badge>
                        )}
                        {item.isInUse && (
                          <Badge color="blue" variant="outline">
                            {t('masters.inUse')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => setEditing(item)}
                          aria-label={t('masters.editOf', { name: item.name })}
                        >
                          {t('common.edit')}
                        </Button>
                        {item.isInUse ? (
                          <Tooltip label={t('masters.inUseCannotDelete')}>
                            <Button
                              size="compact-sm"
                              variant="light"
                              color="red"
                              data-disabled
                              aria-disabled
                              aria-label={t('masters.deleteOf', { name: item.name })}
                              onClick={(e) => e.preventDefault()}
                            >
                              {t('masters.delete')}
                            </Button>
                          </Tooltip>
                        ) : (
                          <Button
                            size="compact-sm"
                            variant="light"
                            color="red"
                            aria-label={t('masters.deleteOf', { name: item.name })}
                            onClick={() => setDeleting(item)}
                          >
                            {t('masters.delete')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {list.data && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('masters.total', { total: list.data.total })}
          </Text>
          {totalPages > 1 && (
            <Pagination
              total={totalPages}
              value={page}
              onChange={setPage}
              getControlProps={() => ({ 'aria-label': t('masters.pagination') })}
            />
          )}
        </Group>
      )}

      {editing && (
        <MasterFormModal
          kind={kind}
          item={editing === 'new' ? null : editing}
          nextSortOrder={nextSortOrder}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && <DeleteConfirm kind={kind} item={deleting} onClose={() => setDeleting(null)} />}
    </Stack>
  );
}

function DeleteConfirm({ kind, item, onClose }: { kind: TMasterKind; item: TMasterItem; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteMaster(kind);
  return (
    <ConfirmDeleteModal
      title={t('masters.deleteTitle')}
      message={t('masters.deleteConfirm', { name: `${item.code} ${item.name}` })}
      confirmLabel={t('masters.delete')}
      cancelLabel={t('common.cancel')}
      isPending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(item.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('masters.deleted') });
            onClose();
          },
        })
      }
    />
  );
}
