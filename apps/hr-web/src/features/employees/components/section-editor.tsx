// A detail-page section's edit mode: the form state, client validation, the write, server field errors,
// and the 【キャンセル】【更新】 form around the section's inputs.

import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { useUpdateEmployee } from '../api/employees';
import { EditButton, FormFooter, SectionCard } from './section-card';

type TWrite = Parameters<ReturnType<typeof useUpdateEmployee>['mutate']>[0];
type TSection = 'basic' | 'contacts' | 'career' | 'sensitive';
type TBody<S extends TSection> = Extract<TWrite, { section: S }>['body'];

/**
 * Where a section's form is written: HR's detail page (useUpdateEmployee) or マイページ and
 * 従業員スタートアップ (the self-service API) — one mutation per card, so each shows its own error.
 */
export type TWriter<W extends TWrite0> = {
  mutate: (write: W, opts: { onSuccess: () => void; onError: (e: Error) => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: Error | null;
};
type TWrite0 = { section: string; body: unknown };
export type TSectionWriter<S extends TSection> = TWriter<{ section: S; body: TBody<S> }>;

/**
 * A form that is always open, as a wizard step (従業員スタートアップ): `initial` fills it, the footer reads
 * `submitLabel`/`cancelLabel`, cancel is `onCancel`, and a saved step stays open (the wizard moves on).
 */
export type TWizardStep<F> = { initial: F; submitLabel: string; cancelLabel: string; onCancel: () => void };

/** `form` is null in view mode; `open` enters edit mode, `close` leaves it (and forgets errors). */
export function useSectionEditor<F, S extends string, B>({
  write,
  section,
  schema,
  bodyOf,
  wizard,
}: {
  /** any writer that takes this section's write (HR's takes every section's) */
  write: TWriter<NoInfer<{ section: S; body: B }>>;
  section: S;
  schema: z.ZodType<B>;
  bodyOf: (form: F) => unknown;
  wizard?: TWizardStep<F>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<F | null>(wizard?.initial ?? null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const update = write;

  const close = () => {
    if (wizard) return wizard.onCancel();
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
    update.mutate(
      { section, body: result.data },
      {
        onSuccess: () => {
          if (wizard) return;
          notifications.show({ color: 'teal', message: t('common.updated') });
          close();
        },
        onError: (err) => setErrors(fieldErrorsOf(err)),
      },
    );
  };
  /** The error text of one input, by its body path (`education.0.school`). */
  const err = (path: string) => errorText(errors[path]);

  return { form, setForm, open: setForm, errors, setErrors, err, close, submit, update, wizard };
}

export type TSectionEditor<F> = {
  submit: (e: FormEvent) => void;
  close: () => void;
  update: Pick<TWriter<TWrite0>, 'isPending' | 'error'>;
  wizard?: TWizardStep<F>;
};

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
          <FormFooter
            onCancel={editor.close}
            loading={editor.update.isPending}
            error={editor.update.error}
            submitLabel={editor.wizard?.submitLabel}
            cancelLabel={editor.wizard?.cancelLabel}
          />
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
  editText,
  children,
}: {
  title: string;
  badge?: React.ReactNode;
  canEdit: boolean;
  onEdit: () => void;
  editText?: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard
      title={title}
      badge={badge}
      actions={
        canEdit && <EditButton label={t('employeeDetail.editOf', { label: title })} onClick={onEdit} text={editText} />
      }
    >
      {children}
    </SectionCard>
  );
}
