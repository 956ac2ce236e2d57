// A detail-page section's edit mode: the form state, client validation, the write, server field errors,
// and the 【キャンセル】【更新】 form around the section's inputs.

import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useUpdateEmployee } from '../api/employees';
import { EditButton, FormFooter, SectionCard } from './section-card';

type TWrite = Parameters<ReturnType<typeof useUpdateEmployee>['mutate']>[0];
type TSection = 'basic' | 'contacts' | 'career' | 'sensitive';
type TBody<S extends TSection> = Extract<TWrite, { section: S }>['body'];

/** `form` is null in view mode; `open` enters edit mode, `close` leaves it (and forgets errors). */
export function useSectionEditor<F, S extends TSection>({
  employeeId,
  section,
  schema,
  bodyOf,
}: {
  employeeId: string;
  section: S;
  schema: z.ZodType<TBody<S>>;
  bodyOf: (form: F) => unknown;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<F | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const update = useUpdateEmployee(employeeId);

  const close = () => {
    setForm(null);
    setErrors({});
    update.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const result = validate(schema, bodyOf(form));
    setErrors(result.errors ?? {});
    if (!result.data) return;
    update.mutate({ section, body: result.data } as TWrite, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('common.updated') });
        close();
      },
      onError: (err) => setErrors(fieldErrorsOf(err)),
    });
  };
  /** The error text of one input, by its body path (`education.0.school`). */
  const err = (path: string) => errorText(errors[path]);

  return { form, setForm, open: setForm, errors, setErrors, err, close, submit, update };
}

export type TSectionEditor<F> = Pick<ReturnType<typeof useSectionEditor<F, TSection>>, 'submit' | 'close' | 'update'>;

/** The section card in edit mode: its inputs, then 【キャンセル】【更新】 and the error without an input. */
export function SectionEditForm<F>({
  editor,
  title,
  badge,
  children,
}: {
  editor: TSectionEditor<F>;
  title: string;
  badge?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <SectionCard title={title} badge={badge}>
      <form onSubmit={editor.submit} noValidate>
        <Stack>
          {children}
          <FormFooter onCancel={editor.close} loading={editor.update.isPending} error={editor.update.error} />
        </Stack>
      </form>
    </SectionCard>
  );
}

/** The section card in view mode, with 【編集】 (「<title>を編集」) when the user may edit it. */
export function SectionViewCard({
  title,
  badge,
  canEdit,
  onEdit,
  children,
}: {
  title: string;
  badge?: React.ReactNode;
  canEdit: boolean;
  onEdit: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard
      title={title}
      badge={badge}
      actions={canEdit && <EditButton label={t('employeeDetail.editOf', { label: title })} onClick={onEdit} />}
    >
      {children}
    </SectionCard>
  );
}
