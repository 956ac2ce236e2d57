import { type TEmployeeDetail, ZSensitiveSection } from '@jinji/contracts/hr/employees';
import { formatDate } from '@jinji/ja/text';
import { Badge, Divider, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { employeeFormOptionsQueryOptions, type TSensitiveSection, useUpdateEmployee } from '../api/employees';
import { masterOptions } from './master-options';
import { RowsEditor, ViewList } from './rows-editor';
import { blanksToNull } from './section-card';
import { SectionEditForm, SectionViewCard, useSectionEditor } from './section-editor';

type TDisability = { disabilityTypeId: string | null; grade: string };
type TAward = { kind: string | null; title: string; awardedOn: string };
type TForm = { disabilities: TDisability[]; awards: TAward[] };

const formOf = (s: TSensitiveSection): TForm => ({
  disabilities: s.disabilities.map((x) => ({ disabilityTypeId: x.disabilityTypeId, grade: x.grade ?? '' })),
  awards: s.awards.map((a) => ({ kind: a.kind, title: a.title, awardedOn: a.awardedOn ?? '' })),
});

/** 障がい・賞罰 (要配慮個人情報): the page renders it only when the server sent `sensitive`. */
export function EmployeeSensitiveCard({
  employee,
  sensitive,
}: {
  employee: TEmployeeDetail;
  sensitive: TSensitiveSection;
}) {
  const { t } = useTranslation();
  const editor = useSectionEditor({
    write: useUpdateEmployee(employee.id),
    section: 'sensitive',
    schema: ZSensitiveSection,
    bodyOf: (form: TForm) => ({
      disabilities: form.disabilities.map(blanksToNull),
      awards: form.awards.map(blanksToNull),
    }),
  });
  const { form, setForm, err } = editor;
  const options = useQuery({ ...employeeFormOptionsQueryOptions, enabled: form !== null });
  const title = t('employeeDetail.sections.sensitive');
  const badge = (
    <Badge color="red" variant="light" leftSection={<LockIcon />}>
      {t('employeeDetail.sensitiveLabel')}
    </Badge>
  );

  if (form) {
    const typeOptions = masterOptions(options.data?.masters.disability_type);
    for (const x of sensitive.disabilities) {
      if (!typeOptions.some((o) => o.value === x.disabilityTypeId))
        typeOptions.push({ value: x.disabilityTypeId, label: x.name ?? x.disabilityTypeId });
    }
    return (
      <SectionEditForm editor={editor} title={title} badge={badge}>
        <RowsEditor
          label={t('employeeDetail.disabilities')}
          name="disabilities"
          rows={form.disabilities}
          onChange={(disabilities) => setForm((f) => (f ? { ...f, disabilities } : f))}
          empty={() => ({ disabilityTypeId: null, grade: '' })}
          max={10}
          err={err}
          render={(field) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('employeeDetail.disabilityType')}
                data={typeOptions}
                value={field.row.disabilityTypeId}
                onChange={(v) => field.patch({ disabilityTypeId: v })}
                error={field.error('disabilityTypeId')}
                required
                nothingFoundMessage={t('employeeForm.noOptions')}
              />
              <TextInput label={t('employeeDetail.grade')} {...field.text('grade')} />
            </SimpleGrid>
          )}
        />
        <Divider />
        <RowsEditor
          label={t('employeeDetail.awards')}
          name="awards"
          rows={form.awards}
          onChange={(awards) => setForm((f) => (f ? { ...f, awards } : f))}
          empty={() => ({ kind: null, title: '', awardedOn: '' })}
          max={50}
          err={err}
          render={(field) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('employeeDetail.awardKind')}
                data={[
                  { value: '賞', label: t('employeeDetail.award') },
                  { value: '罰', label: t('employeeDetail.penalty') },
                ]}
                value={field.row.kind}
                onChange={(v) => field.patch({ kind: v })}
                error={field.error('kind')}
                required
              />
              <TextInput label={t('employeeDetail.awardTitle')} {...field.text('title')} required />
              <TextInput label={t('employeeDetail.awardedOn')} {...field.date('awardedOn')} />
            </SimpleGrid>
          )}
        />
      </SectionEditForm>
    );
  }

  return (
    <SectionViewCard
      title={title}
      badge={badge}
      canEdit={employee.canEditSensitive}
      onEdit={() => setForm(formOf(sensitive))}
    >
      <ViewList
        label={t('employeeDetail.disabilities')}
        headers={[t('employeeDetail.disabilityType'), t('employeeDetail.grade')]}
        rows={sensitive.disabilities.map((x) => [x.name ?? '-', x.grade ?? '-'])}
      />
      <ViewList
        label={t('employeeDetail.awards')}
        headers={[t('employeeDetail.awardKind'), t('employeeDetail.awardTitle'), t('employeeDetail.awardedOn')]}
        rows={sensitive.awards.map((a) => [
          a.kind === '賞' ? t('employeeDetail.award') : t('employeeDetail.penalty'),
          a.title,
          a.awardedOn ? formatDate(a.awardedOn) : '-',
        ])}
      />
    </SectionViewCard>
  );
}

// An inline icon: emoji glyphs are missing from many Linux and Windows fonts.
function LockIcon() {
  return (
    <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
      <path d="M4 7V5a4 4 0 1 1 8 0v2h1a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z" />
    </svg>
  );
}
