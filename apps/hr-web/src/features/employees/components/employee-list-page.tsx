import { CSV_ENCODINGS } from '@jinji/contracts/common/enums';
import { formatDate, todayInJapan } from '@jinji/ja/text';
import { AnchorLink, ButtonLink } from '@jinji/web-kit/ui/router-links';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Menu,
  Pagination,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCp932Download } from '../../../components/ui/cp932-download';
import { hasPermission, useMe } from '../../../lib/session';
import { hasFilters, type TEmployeeFilters, type TEmployeeSearch, type TEmployeeSort } from '../api/employee-search';
import { employeeCp932CheckUrl, employeeExportUrl, employeeListQueryOptions } from '../api/employees';
import { EmployeeMailActions, type TEmployeePick } from './employee-mail-actions';
import { EmployeeProfileBatch } from './employee-profile-batch';
import { EmployeeSearchPanel } from './employee-search-panel';
import { EmployeeStatusBadge, StartupMark } from './employee-status-badge';

const PAGE_SIZE = 50;
const SKELETON_ROWS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** 従業員一覧 (R-EMP-3): filters, sort and page all live in the URL (`search`). */
export function EmployeeListPage({
  search,
  onChange,
}: {
  search: TEmployeeSearch;
  onChange: (search: TEmployeeSearch) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { data, error, isPlaceholderData } = useQuery(employeeListQueryOptions(search, PAGE_SIZE));
  const sort = search.sort ?? 'employeeNumber';
  const order = search.order ?? 'asc';
  const { sort: _s, order: _o, page: _p, ...filters } = search;
  const cp932 = useCp932Download();
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const canMail = hasPermission(me, 'employees.edit');
  const canPrint = hasPermission(me, 'employees.view');
  // the selection serves アカウント通知 / リマインド and 個人プロフィール一括出力
  const canSend = canMail || canPrint;
  // picked across pages; a new search starts with nothing picked (the picks belonged to the old result)
  const filterKey = JSON.stringify(filters);
  const [pick, setPick] = useState<{ key: string; picked: TEmployeePick }>({ key: filterKey, picked: [] });
  const picked = pick.key === filterKey ? pick.picked : [];
  const setPicked = (next: TEmployeePick) => setPick({ key: filterKey, picked: next });
  const isPicked = (id: string) => picked === 'all' || picked.includes(id);
  const pageIds = data?.items.map((e) => e.id) ?? [];
  const pagePicked = pageIds.filter(isPicked).length;
  const togglePage = () => {
    const rest = picked === 'all' ? [] : picked.filter((id) => !pageIds.includes(id));
    setPicked(pagePicked === pageIds.length ? rest : [...rest, ...pageIds]);
  };
  const toggle = (id: string) => {
    // leaving 「すべて」 by unticking one: the page's other rows stay picked
    const current = picked === 'all' ? pageIds : picked;
    setPicked(current.includes(id) ? current.filter((x) => x !== id) : [...current, id]);
  };

  const onSearch = (next: TEmployeeFilters) => onChange({ ...next, sort: search.sort, order: search.order });
  const sortBy = (key: TEmployeeSort) =>
    onChange({ ...search, sort: key, order: sort === key && order === 'asc' ? 'desc' : 'asc', page: undefined });

  const sortable = (key: TEmployeeSort, label: string) => (
    <Table.Th aria-sort={sort === key ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={() => sortBy(key)} fw={700} fz="sm" aria-label={t('employees.sortBy', { label })}>
        {label}{' '}
        {sort === key ? (
          order === 'asc' ? (
            '▲'
          ) : (
            '▼'
          )
        ) : (
          <Text span c="dimmed">
            ⇅
          </Text>
        )}
      </UnstyledButton>
    </Table.Th>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('employees.title')}</Title>
        {hasPermission(me, 'employees.edit') && <ButtonLink to="/admin/employees/new">{t('employees.new')}</ButtonLink>}
      </Group>

      <EmployeeSearchPanel key={JSON.stringify(filters)} filters={filters} onSearch={onSearch} />

      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {data
            ? t(data.isTotalCapped ? 'employees.totalCapped' : 'employees.total', {
                total: data.total.toLocaleString('ja-JP'),
              })
            : ''}
        </Text>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" disabled={!data || data.total === 0}>
              {t('employees.csvExport')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('employees.encoding')}</Menu.Label>
            {CSV_ENCODINGS.map((encoding) =>
              encoding === 'cp932' ? (
                // checked first: a character Shift_JIS lacks would otherwise become 「?」 without a word
                <Menu.Item
                  key={encoding}
                  onClick={() =>
                    void cp932.start(employeeCp932CheckUrl(search), employeeExportUrl(search, 'cp932'), [
                      { label: t('cp932.asUtf8'), href: employeeExportUrl(search, 'utf8') },
                    ])
                  }
                >
                  {t(`employees.encodings.${encoding}`)}
                </Menu.Item>
              ) : (
                <Menu.Item key={encoding} component="a" href={employeeExportUrl(search, encoding)} download>
                  {t(`employees.encodings.${encoding}`)}
                </Menu.Item>
              ),
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {cp932.error && <Alert color="red">{cp932.error}</Alert>}
      {cp932.modal}

      {canSend && data && data.total > 0 && (
        <EmployeeMailActions picked={picked} total={data.total} filters={filters} onPick={setPicked} canMail={canMail}>
          {canPrint && (
            <EmployeeProfileBatch
              picked={picked}
              count={picked === 'all' ? data.total : picked.length}
              filters={filters}
            />
          )}
        </EmployeeMailActions>
      )}

      {error && <Alert color="red">{error.message}</Alert>}
      {!data ? (
        !error && (
          <Stack gap="xs" aria-label={t('kit.loading')}>
            {SKELETON_ROWS.map((row) => (
              <Skeleton key={row} h={36} />
            ))}
          </Stack>
        )
      ) : data.total === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center" c="dimmed">
            {hasFilters(search) ? t('employees.noMatch') : t('employees.empty')}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder radius="md" opacity={isPlaceholderData ? 0.6 : 1}>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover aria-label={t('employees.title')}>
              <Table.Thead>
                <Table.Tr>
                  {canSend && (
                    <Table.Th w={40}>
                      <Checkbox
                        aria-label={t('employees.selectPage')}
                        checked={pageIds.length > 0 && pagePicked === pageIds.length}
                        indeterminate={pagePicked > 0 && pagePicked < pageIds.length}
                        onChange={togglePage}
                      />
                    </Table.Th>
                  )}
                  {sortable('employeeNumber', t('employees.employeeNumber'))}
                  {sortable('kana', t('employees.name'))}
                  <Table.Th>{t('employees.affiliation')}</Table.Th>
                  {sortable('hireDate', t('employees.hireDate'))}
                  <Table.Th>{t('employees.status')}</Table.Th>
                  <Table.Th>{t('employees.loginId')}</Table.Th>
                  <Table.Th>{t('employees.accountNotifiedAt')}</Table.Th>
                  {sortable('createdAt', t('employees.createdAt'))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    {canSend && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('employees.select', { name: `${e.lastName} ${e.firstName}` })}
                          checked={isPicked(e.id)}
                          onChange={() => toggle(e.id)}
                        />
                      </Table.Td>
                    )}
                    <Table.Td ff="monospace">{e.employeeNumber ?? '-'}</Table.Td>
                    <Table.Td>
                      <AnchorLink to="/admin/employees/$id" params={{ id: e.id }} fw={500}>
                        {e.lastName} {e.firstName}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {e.lastNameKana} {e.firstNameKana}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e.departmentPath || e.companyName ? (
                        // the seed shows the whole path: 株式会社インソース 事業開発部 事業開発第二課
                        <Text size="sm">{e.departmentPath ?? e.companyName}</Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          -
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(e.hireDate)}</Table.Td>
                    <Table.Td>
                      <EmployeeStatusBadge status={e.status} />
                      <StartupMark isPending={e.isStartupTarget} completedAt={e.startupCompletedAt} />
                    </Table.Td>
                    <Table.Td ff="monospace">{e.loginId ?? '-'}</Table.Td>
                    <Table.Td>{e.accountNotifiedAt ? formatDate(e.accountNotifiedAt) : '-'}</Table.Td>
                    <Table.Td>{formatDate(todayInJapan(new Date(e.createdAt)))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {data && totalPages > 1 && (
        <Group justify="center">
          <Pagination
            total={totalPages}
            value={search.page ?? 1}
            onChange={(page) => onChange({ ...search, page: page > 1 ? page : undefined })}
            getControlProps={() => ({ 'aria-label': t('employees.pagination') })}
          />
        </Group>
      )}
    </Stack>
  );
}
