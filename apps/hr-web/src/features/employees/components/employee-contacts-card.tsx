import { type TEmployeeDetail, ZContactsSection } from '@jinji/contracts/hr/employees';
import { errorText } from '@jinji/web-kit/validation';
import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RowsEditor, ViewList } from './rows-editor';
import { blanksToNull } from './section-card';
import { SectionEditForm, SectionViewCard, useSectionEditor } from './section-editor';

type TRow = { name: string; relation: string; phone: string };
const MAX = 3;

/** 緊急連絡先 (max 3: 氏名, 続柄, 電話番号). */
export function EmployeeContactsCard({ employee }: { employee: TEmployeeDetail }) {
  const { t } = useTranslation();
  const editor = useSectionEditor({
    employeeId: employee.id,
    section: 'contacts',
    schema: ZContactsSection,
    bodyOf: (rows: TRow[]) => ({ emergencyContacts: rows.map(blanksToNull) }),
  });
  const { form: rows, setForm: setRows, errors, err } = editor;
  const title = t('employeeDetail.sections.contacts');
  const contacts = employee.contacts.emergencyContacts;

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
          <Text size="sm" c="red">
            {errorText(errors.emergencyContacts)}
          </Text>
        )}
      </SectionEditForm>
    );
  }

  return (
    <SectionViewCard
      title={title}
      canEdit={employee.canEdit}
      onEdit={() => setRows(contacts.map((c) => ({ name: c.name, relation: c.relation ?? '', phone: c.phone })))}
    >
      <ViewList
        label={title}
        headers={[t('employeeDetail.contactName'), t('employeeDetail.relation'), t('employeeDetail.contactPhone')]}
        rows={contacts.map((c) => [c.name, c.relation ?? '-', c.phone])}
        titled={false}
        bordered={false}
      />
    </SectionViewCard>
  );
}
