// 【個人プロフィール出力】 on 従業員情報（詳細）: a dialog with the saved settings to change for this output only,
// then the PDF as a download (the browser keeps the session cookie; the server audit-logs the output).
import {
  type TProfileRange,
  type TProfileSettings,
  type TProfileSheetQuery,
  ZProfileSettings,
} from '@jinji/contracts/hr/profile-sheet';
import { downloadFile } from '@jinji/web-kit/api-client';
import { Alert, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileSettingsQueryOptions, profileSheetHref } from '../api/profile-sheet';
import { errorsByPath, ProfileSettingsFields, type TFieldErrors } from './profile-settings-form';

const rangeQuery = (prefix: 'record' | 'interview', r: TProfileRange): TProfileSheetQuery =>
  r.kind === 'months'
    ? { [`${prefix}Months`]: r.months }
    : { [`${prefix}From`]: r.from ?? '', [`${prefix}To`]: r.to ?? '' };

export function toSheetQuery(s: TProfileSettings): TProfileSheetQuery {
  return {
    personalItems: s.personalItems.join(','),
    recordCategoryIds: s.recordCategoryIds === null ? 'all' : s.recordCategoryIds.join(','),
    recordLimit: s.recordLimit,
    interviewLimit: s.interviewLimit,
    ...rangeQuery('record', s.recordRange),
    ...rangeQuery('interview', s.interviewRange),
  };
}

export function ProfileSheetButton({ employeeId }: { employeeId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('profileSheet.outputButton')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('profileSheet.outputTitle')} size="lg">
        {open && <OutputForm employeeId={employeeId} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function OutputForm({ employeeId, onDone }: { employeeId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const query = useQuery(profileSettingsQueryOptions);
  const [draft, setDraft] = useState<TProfileSettings | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  if (!query.data) return query.error ? <Alert color="red">{query.error.message}</Alert> : <Skeleton h={360} />;
  const value = draft ?? query.data.settings;
  const output = () => {
    const parsed = ZProfileSettings.safeParse(value);
    if (!parsed.success) return setErrors(errorsByPath(parsed.error.issues));
    downloadFile(profileSheetHref(employeeId, toSheetQuery(parsed.data)));
    onDone();
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('profileSheet.outputLead')}
      </Text>
      <ProfileSettingsFields value={value} onChange={setDraft} categories={query.data.categories} errors={errors} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('profileSheet.cancel')}
        </Button>
        <Button onClick={output}>{t('profileSheet.output')}</Button>
      </Group>
    </Stack>
  );
}
