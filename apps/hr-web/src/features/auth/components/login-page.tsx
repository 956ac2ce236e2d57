import { Alert, Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, type TFieldErrors, validate } from '../../../lib/validation';
import { useLogin } from '../api/auth';

const loadSchema = () => import('@jinji/contracts/hr/auth');

export function LoginPage({ tenantCode: initialTenantCode = '' }: { tenantCode?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loginMutation = useLogin();
  const [form, setForm] = useState({ tenantCode: initialTenantCode, loginId: '', password: '' });
  const [errors, setErrors] = useState<TFieldErrors>({});

  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const { value } = e.currentTarget;
    setForm((f) => ({ ...f, [key]: value }));
  };

  // The schema brings zod, the largest library after React: fetched once the form is on screen, so
  // the first paint of /login does not wait for it.
  useEffect(() => void loadSchema().catch(() => undefined), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { ZLoginRequest } = await loadSchema();
    const result = validate(ZLoginRequest, form);
    setErrors(result.errors ?? {});
    if (!result.data) return;
    loginMutation.mutate(result.data, {
      onSuccess: (me) => void navigate({ to: me.mustChangePassword ? '/password' : '/' }),
      onError: () => setForm((f) => ({ ...f, password: '' })),
    });
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={420} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('login.title')}
          </Title>
          {loginMutation.error && (
            <Alert color="red" role="alert" title={t('common.error')}>
              {loginMutation.error.message}
            </Alert>
          )}
          <TextInput
            label={t('login.tenantCode')}
            value={form.tenantCode}
            onChange={set('tenantCode')}
            error={errorText(errors.tenantCode)}
            autoComplete="organization"
            required
          />
          <TextInput
            label={t('login.loginId')}
            value={form.loginId}
            onChange={set('loginId')}
            error={errorText(errors.loginId)}
            autoComplete="username"
            required
          />
          <PasswordInput
            label={t('login.password')}
            value={form.password}
            onChange={set('password')}
            error={errorText(errors.password)}
            autoComplete="current-password"
            required
          />
          <Button type="submit" loading={loginMutation.isPending} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
