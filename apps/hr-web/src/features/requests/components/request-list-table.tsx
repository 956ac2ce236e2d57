import { formatDate, formatDateTime } from '@jinji/ja/text';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TRequestPage } from '../api/requests';
import { RequestStatusBadge } from './status-badge';

export type TDetailRoute = '/my/requests/$id' | '/my/approvals/$id' | '/admin/requests/$id';

/** The rows of a 届出 page; `withApplicant`: the approvers' list shows who filed it. */
export function RequestListTable({
  page,
  detailTo,
  withApplicant,
}: {
  page: TRequestPage;
  detailTo: TDetailRoute;
  withApplicant: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={withApplicant ? 760 : 340}>
      <Table aria-label={t('requests.approvalsTitle')} verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requests.type')}</Table.Th>
            {withApplicant && <Table.Th>{t('requests.applicant')}</Table.Th>}
            <Table.Th w={110}>{t('requests.effectiveDate')}</Table.Th>
            <Table.Th w={150}>{t('requests.status')}</Table.Th>
            {withApplicant && <Table.Th w={90}>{t('requests.step')}</Table.Th>}
            {withApplicant && <Table.Th w={170}>{t('requests.createdAt')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <AnchorLink to={detailTo} params={{ id: r.id }} size="sm">
                  {r.typeName}
                </AnchorLink>
                {!withApplicant && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.createdAt)}
                  </Text>
                )}
                {r.canDecide && (
                  <Badge ml="xs" size="xs" color="red" variant="filled">
                    {t('requests.waiting')}
                  </Badge>
                )}
              </Table.Td>
              {withApplicant && (
                <Table.Td fz="sm">
                  {r.applicantName}
                  {r.employeeNumber && (
                    <Text span size="xs" c="dimmed" ml={4}>
                      {r.employeeNumber}
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatDate(r.effectiveDate)}
              </Table.Td>
              <Table.Td>
                <RequestStatusBadge status={r.status} />
              </Table.Td>
              {withApplicant && (
                <Table.Td fz="sm">{t('requests.stepOf', { current: r.currentStep, total: r.stepCount })}</Table.Td>
              )}
              {withApplicant && (
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(r.createdAt)}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
