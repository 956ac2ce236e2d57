import type { TEmploymentStatus } from '@jinji/contracts/hr/employees';
import { formatDate, todayInJapan } from '@jinji/ja/text';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TEmploymentStatus, string> = { active: 'teal', retired: 'gray', upcoming: 'blue' };

/** 在籍 / 退職 / 入社予定 */
export function EmployeeStatusBadge({ status }: { status: TEmploymentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'retired' ? 'filled' : 'light'}>
      {t(`employees.statuses.${status}`)}
    </Badge>
  );
}

/** 従業員スタートアップ: 「スタートアップ未完了」, or 「スタートアップ完了 2026/12/01」; nothing when not a target. */
export function StartupMark({ isPending, completedAt }: { isPending: boolean; completedAt: string | null }) {
  const { t } = useTranslation();
  if (isPending)
    return (
      <Text size="xs" c="orange.8" mt={2}>
        {t('employees.startupStates.pending')}
      </Text>
    );
  if (!completedAt) return null;
  return (
    <Text size="xs" c="dimmed" mt={2}>
      {t('employees.startupDoneOn', { date: formatDate(todayInJapan(new Date(completedAt))) })}
    </Text>
  );
}
