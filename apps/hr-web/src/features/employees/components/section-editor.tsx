// A detail-page section's edit mode: the form state, client validation, the write, server field errors,
// and the 【キャンセル】【更新】 form around the section's inputs.

import { type TFormWriter, useFormEditor } from '@jinji/web-kit/form-editor';
import { Stack } from '@mantine/core';
import type { FormEvent } from 'react';
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
export type TWriter<W extends TWrite0> = TFormWriter<W>;
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
  const editor = useFormEditor<F, B, { section: S; body: B }>({
    write,
    schema,
    bodyOf,
    writeOf: (body) => ({ section, body }),
    initial: wizard?.initial,
    // a saved wizard step stays open: the wizard moves on
    onSaved: wizard ? () => {} : undefined,
    onClose: wizard?.onCancel,
  });
  return { ...editor, update: write, wizard };
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
