import type { TRequestStatus } from '@jinji/contracts/hr/requests';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TRequestStatus, string> = {
  pending: 'blue',
  returned: 'orange',
  withdrawn: 'gray',
  scheduled: 'teal',
  applied: 'green',
  approved: 'green',
};

export function RequestStatusBadge({ status }: { status: TRequestStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} style={{ flexShrink: 0 }}>
      {t(`requests.statuses.${status}`)}
    </Badge>
  );
}
