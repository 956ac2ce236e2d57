import { CREATED_RANGE_REVERSED, EMPLOYMENT_STATUSES, isCreatedRangeReversed } from '@jinji/contracts/hr/employees';
import { Button, Group, Paper, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TEmployeeFilters } from '../api/employee-search';
import { employeeFormOptionsQueryOptions } from '../api/employees';
import { departmentOptions, masterOptions } from './master-options';

type TDraft = Required<{ [K in keyof TEmployeeFilters]: string }>;

const draftOf = (f: TEmployeeFilters): TDraft => ({
  q: f.q ?? '',
  employeeNumber: f.employeeNumber ?? '',
  loginId: f.loginId ?? '',
  companyId: f.companyId ?? '',
  departmentId: f.departmentId ?? '',
  status: f.status ?? '',
  startup: f.startup ?? '',
  createdFrom: f.createdFrom ?? '',
  createdTo: f.createdTo ?? '',
});

/** The draft as filters: empty inputs are left out of the URL. */
const filtersOf = (d: TDraft): TEmployeeFilters => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) if (v.trim()) out[k] = v.trim();
  return out as TEmployeeFilters;
};

/**
 * The search panel: edits a draft; 【検索】 applies it (to the URL), 【クリア】 empties it.
 * Mount it with a key of the applied filters so back/forward shows what is applied.
 */
export function EmployeeSearchPanel({
  filters,
  onSearch,
}: {
  filters: TEmployeeFilters;
  onSearch: (filters: TEmployeeFilters) => void;
}) {
  const { t } = useTranslation();
  const options = useQuery(employeeFormOptionsQueryOptions);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(filters));
  const patch = (p: Partial<TDraft>) => setDraft((d) => ({ ...d, ...p }));
  const masters = options.data?.masters;

  const [rangeError, setRangeError] = useState<string | undefined>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filters = filtersOf(draft);
    // The API refuses it too; saying so here keeps the list that is shown.
    const reversed = isCreatedRangeReversed(filters);
    setRangeError(reversed ? CREATED_RANGE_REVERSED : undefined);
    if (!reversed) onSearch(filters);
  };
  const clear = () => {
    setRangeError(undefined);
    setDraft(draftOf({}));
    onSearch({});
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={t('employees.searchTitle')}>
      <form onSubmit={submit}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label={t('employees.q')}
            placeholder={t('employees.qPlaceholder')}
            value={draft.q}
            onChange={(e) => patch({ q: e.currentTarget.value })}
            type="search"
          />
          <TextInput
            label={t('employees.employeeNumber')}
            value={draft.employeeNumber}
            onChange={(e) => patch({ employeeNumber: e.currentTarget.value })}
          />
          <TextInput
            label={t('employees.loginId')}
            value={draft.loginId}
            onChange={(e) => patch({ loginId: e.currentTarget.value })}
          />
          <Select
            label={t('employees.status')}
            placeholder={t('employees.all')}
            data={EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: t(`employees.statuses.${s}`) }))}
            value={draft.status || null}
            onChange={(v) => patch({ status: v ?? '' })}
            clearable
          />
          <Select
            label={t('employees.startup')}
            placeholder={t('employees.all')}
            data={(['pending', 'done'] as const).map((s) => ({ value: s, label: t(`employees.startupStates.${s}`) }))}
            value={draft.startup || null}
            onChange={(v) => patch({ startup: v ?? '' })}
            clearable
          />
          <Select
            label={t('employees.company')}
            placeholder={t('employees.allCompanies')}
            data={masterOptions(masters?.company)}
            value={draft.companyId || null}
            onChange={(v) => patch(v === (draft.companyId || null) ? {} : { companyId: v ?? '', departmentId: '' })}
            searchable
            clearable
          />
          <Select
            label={t('employees.department')}
            description={t('employees.departmentHint')}
            placeholder={t('employees.allDepartments')}
            data={departmentOptions(masters?.department, draft.companyId || null)}
            value={draft.departmentId || null}
            onChange={(v) => patch({ departmentId: v ?? '' })}
            searchable
            clearable
            nothingFoundMessage={t('employeeForm.noOptions')}
          />
          <Group gap="xs" align="flex-end" wrap="nowrap" style={{ gridColumn: 'span 2' }}>
            <TextInput
              type="date"
              label={t('employees.createdFrom')}
              value={draft.createdFrom}
              onChange={(e) => patch({ createdFrom: e.currentTarget.value })}
              max="9999-12-31"
              flex={1}
            />
            <Text pb={8}>〜</Text>
            <TextInput
              type="date"
              label={t('employees.createdTo')}
              value={draft.createdTo}
              onChange={(e) => patch({ createdTo: e.currentTarget.value })}
              max="9999-12-31"
              error={rangeError}
              flex={1}
            />
          </Group>
        </SimpleGrid>
        <Group justify="center" mt="md">
          <Button type="submit" w={140}>
            {t('employees.search')}
          </Button>
          <Button variant="default" onClick={clear} w={140}>
            {t('employees.clear')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
