import { ZChangePasswordRequest } from '@jinji/contracts/common/password-policy';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { liveViolations, NewPasswordFields } from '@jinji/web-kit/ui/new-password-fields';
import { PasswordPolicyBox } from '@jinji/web-kit/ui/password-policy-box';
import { ButtonLink } from '@jinji/web-kit/ui/router-links';
import { errorText, type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Alert, Button, Group, Paper, PasswordInput, Skeleton, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../lib/session';
import { passwordPolicyQueryOptions, useChangePassword } from '../api/password';

export function PasswordChangePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const policyQuery = useQuery(passwordPolicyQueryOptions);
  const changePassword = useChangePassword();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<TFieldErrors>({});
  const isForced = me?.mustChangePassword ?? false;

  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => {
    const { value } = e.currentTarget;
    setForm((f) => ({ ...f, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest); // a field's server error is stale once it is edited
  };

  const violations = liveViolations(form.newPassword, policyQuery.data?.policy, me?.user.loginId ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { confirm, ...body } = form;
    const result = validate(ZChangePasswordRequest, body);
    const next = result.errors ?? {};
    if (confirm !== body.newPassword) next.confirm = [t('kit.passwordMismatch')];
    setErrors(next);
    if (!result.data || next.confirm || violations.length > 0) return;
    changePassword.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('password.success') });
        void navigate({ to: '/' });
      },
      onError: (err) => setErrors(fieldErrorsOf(err)),
    });
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={560} mx="auto" mt="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('password.title')}
          </Title>
          {isForced && (
            <Alert color="orange" role="alert">
              {t('password.expired')}
            </Alert>
          )}
          {changePassword.error && (
            <Alert color="red" role="alert" title={t('kit.error')}>
              {changePassword.error.message}
            </Alert>
          )}
          {policyQuery.data ? <PasswordPolicyBox policy={policyQuery.data.policy} /> : <Skeleton h={140} />}
          <PasswordInput
            label={t('password.current')}
            value={form.currentPassword}
            onChange={set('currentPassword')}
            error={errorText(errors.currentPassword)}
            autoComplete="current-password"
            required
          />
          <NewPasswordFields
            value={form}
            onChange={(key, value) => set(key)({ currentTarget: { value } })}
            policy={policyQuery.data?.policy}
            loginId={me?.user.loginId ?? ''}
            serverErrors={errors.newPassword}
            confirmError={errors.confirm}
          />
          <Group justify="flex-end">
            {!isForced && (
              <ButtonLink to="/" variant="default">
                {t('password.back')}
              </ButtonLink>
            )}
            <Button type="submit" loading={changePassword.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
