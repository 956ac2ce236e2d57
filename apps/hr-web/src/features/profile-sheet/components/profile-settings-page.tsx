// 個人プロフィール出力設定 (R-PROF-1): who may view employees may read it; saving needs employees.profile_settings.
import { type TProfileSettings, ZProfileSettings } from '@jinji/contracts/hr/profile-sheet';
import { formatDateTime } from '@jinji/ja/text';
import { ApiError } from '@jinji/web-kit/api-client';
import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileSettingsQueryOptions, useUpdateProfileSettings } from '../api/profile-sheet';
import { errorsByPath, ProfileSettingsFields, type TFieldErrors } from './profile-settings-form';

export function ProfileSettingsPage() {
  const { t } = useTranslation();
  const query = useQuery(profileSettingsQueryOptions);
  const update = useUpdateProfileSettings();
  const [draft, setDraft] = useState<TProfileSettings | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [saved, setSaved] = useState(false);

  if (!query.data)
    return (
      <Stack maw={820}>
        <Title order={2}>{t('profileSheet.settingsTitle')}</Title>
        {query.error ? <Alert color="red">{query.error.message}</Alert> : <Skeleton h={420} />}
      </Stack>
    );
  const { settings, categories, canEdit, isDefault, updatedAt } = query.data;
  const value = draft ?? settings;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const parsed = ZProfileSettings.safeParse(value);
    if (!parsed.success) return setErrors(errorsByPath(parsed.error.issues));
    try {
      await update.mutateAsync(parsed.data);
      setErrors({});
      setDraft(null);
      setSaved(true);
    } catch (error) {
      setErrors(error instanceof ApiError ? errorsByPath(error.fields) : {});
    }
  };

  return (
    <Stack maw={820}>
      <Title order={2}>{t('profileSheet.settingsTitle')}</Title>
      <Text c="dimmed">{t('profileSheet.settingsLead')}</Text>
      <Text size="sm">{t('profileSheet.maskNote')}</Text>
      {isDefault && <Alert color="blue">{t('profileSheet.isDefault')}</Alert>}
      {!canEdit && <Alert color="gray">{t('profileSheet.forbidden')}</Alert>}
      {saved && <Alert color="green">{t('profileSheet.saved')}</Alert>}
      {update.error && !(update.error instanceof ApiError && update.error.fields.length) && (
        <Alert color="red">{update.error.message}</Alert>
      )}
      <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate>
        <ProfileSettingsFields
          value={value}
          onChange={(next) => {
            setDraft(next);
            setSaved(false);
          }}
          categories={categories}
          errors={errors}
          disabled={!canEdit}
        />
        {canEdit && (
          <Group justify="flex-end" mt="lg">
            <Button type="submit" loading={update.isPending}>
              {t('profileSheet.save')}
            </Button>
          </Group>
        )}
      </Paper>
      {updatedAt && (
        <Text size="xs" c="dimmed">
          {t('profileSheet.updatedAt', { at: formatDateTime(updatedAt) })}
        </Text>
      )}
    </Stack>
  );
}
