import type { TEmploymentStatus } from '@jinji/contracts/hr/employees';
import { Badge } from '@mantine/core';
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
