// パスワードを忘れた方: 企業コード and ログインID (or メールアドレス). The server answers the same whatever
// was typed, so the page only ever shows that one message.
import { ZPasswordResetRequest } from '@jinji/contracts/hr/account-notice';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRequestPasswordReset } from '../api/password-links';

export function ForgotPasswordPage({ tenantCode = '' }: { tenantCode?: string }) {
  const { t } = useTranslation();
  const reset = useRequestPasswordReset();
  const [form, setForm] = useState({ tenantCode, loginIdOrEmail: '' });
  const [errors, setErrors] = useState<TFieldErrors>({});

  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const { value } = e.currentTarget; // read now: React clears currentTarget after the handler
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZPasswordResetRequest, form);
    setErrors(result.errors ?? {});
    if (result.data) reset.mutate(result.data);
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={460} mx="auto" mt="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('forgot.title')}
          </Title>
          {reset.data ? (
            <Alert color="teal" role="status">
              {reset.data.message}
            </Alert>
          ) : (
            <>
              <Text size="sm">{t('forgot.lead')}</Text>
              {reset.error && (
                <Alert color="red" role="alert" title={t('kit.error')}>
                  {reset.error.message}
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
                label={t('forgot.loginIdOrEmail')}
                value={form.loginIdOrEmail}
                onChange={set('loginIdOrEmail')}
                error={errorText(errors.loginIdOrEmail)}
                autoComplete="username"
                required
              />
              <Button type="submit" loading={reset.isPending} fullWidth>
                {t('forgot.submit')}
              </Button>
            </>
          )}
          <AnchorLink to="/login" size="sm">
            {t('forgot.back')}
          </AnchorLink>
        </Stack>
      </form>
    </Paper>
  );
}
