import type { TRequestStatus } from '@jinji/contracts/hr/requests';
import { Badge } from '@mantine/core';
import { Fragment } from 'react';
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
    // the label wraps instead of being cut (「承認済み・適用待ち」 in a 375 px list column)
    <Badge
      variant="light"
      color={COLORS[status]}
      style={{ flexShrink: 0 }}
      styles={{
        root: { height: 'auto', minHeight: 20 },
        label: { whiteSpace: 'normal', wordBreak: 'keep-all', lineHeight: 1.4 },
      }}
    >
      {/* keep-all: it breaks only after 「・」, not inside 適用済み */}
      {t(`requests.statuses.${status}`)
        .split('・')
        .map((part, i) => (
          <Fragment key={part}>
            {i > 0 && (
              <>
                ・<wbr />
              </>
            )}
            {part}
          </Fragment>
        ))}
    </Badge>
  );
}
