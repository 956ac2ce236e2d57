import { MASTER_KINDS, type TMasterKind } from '@jinji/contracts/masters';
import { Alert, Badge, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/ui/router-links';
import { hasPermission, useMe } from '../../../lib/session';
import { importColumnsQueryOptions } from '../api/imports';

const isMasterKind = (kind: string | undefined): kind is TMasterKind =>
  kind !== undefined && (MASTER_KINDS as readonly string[]).includes(kind);

/** 入力規則 of 「新規登録用ファイル」: 項目名 / 必須 / 入力規則 / 例, in the file's column order. */
export function ImportRulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data: columns, error } = useQuery(importColumnsQueryOptions);
  const mayViewMasters = hasPermission(me, 'masters.view');

  return (
    <Stack>
      <AnchorLink to="/admin/employees/import" size="sm">
        ← {t('imports.backToImport')}
      </AnchorLink>
      <Title order={2}>{t('imports.rulesTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('imports.rulesLead')}
        <br />
        {t('imports.rulesSystemUse')}
      </Text>
      {error && <Alert color="red">{error.message}</Alert>}
      {!columns ? (
        !error && <Skeleton h={360} aria-label={t('common.loading')} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={t('imports.rulesTitle')} verticalSpacing="xs" fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={48}>#</Table.Th>
                  <Table.Th w={240}>{t('imports.column')}</Table.Th>
                  <Table.Th w={80}>{t('imports.required')}</Table.Th>
                  <Table.Th>{t('imports.rule')}</Table.Th>
                  <Table.Th w={180}>{t('imports.example')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {columns.map((c, i) => (
                  <Table.Tr key={c.key}>
                    <Table.Td c="dimmed">{i + 1}</Table.Td>
                    <Table.Td fw={500}>{c.header}</Table.Td>
                    <Table.Td>
                      {c.required ? (
                        <Badge color="red" variant="light" size="sm">
                          {t('imports.required')}
                        </Badge>
                      ) : (
                        <Text span c="dimmed">
                          -
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.format}</Text>
                      {c.master && (
                        <Text size="xs" c="dimmed">
                          {isMasterKind(c.master) && mayViewMasters ? (
                            <AnchorLink to="/admin/masters/$kind" params={{ kind: c.master }} size="xs">
                              {t('imports.masterNote')}
                            </AnchorLink>
                          ) : (
                            t('imports.masterNote')
                          )}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ff="monospace">{c.example || '-'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
