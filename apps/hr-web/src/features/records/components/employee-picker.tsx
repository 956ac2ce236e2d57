// 対象者・報告者/情報源: pick employees by name, かな or 社員番号 (従業員一覧's search, 20 at a time), each option
// showing its 社員番号 and full department path. Chosen people keep their labels while the search moves on.
import type { TRecordPerson } from '@jinji/contracts/hr/records';
import { MultiSelect, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employeePickQueryOptions } from '../api/records';

export type TPicked = TRecordPerson & { departmentPath?: string | null };

const labelOf = (p: TPicked) => (p.employeeNumber ? `${p.name}（${p.employeeNumber}）` : p.name);

export function EmployeePicker({
  label,
  description,
  value,
  onChange,
  error,
  isRequired,
}: {
  label: string;
  description?: string;
  value: TPicked[];
  onChange: (next: TPicked[]) => void;
  error?: string | undefined;
  isRequired?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { data, isFetching } = useQuery(employeePickQueryOptions(debounced));
  const found: TPicked[] = (data?.items ?? []).map((e) => ({
    employeeId: e.id,
    employeeNumber: e.employeeNumber,
    name: `${e.lastName} ${e.firstName}`,
    departmentPath: e.departmentPath,
  }));
  const known = new Map<string, TPicked>([...found, ...value].map((p) => [p.employeeId, p]));
  const options = [...known.values()].map((p) => ({ value: p.employeeId, label: labelOf(p) }));
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length === 0 ? t('records.targetsHint') : undefined}
      data={options}
      value={value.map((p) => p.employeeId)}
      onChange={(ids) => onChange(ids.map((id) => known.get(id)).filter((p): p is TPicked => p !== undefined))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // the server searched already (name, かな, 社員番号): show what it found
      filter={({ options: all }) => all}
      nothingFoundMessage={isFetching ? t('records.loadingOptions') : t('records.noOptions')}
      renderOption={({ option }) => {
        const p = known.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {p?.departmentPath && (
              <Text size="xs" c="dimmed">
                {p.departmentPath}
              </Text>
            )}
          </Stack>
        );
      }}
      error={error}
      withAsterisk={isRequired}
      hidePickedOptions
      clearable
    />
  );
}
