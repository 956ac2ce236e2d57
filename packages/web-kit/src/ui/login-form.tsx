// The login card both apps show: the tenant's code, login ID and password, validated with the app's
// contract schema before the request, the server's refusal shown above the fields.
import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { errorText, type TFieldErrors, validate } from '../validation';

export type TLoginFormLabels = { title: string; tenantCode: string; loginId: string; password: string; submit: string };
type TLoginValues<TCodeKey extends string> = Record<TCodeKey | 'loginId' | 'password', string>;

/**
 * `codeKey` names the tenant field as the app's request does (`tenantCode`, `organizationCode`).
 * `loadSchema` is a dynamic import: zod is the largest library after React, and is fetched once the form
 * is on screen, so the first paint does not wait for it. `onValid` sends the request; when `error` comes
 * back the password field is emptied.
 */
export function LoginForm<TCodeKey extends string, TBody>({
  codeKey,
  initialCode = '',
  labels,
  loadSchema,
  onValid,
  isPending,
  error,
  footer,
}: {
  codeKey: TCodeKey;
  initialCode?: string;
  labels: TLoginFormLabels;
  loadSchema: () => Promise<z.ZodType<TBody>>;
  onValid: (body: TBody) => void;
  isPending: boolean;
  error: Error | null;
  /** under the button: the app's links (HR's 「パスワードを忘れた方」) */
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ [codeKey]: initialCode, loginId: '', password: '' } as TLoginValues<TCodeKey>);
  const [errors, setErrors] = useState<TFieldErrors>({});

  useEffect(() => void loadSchema().catch(() => undefined), [loadSchema]);
  useEffect(() => {
    if (error) setForm((f) => ({ ...f, password: '' }));
  }, [error]);

  const set = (key: TCodeKey | 'loginId' | 'password') => (e: { currentTarget: { value: string } }) => {
    const { value } = e.currentTarget;
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = validate(await loadSchema(), form);
    setErrors(result.errors ?? {});
    if (result.data) onValid(result.data);
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={420} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {labels.title}
          </Title>
          {error && (
            <Alert color="red" role="alert" title={t('kit.error')}>
              {error.message}
            </Alert>
          )}
          <TextInput
            label={labels.tenantCode}
            value={form[codeKey]}
            onChange={set(codeKey)}
            error={errorText(errors[codeKey])}
            autoComplete="organization"
            required
          />
          <TextInput
            label={labels.loginId}
            value={form.loginId}
            onChange={set('loginId')}
            error={errorText(errors.loginId)}
            autoComplete="username"
            required
          />
          <PasswordInput
            label={labels.password}
            value={form.password}
            onChange={set('password')}
            error={errorText(errors.password)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={isPending} fullWidth>
            {labels.submit}
          </Button>
          {footer}
        </Stack>
      </form>
    </Paper>
  );
}
