import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accessMatrixQueryOptions } from '../api/access';

/** アクセス権限管理 (seed 初期設定(3)): 大区分 / 小区分 / 機能 × role, ○/-, 人数 and 「詳細」 per role. */
export function AccessMatrixPage() {
  const { t } = useTranslation();
  const matrix = useQuery(accessMatrixQueryOptions);

  if (!matrix.data) {
    return (
      <Stack>
        <Title order={2}>{t('access.title')}</Title>
        {matrix.error ? <Alert color="red">{matrix.error.message}</Alert> : <Skeleton h={400} />}
      </Stack>
    );
  }
  const { roles, rows } = matrix.data;

  return (
    <Stack>
      <Title order={2}>{t('access.title')}</Title>
      <Text c="dimmed">{t('access.lead')}</Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table withColumnBorders striped aria-label={t('access.matrix')} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('access.group')}</Table.Th>
                <Table.Th>{t('access.subgroup')}</Table.Th>
                <Table.Th>{t('access.feature')}</Table.Th>
                {roles.map((r) => (
                  <Table.Th key={r.role} ta="center">
                    {r.label}
                  </Table.Th>
                ))}
              </Table.Tr>
              <Table.Tr bg="indigo.0">
                <Table.Th colSpan={3} ta="right">
                  {t('access.memberCount')}
                </Table.Th>
                {roles.map((r) => (
                  <Table.Td key={r.role} ta="center">
                    <Stack gap={0} align="center">
                      <Text size="sm" fw={600}>
                        {t('access.people', { count: r.memberCount })}
                      </Text>
                      <AnchorLink
                        to="/admin/system/access/$role"
                        params={{ role: r.role }}
                        size="sm"
                        aria-label={t('access.detailOf', { label: r.label })}
                      >
                        {t('access.detail')}
                      </AnchorLink>
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const prev = rows[i - 1];
                const isNewGroup = prev?.group !== row.group;
                return (
                  <Table.Tr key={row.permission} data-permission={row.permission}>
                    <Table.Td fw={isNewGroup ? 600 : undefined}>{isNewGroup ? row.group : ''}</Table.Td>
                    <Table.Td>{isNewGroup || prev?.subgroup !== row.subgroup ? row.subgroup : ''}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      {row.feature}
                    </Table.Th>
                    {roles.map((r) => {
                      const allowed = row.allowed[r.role] ?? false;
                      return (
                        <Table.Td
                          key={r.role}
                          ta="center"
                          c={allowed ? 'indigo.8' : 'dimmed'}
                          fw={allowed ? 700 : undefined}
                          aria-label={`${r.label}: ${allowed ? t('access.allowed') : t('access.denied')}`}
                        >
                          {allowed ? '○' : '-'}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
