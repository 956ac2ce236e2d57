import { type TEmployeeDetail, ZContactsSection } from '@jinji/contracts/employees';
import { SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../lib/api-client';
import { errorText, type TFieldErrors, validate } from '../../../lib/validation';
import { useUpdateEmployee } from '../api/employees';
import { RowsEditor } from './rows-editor';
import { blanksToNull, EditButton, FormFooter, SectionCard } from './section-card';

type TRow = { name: string; relation: string; phone: string };
const MAX = 3;

/** 緊急連絡先 (max 3: 氏名, 続柄, 電話番号). */
export function EmployeeContactsCard({ employee }: { employee: TEmployeeDetail }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<TRow[] | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const update = useUpdateEmployee(employee.id);
  const title = t('employeeDetail.sections.contacts');
  const contacts = employee.contacts.emergencyContacts;

  const close = () => {
    setRows(null);
    setErrors({});
    update.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!rows) return;
    const result = validate(ZContactsSection, { emergencyContacts: rows.map(blanksToNull) });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    update.mutate(
      { section: 'contacts', body: result.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('common.updated') });
          close();
        },
        onError: (err) => setErrors(fieldErrorsOf(err)),
      },
    );
  };

  if (rows) {
    const err = (i: number, key: keyof TRow) => errorText(errors[`emergencyContacts.${i}.${key}`]);
    return (
      <SectionCard title={title}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <RowsEditor
              label={t('employeeDetail.emergencyContact')}
              rows={rows}
              onChange={setRows}
              empty={() => ({ name: '', relation: '', phone: '' })}
              max={MAX}
              render={(row, patch, i) => (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('employeeDetail.contactName')}
                    value={row.name}
                    onChange={(e) => patch({ name: e.currentTarget.value })}
                    error={err(i, 'name')}
                    required
                  />
                  <TextInput
                    label={t('employeeDetail.relation')}
                    value={row.relation}
                    onChange={(e) => patch({ relation: e.currentTarget.value })}
                    error={err(i, 'relation')}
                  />
                  <TextInput
                    label={t('employeeDetail.contactPhone')}
                    value={row.phone}
                    onChange={(e) => patch({ phone: e.currentTarget.value })}
                    error={err(i, 'phone')}
                    required
                  />
                </SimpleGrid>
              )}
            />
            {errors.emergencyContacts && (
              <Text size="sm" c="red">
                {errorText(errors.emergencyContacts)}
              </Text>
            )}
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
          <EditButton
            label={t('employeeDetail.editOf', { label: title })}
            onClick={() => setRows(contacts.map((c) => ({ name: c.name, relation: c.relation ?? '', phone: c.phone })))}
          />
        )
      }
    >
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('employeeDetail.none')}
        </Text>
      ) : (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('employeeDetail.contactName')}</Table.Th>
              <Table.Th>{t('employeeDetail.relation')}</Table.Th>
              <Table.Th>{t('employeeDetail.contactPhone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id
              <Table.Tr key={i}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.relation ?? '-'}</Table.Td>
                <Table.Td>{c.phone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
