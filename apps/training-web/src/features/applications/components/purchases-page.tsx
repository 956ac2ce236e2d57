// 研修・サービス購入履歴: one user's applications with course, date, fee, status and attendance — the
// caller's own, or (管理者) the user chosen in the picker.

import { ListFooter } from '@jinji/web-kit/ui/list-footer';
import { ListStates } from '@jinji/web-kit/ui/list-states';
import { PageHeader } from '@jinji/web-kit/ui/page-header';
import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/api/auth';
import { purchaseHistoryQueryOptions, userPickQueryOptions } from '../api/applications';
import { ApplicationTable } from './application-table';

export function PurchasesPage() {
  const { t } = useTranslation();
  const isAdmin = useCan('applications.manage');
  const [userId, setUserId] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const users = useQuery({ ...userPickQueryOptions(debounced), enabled: isAdmin });
  const { data, error, isPlaceholderData } = useQuery(purchaseHistoryQueryOptions(userId, page));
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.loginId}）` }));
  if (data && !options.some((o) => o.value === data.user.id)) {
    options.unshift({ value: data.user.id, label: `${data.user.displayName}（${data.user.loginId}）` });
  }
  return (
    <Stack>
      <PageHeader title={t('applications.purchasesTitle')} lead={t('applications.purchasesLead')} />
      {isAdmin && (
        <Select
          label={t('applications.chooseUser')}
          placeholder={t('applications.chooseUserPlaceholder')}
          searchable
          maw={420}
          data={options}
          value={data?.user.id ?? null}
          searchValue={q}
          onSearchChange={setQ}
          filter={({ options: o }) => o}
          onChange={(v) => {
            if (v) {
              setUserId(v);
              setPage(1);
            }
          }}
          nothingFoundMessage={t('applications.purchasesEmpty')}
        />
      )}
      {data && (
        <Text fw={500}>
          {data.user.displayName}
          <Text span size="sm" c="dimmed" ml="xs">
            {data.user.loginId}
            {data.user.departmentName ? `・${data.user.departmentName}` : ''}
          </Text>
        </Text>
      )}
      <ListStates
        error={error}
        data={data}
        emptyText={t('applications.purchasesEmpty')}
        isPlaceholderData={isPlaceholderData}
      >
        {(d) => <ApplicationTable items={d.items} label={t('applications.purchasesTitle')} withFee />}
      </ListStates>
      {data && <ListFooter total={data.total} pageSize={data.pageSize} page={page} onPage={setPage} />}
    </Stack>
  );
}
