import type { TImportJob } from '@jinji/contracts/hr/imports';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type TImportStatus = TImportJob['status'];
const COLORS: Record<TImportStatus, string> = { processing: 'blue', succeeded: 'green', failed: 'red' };

/** 処理中 / 正常終了 / エラー終了 */
export function ImportStatusBadge({ status }: { status: TImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`imports.statuses.${status}`)}
    </Badge>
  );
}
