// One user in a drawer: the detail and its edit, or a new user. A user linked to HR shows ログインID,
// 氏名, 氏名カナ and メールアドレス read-only with the reason; 【ログイン情報送付】 and 利用停止 / 利用再開.

import type { TSystemRole } from '@jinji/contracts/training/access';
import { SYSTEM_ROLE_LABELS, SYSTEM_ROLES } from '@jinji/contracts/training/access';
import {
  GENDER_LABELS,
  LINKED_FIELDS,
  type TUserDetail,
  type TUserGender,
  USER_GENDERS,
} from '@jinji/contracts/training/users';
import { fieldErrorsOf } from '@jinji/web-kit/api-client';
import { errorText, type TFieldErrors } from '@jinji/web-kit/validation';
import { Alert, Badge, Button, Drawer, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approverOptionsQueryOptions,
  useCreateUser,
  userDetailQueryOptions,
  useSendLoginInfo,
  useSetUserEnabled,
  useUpdateUser,
} from '../api/users';

type TForm = {
  loginId: string;
  displayName: string;
  nameKana: string;
  email: string;
  systemRole: TSystemRole;
  departmentName: string;
  gender: TUserGender;
  approverId: string;
};
const EMPTY: TForm = {
  loginId: '',
  displayName: '',
  nameKana: '',
  email: '',
  systemRole: 'general',
  departmentName: '',
  gender: 'unanswered',
  approverId: '',
};
const formOf = (u: TUserDetail): TForm => ({
  loginId: u.loginId,
  displayName: u.displayName,
  nameKana: u.nameKana ?? '',
  email: u.email ?? '',
  systemRole: u.systemRole,
  departmentName: u.departmentName ?? '',
  gender: u.gender,
  approverId: u.approver?.id ?? '',
});
const bodyOf = (f: TForm) => ({ ...f, approverId: f.approverId || null });

export function UserDrawer({ userId, onClose }: { userId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({ ...userDetailQueryOptions(userId ?? ''), enabled: userId !== null });
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={userId ? t('users.detailTitle') : t('users.createTitle')}
    >
      {userId === null ? (
        <UserForm user={null} onClose={onClose} />
      ) : detail.error ? (
        <Alert color="red">{detail.error.message}</Alert>
      ) : detail.data ? (
        <UserForm key={detail.data.id} user={detail.data} onClose={onClose} />
      ) : (
        <Skeleton h={480} aria-label={t('kit.loading')} />
      )}
    </Drawer>
  );
}

function UserForm({ user, onClose }: { user: TUserDetail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<TForm>(user ? formOf(user) : EMPTY);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const approvers = useQuery(approverOptionsQueryOptions());
  const create = useCreateUser();
  const update = useUpdateUser(user?.id ?? '');
  const setEnabled = useSetUserEnabled(user?.id ?? '');
  const send = useSendLoginInfo();

  const isLocked = (key: keyof TForm) => !!user?.isLinked && Object.hasOwn(LINKED_FIELDS, key);
  const set = (key: keyof TForm) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };
  const fail = (err: Error) => {
    setErrors(fieldErrorsOf(err));
    setMessage({ color: 'red', text: err.message });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!user) {
      create.mutate(bodyOf(form), { onSuccess: onClose, onError: fail });
      return;
    }
    const original = formOf(user);
    const changed = Object.fromEntries(
      (Object.keys(form) as (keyof TForm)[]).filter((k) => form[k] !== original[k]).map((k) => [k, bodyOf(form)[k]]),
    );
    update.mutate(changed, {
      onSuccess: (saved) => {
        setForm(formOf(saved));
        setMessage({ color: 'teal', text: t('users.saved') });
      },
      onError: fail,
    });
  };

  const text = (key: 'loginId' | 'displayName' | 'nameKana' | 'email' | 'departmentName', required = false) => (
    <TextInput
      label={t(`users.${key}`)}
      value={form[key]}
      onChange={(e) => set(key)(e.currentTarget.value)}
      readOnly={isLocked(key)}
      withAsterisk={required && !isLocked(key)}
      description={isLocked(key) ? t('users.lockedReason') : undefined}
      error={errorText(errors[key])}
      variant={isLocked(key) ? 'filled' : 'default'}
      aria-readonly={isLocked(key) || undefined}
    />
  );

  const approverData = [
    { value: '', label: t('users.approverNone') },
    ...(approvers.data?.items ?? [])
      .filter((a) => a.id !== user?.id)
      .map((a) => ({ value: a.id, label: `${a.displayName}（${a.loginId}）` })),
  ];
  if (user?.approver && !approverData.some((o) => o.value === user.approver!.id)) {
    approverData.push({ value: user.approver.id, label: `${user.approver.displayName}（${user.approver.loginId}）` });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {user && (
          <Group gap="xs">
            {user.isLinked && (
              <Badge variant="light" color="indigo">
                {t('users.linked')}
              </Badge>
            )}
            {user.isDisabled && (
              <Badge variant="light" color="gray">
                {t('users.disabled')}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {t('users.hasPassword')}：{user.hasPassword ? t('users.passwordSet') : t('users.passwordUnset')}
            </Text>
          </Group>
        )}
        {user?.isLinked && (
          <Alert color="indigo" variant="light">
            {t('users.linkedNote')}
          </Alert>
        )}
        {message && (
          <Alert color={message.color} role={message.color === 'red' ? 'alert' : 'status'}>
            {message.text}
          </Alert>
        )}
        {text('loginId', true)}
        {text('displayName', true)}
        {text('nameKana')}
        {text('email')}
        <Select
          label={t('users.systemRole')}
          data={SYSTEM_ROLES.map((r) => ({ value: r, label: SYSTEM_ROLE_LABELS[r] }))}
          value={form.systemRole}
          onChange={(v) => v && set('systemRole')(v)}
          allowDeselect={false}
          error={errorText(errors.systemRole)}
        />
        {text('departmentName')}
        <Select
          label={t('users.gender')}
          data={USER_GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
          value={form.gender}
          onChange={(v) => v && set('gender')(v)}
          allowDeselect={false}
          error={errorText(errors.gender)}
        />
        <Select
          label={t('users.approver')}
          data={approverData}
          value={form.approverId}
          onChange={(v) => set('approverId')(v ?? '')}
          searchable
          allowDeselect={false}
          error={errorText(errors.approverId)}
        />
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            {user && (
              <>
                <Button
                  variant="light"
                  disabled={user.isDisabled || !user.email}
                  loading={send.isPending}
                  onClick={() =>
                    send.mutate(user.id, {
                      onSuccess: (r) =>
                        setMessage({
                          color: 'teal',
                          text: t('users.sent', {
                            email: r.email,
                            expiresAt: r.expiresAt.slice(0, 10).replaceAll('-', '/'),
                          }),
                        }),
                      onError: fail,
                    })
                  }
                >
                  {t('users.sendLoginInfo')}
                </Button>
                <Button
                  variant="default"
                  color={user.isDisabled ? undefined : 'red'}
                  loading={setEnabled.isPending}
                  onClick={() => setEnabled.mutate(user.isDisabled, { onError: fail })}
                >
                  {user.isDisabled ? t('users.enable') : t('users.disable')}
                </Button>
              </>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('users.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {t('users.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
