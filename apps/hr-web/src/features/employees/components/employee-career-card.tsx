import { type TEmployeeDetail, ZCareerSection } from '@jinji/contracts/hr/employees';
import { formatDate } from '@jinji/ja/text';
import { Divider, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { employeeFormOptionsQueryOptions } from '../api/employees';
import { masterOptions } from './master-options';
import { RowsEditor, ViewList } from './rows-editor';
import { blanksToNull } from './section-card';
import { SectionEditForm, SectionViewCard, useSectionEditor } from './section-editor';

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
  const editor = useSectionEditor({
    employeeId: employee.id,
    section: 'career',
    schema: ZCareerSection,
    bodyOf: (form: TForm) => ({
      education: form.education.map(blanksToNull),
      workHistory: form.workHistory.map(blanksToNull),
      licenses: form.licenses.map(blanksToNull),
    }),
  });
  const { form, setForm, err } = editor;
  const options = useQuery({ ...employeeFormOptionsQueryOptions, enabled: form !== null });
  const title = t('employeeDetail.sections.career');
  const career = employee.career;

  if (form) {
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
      <SectionEditForm editor={editor} title={title}>
        <RowsEditor
          label={t('employeeDetail.education')}
          name="education"
          rows={form.education}
          onChange={set('education')}
          empty={() => ({ school: '', faculty: '', graduatedOn: '' })}
          max={20}
          err={err}
          render={(field) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('employeeDetail.school')} {...field.text('school')} required />
              <TextInput label={t('employeeDetail.faculty')} {...field.text('faculty')} />
              <TextInput label={t('employeeDetail.graduatedOn')} {...field.date('graduatedOn')} />
            </SimpleGrid>
          )}
        />
        <Divider />
        <RowsEditor
          label={t('employeeDetail.workHistory')}
          name="workHistory"
          rows={form.workHistory}
          onChange={set('workHistory')}
          empty={() => ({ company: '', role: '', fromDate: '', toDate: '' })}
          max={30}
          err={err}
          render={(field) => (
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput label={t('employeeDetail.workCompany')} {...field.text('company')} required />
              <TextInput label={t('employeeDetail.role')} {...field.text('role')} />
              <TextInput label={t('employeeDetail.fromDate')} {...field.date('fromDate')} />
              <TextInput label={t('employeeDetail.toDate')} {...field.date('toDate')} />
            </SimpleGrid>
          )}
        />
        <Divider />
        <RowsEditor
          label={t('employeeDetail.licenses')}
          name="licenses"
          rows={form.licenses}
          onChange={set('licenses')}
          empty={() => ({ licenseId: null, acquiredOn: '' })}
          max={50}
          err={err}
          render={(field) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('employeeDetail.license')}
                data={licenseOptions}
                value={field.row.licenseId}
                onChange={(v) => field.patch({ licenseId: v })}
                error={field.error('licenseId')}
                searchable
                required
                nothingFoundMessage={t('employeeForm.noOptions')}
              />
              <TextInput label={t('employeeDetail.acquiredOn')} {...field.date('acquiredOn')} />
            </SimpleGrid>
          )}
        />
      </SectionEditForm>
    );
  }

  return (
    <SectionViewCard title={title} canEdit={employee.canEdit} onEdit={() => setForm(formOf(career))}>
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
    </SectionViewCard>
  );
}
