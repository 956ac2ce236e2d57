// 【個人プロフィール一括出力】 of 従業員一覧's selection bar: which personal items print this time, then the
// background job's progress (n / total) and 【ダウンロード】 of one ZIP, with who was left out by 社員番号.
import { MAX_PROFILE_BATCH, PROFILE_BATCH_TTL_HOURS } from '@jinji/contracts/hr/profile-batch';
import {
  PROFILE_PERSONAL_ITEM_LABELS,
  PROFILE_PERSONAL_ITEMS,
  type TProfilePersonalItem,
} from '@jinji/contracts/hr/profile-sheet';
import { formatDateTime } from '@jinji/ja/text';
import { downloadFile } from '@jinji/web-kit/api-client';
import { Alert, Button, Checkbox, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionOf } from '../api/account-notice';
import type { TEmployeeFilters } from '../api/employee-search';
import { profileBatchDownloadUrl, profileBatchQueryOptions, useStartProfileBatch } from '../api/profile-batch';
import type { TEmployeePick } from './employee-mail-actions';

export function EmployeeProfileBatch({
  picked,
  count,
  filters,
}: {
  picked: TEmployeePick;
  count: number;
  filters: TEmployeeFilters;
}) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const [items, setItems] = useState<TProfilePersonalItem[]>([...PROFILE_PERSONAL_ITEMS]);
  const [batchId, setBatchId] = useState<string | null>(null);
  const start = useStartProfileBatch();
  const progress = useQuery({ ...profileBatchQueryOptions(batchId ?? ''), enabled: batchId !== null });
  const batch = progress.data;

  const close = () => {
    setOpen(false);
    setBatchId(null);
    start.reset();
  };
  const submit = () =>
    start.mutate(
      { selection: selectionOf(picked, filters), overrides: { personalItems: items } },
      { onSuccess: (b) => setBatchId(b.id) },
    );

  return (
    <>
      <Button size="sm" variant="default" disabled={count === 0} onClick={() => setOpen(true)}>
        {t('profileBatch.open')}
      </Button>
      <Modal opened={isOpen} onClose={close} title={t('profileBatch.title')} size="lg">
        {!batchId ? (
          <Stack>
            <Text size="sm">
              {t('profileBatch.confirm', { count, max: MAX_PROFILE_BATCH.toLocaleString('ja-JP') })}
            </Text>
            <Checkbox.Group
              label={t('profileBatch.personalItems')}
              description={t('profileBatch.personalItemsHint')}
              value={items}
              onChange={(v) => setItems(v as TProfilePersonalItem[])}
            >
              <Stack gap={6} mt="xs">
                {PROFILE_PERSONAL_ITEMS.map((item) => (
                  <Checkbox key={item} value={item} label={PROFILE_PERSONAL_ITEM_LABELS[item]} />
                ))}
              </Stack>
            </Checkbox.Group>
            {start.error && (
              <Alert color="red" role="alert">
                {start.error.message}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('profileBatch.cancel')}
              </Button>
              <Button loading={start.isPending} onClick={submit}>
                {t('profileBatch.start')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            {progress.error && <Alert color="red">{progress.error.message}</Alert>}
            {batch && (
              <>
                <Text size="sm" fw={500} aria-live="polite">
                  {batch.status === 'processing'
                    ? t('profileBatch.processing', { done: batch.done, total: batch.total })
                    : batch.status === 'succeeded'
                      ? t('profileBatch.succeeded', { done: batch.done, total: batch.total })
                      : t('profileBatch.failed')}
                </Text>
                <Progress
                  value={batch.total > 0 ? ((batch.done + batch.skipped.count) / batch.total) * 100 : 0}
                  animated={batch.status === 'processing'}
                  aria-label={t('profileBatch.progress')}
                />
                {batch.skipped.count > 0 && (
                  <Alert color="yellow" role="status">
                    <Text size="sm">{t('profileBatch.skipped', { count: batch.skipped.count })}</Text>
                    <Text size="xs" c="dimmed">
                      {t('employeeMail.numbers', { list: batch.skipped.employeeNumbers.join('、') })}
                    </Text>
                  </Alert>
                )}
                {batch.status === 'succeeded' && batch.expiresAt && (
                  <Text size="xs" c="dimmed">
                    {t('profileBatch.expires', {
                      at: formatDateTime(batch.expiresAt),
                      hours: PROFILE_BATCH_TTL_HOURS,
                    })}
                  </Text>
                )}
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('profileBatch.close')}
              </Button>
              <Button
                disabled={batch?.status !== 'succeeded'}
                onClick={() => downloadFile(profileBatchDownloadUrl(batchId))}
              >
                {t('profileBatch.download')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
