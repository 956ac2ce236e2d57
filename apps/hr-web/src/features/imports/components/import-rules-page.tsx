import type { TImportKind } from '@jinji/contracts/hr/imports';
import { MASTER_KINDS, type TMasterKind } from '@jinji/contracts/hr/masters';
import { AnchorLink } from '@jinji/web-kit/ui/router-links';
import { Alert, Badge, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../../lib/session';
import { importColumnsQueryOptions } from '../api/imports';
import { ImportKindControl } from './import-kind-control';
import { UpdateRules } from './update-rules';

const isMasterKind = (kind: string | undefined): kind is TMasterKind =>
  kind !== undefined && (MASTER_KINDS as readonly string[]).includes(kind);

/**
 * 入力規則 of one kind's file (「新規登録用ファイル」/「更新用ファイル」/「勤怠実績ファイル」, the kind in the URL):
 * 項目名 / 必須 / 入力規則 / 例, in the file's column order; for 更新 also 空欄 / #削除 / 適用日.
 */
export function ImportRulesPage({
  kind,
  onKindChange,
}: {
  kind: TImportKind;
  onKindChange: (kind: TImportKind) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { data: columns, error } = useQuery(importColumnsQueryOptions(kind));
  const mayViewMasters = hasPermission(me, 'masters.view');
  const title = t('imports.rulesTitle', { file: t(`imports.fileNames.${kind}`) });

  return (
    <Stack>
      <AnchorLink to="/admin/employees/import" search={{ kind }} size="sm">
        ← {t('imports.backToImport')}
      </AnchorLink>
      <Title order={2}>{title}</Title>
      <ImportKindControl value={kind} onChange={onKindChange} />
      <Text size="sm" c="dimmed">
        {t(`imports.rulesLeads.${kind}`)}
        {kind === 'employees_new' && (
          <>
            <br />
            {t('imports.rulesSystemUse')}
          </>
        )}
      </Text>
      {kind === 'employees_update' && <UpdateRules />}
      {error && <Alert color="red">{error.message}</Alert>}
      {!columns ? (
        !error && <Skeleton h={360} aria-label={t('kit.loading')} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={title} verticalSpacing="xs" fz="sm">
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
                    <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {c.example || '-'}
                    </Table.Td>
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
