import { type TEmployeeDetail, ZCareerSection } from '@jinji/contracts/employees';
import { formatDate } from '@jinji/contracts/japanese';
import { Divider, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../lib/api-client';
import { errorText, type TFieldErrors, validate } from '../../../lib/validation';
import { employeeFormOptionsQueryOptions, useUpdateEmployee } from '../api/employees';
import { masterOptions } from './master-options';
import { RowsEditor } from './rows-editor';
import { blanksToNull, EditButton, FormFooter, SectionCard } from './section-card';

type TEducation = { school: string; faculty: string; graduatedOn: string };
type TWork = { company: string; role: string; fromDate: string; toDate: string };
type TLicense = { licenseId: string | null; acquiredOn: string };
type TForm = { education: TEducation[]; workHistory: TWork[]; licenses: TLicense[] };

const d = (v: string | null) => (v ? formatDate(v) : '-');

const formOf = (c: TEmployeeDetail['career']): TForm => ({
  education: c.education.map((e) => ({ school: e.school, faculty: e.faculty ?? '', graduatedOn: e.graduatedOn ?? '' })),
  workHistory: c.workHistory.map((w) => ({
    company: w.company,
    role: w.role ?? '',
    fromDate: w.fromDate ?? '',
    toDate: w.toDate ?? '',
  })),
  licenses: c.licenses.map((l) => ({ licenseId: l.licenseId, acquiredOn: l.acquiredOn ?? '' })),
});

/** 学歴・職歴・資格免許: three lists with rows to add and remove; 資格 from the 資格・免許 master. */
export function EmployeeCareerCard({ employee }: { employee: TEmployeeDetail }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<TForm | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const update = useUpdateEmployee(employee.id);
  const options = useQuery({ ...employeeFormOptionsQueryOptions, enabled: form !== null });
  const title = t('employeeDetail.sections.career');
  const career = employee.career;

  const close = () => {
    setForm(null);
    setErrors({});
    update.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const result = validate(ZCareerSection, {
      education: form.education.map(blanksToNull),
      workHistory: form.workHistory.map(blanksToNull),
      licenses: form.licenses.map(blanksToNull),
    });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    update.mutate(
      { section: 'career', body: result.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.updated') });
          close();
        },
        onError: (err) => setErrors(fieldErrorsOf(err)),
      },
    );
  };

  if (form) {
    const err = (path: string) => errorText(errors[path]);
    const set =
      <K extends keyof TForm>(key: K) =>
      (rows: TForm[K]) =>
        setForm((f) => (f ? { ...f, [key]: rows } : f));
    // The licence held may have become invalid in the master: keep it selectable.
    const licenseOptions = masterOptions(options.data?.masters.license);
    for (const l of career.licenses) {
      if (!licenseOptions.some((o) => o.value === l.licenseId))
        licenseOptions.push({ value: l.licenseId, label: l.name ?? l.licenseId });
    }
    return (
      <SectionCard title={title}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <RowsEditor
              label={t('employeeDetail.education')}
              rows={form.education}
              onChange={set('education')}
              empty={() => ({ school: '', faculty: '', graduatedOn: '' })}
              max={20}
              render={(row, patch, i) => (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('employeeDetail.school')}
                    value={row.school}
                    onChange={(e) => patch({ school: e.currentTarget.value })}
                    error={err(`education.${i}.school`)}
                    required
                  />
                  <TextInput
                    label={t('employeeDetail.faculty')}
                    value={row.faculty}
                    onChange={(e) => patch({ faculty: e.currentTarget.value })}
                    error={err(`education.${i}.faculty`)}
                  />
                  <TextInput
                    type="date"
                    label={t('employeeDetail.graduatedOn')}
                    value={row.graduatedOn}
                    onChange={(e) => patch({ graduatedOn: e.currentTarget.value })}
                    error={err(`education.${i}.graduatedOn`)}
                    max="9999-12-31"
                  />
                </SimpleGrid>
              )}
            />
            <Divider />
            <RowsEditor
              label={t('employeeDetail.workHistory')}
              rows={form.workHistory}
              onChange={set('workHistory')}
              empty={() => ({ company: '', role: '', fromDate: '', toDate: '' })}
              max={30}
              render={(row, patch, i) => (
                <SimpleGrid cols={{ base: 1, sm: 4 }}>
                  <TextInput
                    label={t('employeeDetail.workCompany')}
                    value={row.company}
                    onChange={(e) => patch({ company: e.currentTarget.value })}
                    error={err(`workHistory.${i}.company`)}
                    required
                  />
                  <TextInput
                    label={t('employeeDetail.role')}
                    value={row.role}
                    onChange={(e) => patch({ role: e.currentTarget.value })}
                    error={err(`workHistory.${i}.role`)}
                  />
                  <TextInput
                    type="date"
                    label={t('employeeDetail.fromDate')}
                    value={row.fromDate}
                    onChange={(e) => patch({ fromDate: e.currentTarget.value })}
                    error={err(`workHistory.${i}.fromDate`)}
                    max="9999-12-31"
                  />
                  <TextInput
                    type="date"
                    label={t('employeeDetail.toDate')}
                    value={row.toDate}
                    onChange={(e) => patch({ toDate: e.currentTarget.value })}
                    error={err(`workHistory.${i}.toDate`)}
                    max="9999-12-31"
                  />
                </SimpleGrid>
              )}
            />
            <Divider />
            <RowsEditor
              label={t('employeeDetail.licenses')}
              rows={form.licenses}
              onChange={set('licenses')}
              empty={() => ({ licenseId: null, acquiredOn: '' })}
              max={50}
              render={(row, patch, i) => (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('employeeDetail.license')}
                    data={licenseOptions}
                    value={row.licenseId}
                    onChange={(v) => patch({ licenseId: v })}
                    error={err(`licenses.${i}.licenseId`)}
                    searchable
                    required
                    nothingFoundMessage={t('employeeForm.noOptions')}
                  />
                  <TextInput
                    type="date"
                    label={t('employeeDetail.acquiredOn')}
                    value={row.acquiredOn}
                    onChange={(e) => patch({ acquiredOn: e.currentTarget.value })}
                    error={err(`licenses.${i}.acquiredOn`)}
                    max="9999-12-31"
                  />
                </SimpleGrid>
              )}
            />
            <FormFooter onCancel={close} loading={update.isPending} error={update.error} />
          </Stack>
        </form>
      </SectionCard>
    );
  }

  return (
    <SectionCard
      title={title}
      actions={
        employee.canEdit && (
          <EditButton label={t('employeeDetail.editOf', { label: title })} onClick={() => setForm(formOf(career))} />
        )
      }
    >
      <ViewList
        label={t('employeeDetail.education')}
        headers={[t('employeeDetail.school'), t('employeeDetail.faculty'), t('employeeDetail.graduatedOn')]}
        rows={career.education.map((e) => [e.school, e.faculty ?? '-', d(e.graduatedOn)])}
      />
      <ViewList
        label={t('employeeDetail.workHistory')}
        headers={[t('employeeDetail.workCompany'), t('employeeDetail.role'), t('employeeDetail.period')]}
        rows={career.workHistory.map((w) => [
          w.company,
          w.role ?? '-',
          w.fromDate || w.toDate ? `${d(w.fromDate)} 〜 ${w.toDate ? d(w.toDate) : ''}` : '-',
        ])}
      />
      <ViewList
        label={t('employeeDetail.licenses')}
        headers={[t('employeeDetail.license'), t('employeeDetail.acquiredOn')]}
        rows={career.licenses.map((l) => [l.name ?? '-', d(l.acquiredOn)])}
      />
    </SectionCard>
  );
}

/** A titled read-only table, or 「登録されていません」. */
export function ViewList({ label, headers, rows }: { label: string; headers: string[]; rows: string[][] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('employeeDetail.none')}
        </Text>
      ) : (
        <Table aria-label={label} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: list rows have no id
              <Table.Tr key={i}>
                {r.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                  <Table.Td key={j}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
