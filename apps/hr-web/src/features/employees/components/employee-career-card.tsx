import { type TEmployeeDetail, ZCareerSection } from '@jinji/contracts/hr/employees';
import { formatDate } from '@jinji/ja/text';
import { Divider, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { employeeFormOptionsQueryOptions, useUpdateEmployee } from '../api/employees';
import { masterOptions } from './master-options';
import { RowsEditor, ViewList } from './rows-editor';
import { blanksToNull } from './section-card';
import {
  SectionEditForm,
  SectionViewCard,
  type TSectionWriter,
  type TWizardStep,
  useSectionEditor,
} from './section-editor';

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

type TLicenseChoice = { id: string; code: string; name: string };

/**
 * 学歴・職歴・資格免許: three lists with rows to add and remove; 資格 from the 資格・免許 master
 * (`licenseChoices`, valid rows). HR's detail page, マイページ and the スタートアップ step (`wizard`).
 */
export function CareerCard({
  career,
  canEdit,
  write,
  licenseChoices,
  wizard,
  editText,
}: {
  career: TEmployeeDetail['career'];
  canEdit: boolean;
  write: TSectionWriter<'career'>;
  licenseChoices: TLicenseChoice[] | undefined;
  editText?: string;
  wizard?: Omit<TWizardStep<TForm>, 'initial'>;
}) {
  const { t } = useTranslation();
  const editor = useSectionEditor({
    write,
    wizard: wizard && { ...wizard, initial: formOf(career) },
    section: 'career',
    schema: ZCareerSection,
    bodyOf: (form: TForm) => ({
      education: form.education.map(blanksToNull),
      workHistory: form.workHistory.map(blanksToNull),
      licenses: form.licenses.map(blanksToNull),
    }),
  });
  const { form, setForm, err } = editor;
  const title = t('employeeDetail.sections.career');

  if (form) {
    const set =
      <K extends keyof TForm>(key: K) =>
      (rows: TForm[K]) =>
        setForm((f) => (f ? { ...f, [key]: rows } : f));
    // The licence held may have become invalid in the master: keep it selectable.
    const licenseOptions = masterOptions(licenseChoices as Parameters<typeof masterOptions>[0]);
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
    <SectionViewCard title={title} canEdit={canEdit} editText={editText} onEdit={() => setForm(formOf(career))}>
      <CareerView career={career} />
    </SectionViewCard>
  );
}

/** The read-only lists (also the スタートアップ 確認 page). */
export function CareerView({ career }: { career: TEmployeeDetail['career'] }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** 従業員情報（詳細）'s card: written through HR's employee API, licences from its form options. */
export function EmployeeCareerCard({ employee }: { employee: TEmployeeDetail }) {
  const write = useUpdateEmployee(employee.id);
  const options = useQuery(employeeFormOptionsQueryOptions);
  return (
    <CareerCard
      career={employee.career}
      canEdit={employee.canEdit}
      write={write}
      licenseChoices={options.data?.masters.license}
    />
  );
}
