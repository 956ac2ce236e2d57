import { type TEmployeeDetail, ZContactsSection } from '@jinji/contracts/hr/employees';
import { errorText } from '@jinji/web-kit/validation';
import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdateEmployee } from '../api/employees';
import { RowsEditor, ViewList } from './rows-editor';
import { blanksToNull } from './section-card';
import {
  SectionEditForm,
  SectionViewCard,
  type TSectionWriter,
  type TWizardStep,
  useSectionEditor,
} from './section-editor';

type TRow = { name: string; relation: string; phone: string };
const MAX = 3;

const rowsOf = (contacts: TEmployeeDetail['contacts']): TRow[] =>
  contacts.emergencyContacts.map((c) => ({ name: c.name, relation: c.relation ?? '', phone: c.phone }));

/**
 * 緊急連絡先 (max 3: 氏名, 続柄, 電話番号): HR's detail page, マイページ and the スタートアップ step
 * (`wizard`: always open) — written wherever `write` sends it.
 */
export function EmergencyContactsCard({
  contacts,
  canEdit,
  write,
  wizard,
  editText,
}: {
  contacts: TEmployeeDetail['contacts'];
  canEdit: boolean;
  write: TSectionWriter<'contacts'>;
  editText?: string;
  wizard?: Omit<TWizardStep<TRow[]>, 'initial'>;
}) {
  const { t } = useTranslation();
  const editor = useSectionEditor({
    write,
    section: 'contacts',
    schema: ZContactsSection,
    bodyOf: (rows: TRow[]) => ({ emergencyContacts: rows.map(blanksToNull) }),
    wizard: wizard && { ...wizard, initial: rowsOf(contacts) },
  });
  const { form: rows, setForm: setRows, errors, err } = editor;
  const title = t('employeeDetail.sections.contacts');

  if (rows) {
    return (
      <SectionEditForm editor={editor} title={title}>
        <RowsEditor
          label={t('employeeDetail.emergencyContact')}
          name="emergencyContacts"
          rows={rows}
          onChange={setRows}
          empty={() => ({ name: '', relation: '', phone: '' })}
          max={MAX}
          err={err}
          render={(field) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('employeeDetail.contactName')} {...field.text('name')} required />
              <TextInput label={t('employeeDetail.relation')} {...field.text('relation')} />
              <TextInput label={t('employeeDetail.contactPhone')} {...field.text('phone')} required />
            </SimpleGrid>
          )}
        />
        {errors.emergencyContacts && (
          <Text size="sm" c="red" role="alert">
            {errorText(errors.emergencyContacts)}
          </Text>
        )}
      </SectionEditForm>
    );
  }

  return (
    <SectionViewCard title={title} canEdit={canEdit} editText={editText} onEdit={() => setRows(rowsOf(contacts))}>
      <EmergencyContactsView contacts={contacts} />
    </SectionViewCard>
  );
}

/** The read-only table (also the スタートアップ 確認 page). */
export function EmergencyContactsView({ contacts }: { contacts: TEmployeeDetail['contacts'] }) {
  const { t } = useTranslation();
  return (
    <ViewList
      label={t('employeeDetail.sections.contacts')}
      headers={[t('employeeDetail.contactName'), t('employeeDetail.relation'), t('employeeDetail.contactPhone')]}
      rows={contacts.emergencyContacts.map((c) => [c.name, c.relation ?? '-', c.phone])}
      titled={false}
      bordered={false}
    />
  );
}

/** 従業員情報（詳細）'s card: written through HR's employee API. */
export function EmployeeContactsCard({ employee }: { employee: TEmployeeDetail }) {
  const write = useUpdateEmployee(employee.id);
  return <EmergencyContactsCard contacts={employee.contacts} canEdit={employee.canEdit} write={write} />;
}
