// The page of a one-time link, in every app (アカウント通知 / ログイン情報送付, パスワード再設定): whose account
// it is, the tenant's policy, and 新しいパスワード twice. An expired or used link says so and offers, where
// the app has one, パスワードを忘れた方. The token goes to the server in request bodies only (decision 012).
import {
  type TPasswordLinkResponse,
  type TSetPasswordByLinkRequest,
  type TSetPasswordByLinkResponse,
  ZSetPasswordByLinkRequest,
} from '@jinji/contracts/common/password-links';
import { Alert, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient, fieldErrorsOf, isApiError } from '../api-client';
import { type TFieldErrors, validate } from '../validation';
import { liveViolations, NewPasswordFields, type TNewPassword } from './new-password-fields';
import { PasswordPolicyBox } from './password-policy-box';
import { AnchorLink, ButtonLink } from './router-links';

export const passwordLinkQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['password-link', token],
    queryFn: () => apiClient.post<TPasswordLinkResponse>('/api/v1/auth/password-link', { token }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

const useSetPasswordByLink = () =>
  useMutation({
    mutationFn: (body: TSetPasswordByLinkRequest) =>
      apiClient.post<TSetPasswordByLinkResponse>('/api/v1/auth/password-link/set', body),
  });

export type PasswordSetPageProps = {
  token: string;
  /** the tenant code's name in the app (企業コード, 組織コード) */
  codeLabel: string;
  loginIdLabel: string;
  /** the login page's search key for the code (tenantCode, organizationCode) */
  codeSearchKey: string;
  /** パスワードを忘れた方, where the app has it */
  forgot?: { to: string; label: string };
};

export function PasswordSetPage({ token, codeLabel, loginIdLabel, codeSearchKey, forgot }: PasswordSetPageProps) {
  const { t } = useTranslation();
  const link = useQuery(passwordLinkQueryOptions(token));
  const setPassword = useSetPasswordByLink();
  const [form, setForm] = useState<TNewPassword>({ newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<TFieldErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validate(ZSetPasswordByLinkRequest, { token, newPassword: form.newPassword });
    const next = result.errors ?? {};
    if (form.confirm !== form.newPassword) next.confirm = [t('kit.passwordMismatch')];
    setErrors(next);
    const isLiveOk = liveViolations(form.newPassword, link.data?.policy, link.data?.loginId ?? '').length === 0;
    if (!result.data || next.confirm || !isLiveOk) return;
    setPassword.mutate(result.data, { onError: (err) => setErrors(fieldErrorsOf(err)) });
  };

  const card = (children: React.ReactNode) => (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={560} mx="auto" mt="lg">
      <Stack>
        <Title order={1} size="h2">
          {link.data?.purpose === 'reset' ? t('kit.passwordLinkResetTitle') : t('kit.passwordLinkTitle')}
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
        <Alert color="red" role="alert" title={t('kit.passwordLinkInvalidTitle')}>
          {linkError.message}
        </Alert>
        <Group justify="space-between">
          {forgot ? <AnchorLink to={forgot.to}>{forgot.label}</AnchorLink> : <span />}
          <ButtonLink to="/login" variant="default">
            {t('kit.passwordLinkToLogin')}
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
          {t('kit.passwordLinkDone', { codeLabel })}
        </Alert>
        <Group justify="flex-end">
          <ButtonLink to="/login" search={{ [codeSearchKey]: setPassword.data.tenantCode }}>
            {t('kit.passwordLinkToLogin')}
          </ButtonLink>
        </Group>
      </>,
    );

  return card(
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('kit.passwordLinkLead')}</Text>
        <Table withTableBorder variant="vertical" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%">{codeLabel}</Table.Th>
              <Table.Td ff="monospace">{info.tenantCode}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{loginIdLabel}</Table.Th>
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
            {t('kit.passwordLinkSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>,
  );
}
