import { type TEmployeeDetail, ZSensitiveSection } from '@jinji/contracts/employees';
import { formatDate } from '@jinji/contracts/japanese';
import { Badge, Divider, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../../lib/api-client';
import { errorText, type TFieldErrors, validate } from '../../../lib/validation';
import { employeeFormOptionsQueryOptions, type TSensitiveSection, useUpdateEmployee } from '../api/employees';
import { ViewList } from './employee-career-card';
import { masterOptions } from './master-options';
import { RowsEditor } from './rows-editor';
import { blanksToNull, EditButton, FormFooter, SectionCard } from './section-card';

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
  const [form, setForm] = useState<TForm | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const update = useUpdateEmployee(employee.id);
  const options = useQuery({ ...employeeFormOptionsQueryOptions, enabled: form !== null });
  const title = t('employeeDetail.sections.sensitive');
  const badge = (
    <Badge color="red" variant="light" leftSection={<LockIcon />}>
      {t('employeeDetail.sensitiveLabel')}
    </Badge>
  );

  const close = () => {
    setForm(null);
    setErrors({});
    update.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const result = validate(ZSensitiveSection, {
      disabilities: form.disabilities.map(blanksToNull),
      awards: form.awards.map(blanksToNull),
    });
    setErrors(result.errors ?? {});
    if (!result.data) return;
    update.mutate(
      { section: 'sensitive', body: result.data },
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
    const typeOptions = masterOptions(options.data?.masters.disability_type);
    for (const x of sensitive.disabilities) {
      if (!typeOptions.some((o) => o.value === x.disabilityTypeId))
        typeOptions.push({ value: x.disabilityTypeId, label: x.name ?? x.disabilityTypeId });
    }
    return (
      <SectionCard title={title} badge={badge}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <RowsEditor
              label={t('employeeDetail.disabilities')}
              rows={form.disabilities}
              onChange={(disabilities) => setForm((f) => (f ? { ...f, disabilities } : f))}
              empty={() => ({ disabilityTypeId: null, grade: '' })}
              max={10}
              render={(row, patch, i) => (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('employeeDetail.disabilityType')}
                    data={typeOptions}
                    value={row.disabilityTypeId}
                    onChange={(v) => patch({ disabilityTypeId: v })}
                    error={err(`disabilities.${i}.disabilityTypeId`)}
                    required
                    nothingFoundMessage={t('employeeForm.noOptions')}
                  />
                  <TextInput
                    label={t('employeeDetail.grade')}
                    value={row.grade}
                    onChange={(e) => patch({ grade: e.currentTarget.value })}
                    error={err(`disabilities.${i}.grade`)}
                  />
                </SimpleGrid>
              )}
            />
            <Divider />
            <RowsEditor
              label={t('employeeDetail.awards')}
              rows={form.awards}
              onChange={(awards) => setForm((f) => (f ? { ...f, awards } : f))}
              empty={() => ({ kind: null, title: '', awardedOn: '' })}
              max={50}
              render={(row, patch, i) => (
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label={t('employeeDetail.awardKind')}
                    data={[
                      { value: '賞', label: t('employeeDetail.award') },
                      { value: '罰', label: t('employeeDetail.penalty') },
                    ]}
                    value={row.kind}
                    onChange={(v) => patch({ kind: v })}
                    error={err(`awards.${i}.kind`)}
                    required
                  />
                  <TextInput
                    label={t('employeeDetail.awardTitle')}
                    value={row.title}
                    onChange={(e) => patch({ title: e.currentTarget.value })}
                    error={err(`awards.${i}.title`)}
                    required
                  />
                  <TextInput
                    type="date"
                    label={t('employeeDetail.awardedOn')}
                    value={row.awardedOn}
                    onChange={(e) => patch({ awardedOn: e.currentTarget.value })}
                    error={err(`awards.${i}.awardedOn`)}
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
      badge={badge}
      actions={
        employee.canEditSensitive && (
          <EditButton label={t('employeeDetail.editOf', { label: title })} onClick={() => setForm(formOf(sensitive))} />
        )
      }
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
    </SectionCard>
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
