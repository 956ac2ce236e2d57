// The page of a one-time link (アカウント通知, パスワード再設定): whose account it is, the tenant's policy,
// and 新しいパスワード twice. An expired or used link says so and offers パスワードを忘れた方.
import { ZSetPasswordByLinkRequest } from '@jinji/contracts/common/password-links';
import { fieldErrorsOf, isApiError } from '@jinji/web-kit/api-client';
import { PasswordPolicyBox } from '@jinji/web-kit/ui/password-policy-box';
import { AnchorLink, ButtonLink } from '@jinji/web-kit/ui/router-links';
import { type TFieldErrors, validate } from '@jinji/web-kit/validation';
import { Alert, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { liveViolations, NewPasswordFields, type TNewPassword } from '../../../components/ui/new-password-fields';
import { passwordLinkQueryOptions, useSetPasswordByLink } from '../api/password-links';

export function PasswordSetPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const link = useQuery(passwordLinkQueryOptions(token));
  const setPassword = useSetPasswordByLink();
  const [form, setForm] = useState<TNewPassword>({ newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<TFieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZSetPasswordByLinkRequest, { token, newPassword: form.newPassword });
    const next = result.errors ?? {};
    if (form.confirm !== form.newPassword) next.confirm = [t('password.mismatch')];
    setErrors(next);
    const isLiveOk = liveViolations(form.newPassword, link.data?.policy, link.data?.loginId ?? '').length === 0;
    if (!result.data || next.confirm || !isLiveOk) return;
    setPassword.mutate(result.data, { onError: (err) => setErrors(fieldErrorsOf(err)) });
  };

  const card = (children: React.ReactNode) => (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={560} mx="auto" mt="lg">
      <Stack>
        <Title order={1} size="h2">
          {link.data?.purpose === 'reset' ? t('passwordLink.resetTitle') : t('passwordLink.title')}
        </Title>
        {children}
      </Stack>
    </Paper>
  );

  if (link.isPending) return card(<Skeleton h={240} aria-label={t('kit.loading')} />);
  const linkError = link.error ?? (isApiError(setPassword.error, 'PASSWORD_LINK_INVALID') ? setPassword.error : null);
  if (linkError)
    return card(
      <>
        <Alert color="red" role="alert" title={t('passwordLink.invalidTitle')}>
          {linkError.message}
        </Alert>
        <Group justify="space-between">
          <AnchorLink to="/password/forgot">{t('forgot.link')}</AnchorLink>
          <ButtonLink to="/login" variant="default">
            {t('passwordLink.toLogin')}
          </ButtonLink>
        </Group>
      </>,
    );
  const info = link.data;
  if (!info) return null;
  if (setPassword.data)
    return card(
      <>
        <Alert color="teal" role="status">
          {t('passwordLink.done')}
        </Alert>
        <Group justify="flex-end">
          <ButtonLink to="/login" search={{ tenantCode: setPassword.data.tenantCode }}>
            {t('passwordLink.toLogin')}
          </ButtonLink>
        </Group>
      </>,
    );

  return card(
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('passwordLink.lead')}</Text>
        <Table withTableBorder variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%">{t('login.tenantCode')}</Table.Th>
              <Table.Td ff="monospace">{info.tenantCode}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('login.loginId')}</Table.Th>
              <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {info.loginId}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {setPassword.error && !isApiError(setPassword.error, 'PASSWORD_POLICY_VIOLATION') && (
          <Alert color="red" role="alert" title={t('kit.error')}>
            {setPassword.error.message}
          </Alert>
        )}
        <PasswordPolicyBox policy={info.policy} />
        <NewPasswordFields
          value={form}
          onChange={(key, value) => {
            setForm((f) => ({ ...f, [key]: value }));
            setErrors(({ [key]: _, ...rest }) => rest);
          }}
          policy={info.policy}
          loginId={info.loginId}
          serverErrors={errors.newPassword}
          confirmError={errors.confirm}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={setPassword.isPending}>
            {t('passwordLink.submit')}
          </Button>
        </Group>
      </Stack>
    </form>,
  );
}
