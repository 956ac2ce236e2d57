// An edit mode over saved data, as every settings page and detail section has it: the form (null while
// viewing), client validation against the request's contract schema, the write, and the server's field
// errors mapped back onto the inputs. Pages differ only in their form, its body and their write.
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrorsOf } from './api-client';
import { errorText, type TFieldErrors, validate } from './validation';

/** What a form writes through: a TanStack mutation, or anything shaped like one. */
export type TFormWriter<W> = {
  mutate: (write: W, opts: { onSuccess: () => void; onError: (e: Error) => void }) => void;
  reset: () => void;
  isPending: boolean;
  error: Error | null;
};

export function useFormEditor<F, B, W = B>(opts: {
  write: TFormWriter<W>;
  schema: z.ZodType<B>;
  /** the request body the form stands for (validated with `schema`) */
  bodyOf: (form: F) => unknown;
  /** the write of a valid body; default: the body itself */
  writeOf?: (body: B) => W;
  /** an always-open form (a wizard step) starts filled */
  initial?: F;
  /** default: 「更新しました」 and back to viewing */
  onSaved?: () => void;
  /** default: back to viewing, errors forgotten */
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const { write, schema, bodyOf, writeOf, onSaved, onClose } = opts;
  const [form, setForm] = useState<F | null>(opts.initial ?? null);
  const [errors, setErrors] = useState<TFieldErrors>({});

  const close = () => {
    if (onClose) return onClose();
    setForm(null);
    setErrors({});
    write.reset();
  };
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!form) return;
    const result = validate(schema, bodyOf(form));
    setErrors(result.errors ?? {});
    if (!result.data) return;
    write.mutate(writeOf ? writeOf(result.data) : (result.data as unknown as W), {
      onSuccess: () => {
        if (onSaved) return onSaved();
        notifications.show({ color: 'teal', message: t('kit.updated') });
        close();
      },
      onError: (err) => setErrors(fieldErrorsOf(err)),
    });
  };
  /** The error text of one input, by its body path (`education.0.school`). */
  const err = (path: string) => errorText(errors[path]);

  return { form, setForm, open: setForm, errors, setErrors, err, close, submit };
}
