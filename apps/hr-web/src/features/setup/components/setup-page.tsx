import { DEFAULT_PASSWORD_POLICY } from '@jinji/contracts/common/password-policy';
import { ZCreateTenantRequest } from '@jinji/contracts/hr/setup';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { PasswordPolicyBox } from '@jinji/web-kit/ui/password-policy-box';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateTenant } from '../api/setup';

const EMPTY = { tenantCode: '', tenantName: '', adminLoginId: '', adminEmail: '', adminPassword: '', confirm: '' };

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createTenant = useCreateTenant();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<TFieldErrors>({});

  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const { value } = e.currentTarget;
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { confirm, ...body } = form;
    const result = validate(ZCreateTenantRequest, body);
    const next = result.errors ?? {};
    if (confirm !== body.adminPassword) next.confirm = [t('setup.passwordMismatch')];
    setErrors(next);
    if (!result.data || next.confirm) return;
    createTenant.mutate(result.data, {
      onSuccess: ({ tenantCode }) => {
        notifications.show({ color: 'teal', message: t('setup.done') });
        void navigate({ to: '/login', search: { tenantCode } });
      },
      onError: (err) => setErrors(fieldErrorsOf(err)),
    });
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={560} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('setup.title')}
          </Title>
          <Text c="dimmed">{t('setup.lead')}</Text>
          {createTenant.error && (
            <Alert color="red" role="alert" title={t('kit.error')}>
              {createTenant.error.message}
            </Alert>
          )}
          <TextInput
            label={t('setup.tenantCode')}
            description={t('setup.tenantCodeHint')}
            value={form.tenantCode}
            onChange={set('tenantCode')}
            error={errorText(errors.tenantCode)}
            required
          />
          <TextInput
            label={t('setup.tenantName')}
            value={form.tenantName}
            onChange={set('tenantName')}
            error={errorText(errors.tenantName)}
            autoComplete="organization"
            required
          />
          <TextInput
            label={t('setup.adminLoginId')}
            value={form.adminLoginId}
            onChange={set('adminLoginId')}
            error={errorText(errors.adminLoginId)}
            autoComplete="username"
            required
          />
          <TextInput
            label={t('setup.adminEmail')}
            type="email"
            value={form.adminEmail}
            onChange={set('adminEmail')}
            error={errorText(errors.adminEmail)}
            autoComplete="email"
            required
          />
          <PasswordPolicyBox policy={DEFAULT_PASSWORD_POLICY} />
          <PasswordInput
            label={t('setup.password')}
            value={form.adminPassword}
            onChange={set('adminPassword')}
            error={errorText(errors.adminPassword)}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('setup.passwordConfirm')}
            value={form.confirm}
            onChange={set('confirm')}
            error={errorText(errors.confirm)}
            autoComplete="new-password"
            required
          />
          <Button type="submit" loading={createTenant.isPending}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
