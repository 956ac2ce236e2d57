import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRequestSide } from '../api/requests';
import { RequestDetail } from './request-detail';

/** A request's page: the applicant's (My STORY › 届出) or an approver's (届出一覧). */
export function RequestDetailPage({
  side,
  id,
  backTo,
}: {
  side: TRequestSide;
  id: string;
  backTo: '/my/requests' | '/my/approvals' | '/admin/requests';
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <AnchorLink to={backTo} size="sm">
        {t('requests.backToList')}
      </AnchorLink>
      <Title order={1} size="h2">
        {t('requests.detailTitle')}
      </Title>
      <RequestDetail side={side} id={id} />
    </Stack>
  );
}
